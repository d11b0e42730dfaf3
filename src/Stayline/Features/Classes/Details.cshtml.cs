using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Classes;
using Stayline.Features.People;

namespace Stayline.Features.Classes;

public sealed class DetailsModel(StaylineDbContext db) : PageModel
{
    public ClassAction? Class { get; private set; }
    public IReadOnlyList<CourtOrder> Orders { get; private set; } = [];
    public PeoplePage Members { get; private set; } = new([], 0, false, 1, 100);

    /// <summary>The class's members, counted exactly as the class list counts them (the people list stops counting a
    /// filtered list at <see cref="PeopleQuery.FilteredCountCap"/>).</summary>
    public int MemberCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Class = await db.ClassActions.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (Class is null)
        {
            return NotFound();
        }

        Orders = await db.CourtOrders.AsNoTracking().Where(o => o.ClassActionId == id).OrderBy(o => o.IssuedOn).ToListAsync(ct);
        Members = await PeopleQuery.RunAsync(db, new PeopleFilter { ClassId = id, PageSize = 100 }, ct);
        MemberCount = await db.ClassMemberships.CountAsync(m => m.ClassActionId == id, ct);
        return Page();
    }
}
