using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Stayline.Data;

namespace Stayline.Features.Habeas;

/// <summary>Everyone detained with no habeas petition yet, longest detained first.</summary>
public sealed class QueueModel(StaylineDbContext db, TimeProvider clock, IOptions<HabeasOptions> options) : PageModel
{
    public const int PageSize = 200;

    public QueuePage Queue { get; private set; } = new([], 0);
    public int EscalateAfterHours => options.Value.EscalateAfterHours;
    public int PageNumber { get; private set; } = 1;

    public async Task OnGetAsync(int? page, CancellationToken ct)
    {
        PageNumber = Math.Max(1, page ?? 1);
        Queue = await HabeasQueue.RunAsync(db, clock, EscalateAfterHours, (PageNumber - 1) * PageSize, PageSize, ct);
    }
}
