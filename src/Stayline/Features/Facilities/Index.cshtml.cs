using Microsoft.AspNetCore.Mvc.RazorPages;
using Stayline.Data;

namespace Stayline.Features.Facilities;

public sealed class IndexModel(StaylineDbContext db) : PageModel
{
    public IReadOnlyList<FacilityDto> Facilities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Facilities = await FacilityQueries.WithCountsAsync(db, ct);
}
