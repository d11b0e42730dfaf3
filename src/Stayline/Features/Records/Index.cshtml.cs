using Microsoft.AspNetCore.Mvc.RazorPages;
using Stayline.Data;
using Stayline.Domain.Records;
using Stayline.Infrastructure;

namespace Stayline.Features.Records;

/// <summary>What the agencies still owe: every outstanding records request, oldest first, by agency, with the court's dates.</summary>
public sealed class IndexModel(StaylineDbContext db, TimeProvider clock) : PageModel
{
    public RecordsAgency? Agency { get; private set; }
    public bool Noncompliant { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public DateOnly Today { get; private set; }
    public OutstandingPage Result { get; private set; } = new(0, new Dictionary<RecordsAgency, int>(), []);

    public async Task OnGetAsync(RecordsAgency? agency, bool? noncompliant, int? page, CancellationToken ct)
    {
        Agency = agency;
        Noncompliant = noncompliant ?? false;
        PageNumber = Math.Max(1, page ?? 1);
        Today = clock.Today();
        Result = await RecordsLedger.OutstandingAsync(db, Agency, Noncompliant, PageNumber, Today, ct);
    }
}
