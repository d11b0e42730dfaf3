using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.People;
using Stayline.Features.Facilities;

namespace Stayline.Features;

public sealed class HomeModel(StaylineDbContext db) : PageModel
{
    public int People { get; private set; }
    public int Detained { get; private set; }
    public int DetainedWithoutLawyer { get; private set; }
    public int DetainedNotProtected { get; private set; }
    public int DetainedUnknown { get; private set; }
    public int EndingSoon { get; private set; }
    public IReadOnlyList<FacilityDto> Facilities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        People = await db.People.CountAsync(ct);
        Detained = await db.People.CountAsync(p => p.CustodyStatus == CustodyStatus.Detained, ct);
        DetainedWithoutLawyer = await db.People.CountAsync(p => p.CustodyStatus == CustodyStatus.Detained
            && !db.Assignments.Any(a => a.PersonId == p.Id && a.To == null), ct);
        DetainedNotProtected = await Protection.IndexModel.Query(db, Domain.Protection.ProtectionState.NotProtected, CustodyStatus.Detained).CountAsync(ct);
        DetainedUnknown = await Protection.IndexModel.Query(db, Domain.Protection.ProtectionState.Unknown, CustodyStatus.Detained).CountAsync(ct);
        EndingSoon = await Protection.IndexModel.Query(db, Domain.Protection.ProtectionState.Protected, null).CountAsync(x => x.Protection.EndsWithin7Days, ct);
        Facilities = (await FacilityQueries.WithCountsAsync(db, ct)).Where(f => f.Detained > 0).OrderByDescending(f => f.Detained).Take(15).ToList();
    }
}
