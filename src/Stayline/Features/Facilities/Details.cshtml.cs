using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Custody;
using Stayline.Domain.People;
using Stayline.Features.People;

namespace Stayline.Features.Facilities;

public sealed class DetailsModel(StaylineDbContext db) : PageModel
{
    public Facility? Facility { get; private set; }
    public PeoplePage Detained { get; private set; } = new([], 0, false, 1, 100);

    /// <summary>Everyone held here, counted exactly (one range of the status and facility index; the people list
    /// stops counting a filtered list at <see cref="PeopleQuery.FilteredCountCap"/>).</summary>
    public int Held { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Facility = await db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (Facility is null)
        {
            return NotFound();
        }

        Detained = await PeopleQuery.RunAsync(db, new PeopleFilter { FacilityId = id, Status = CustodyStatus.Detained, PageSize = 100 }, ct);
        Held = await db.People.CountAsync(p => p.CustodyStatus == CustodyStatus.Detained && p.CurrentFacilityId == id, ct);
        return Page();
    }
}
