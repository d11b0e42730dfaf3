using Microsoft.AspNetCore.Mvc.RazorPages;
using Stayline.Data;
using Stayline.Infrastructure;

namespace Stayline.Features.Dashboard;

/// <summary>Where the crisis stands: custody, lawyers, matters, facilities, and who needs help first.</summary>
public sealed class IndexModel(StaylineDbContext db, IDashboardSignals signals, TimeProvider clock) : PageModel
{
    public DashboardData Data { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Data = await DashboardQuery.RunAsync(db, signals, clock.Today(), ct);
}
