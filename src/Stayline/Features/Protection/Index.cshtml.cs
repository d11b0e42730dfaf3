using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.People;
using Stayline.Domain.Protection;

namespace Stayline.Features.Protection;

/// <summary>People by stored protection state (default: not protected or unknown), e.g. the home page's "detained and not protected".</summary>
public sealed class IndexModel(StaylineDbContext db) : PageModel
{
    public const int MaxRows = 1_000;

    public sealed record Row(long PersonId, string Name, string? ANumber, CustodyStatus Custody, string State, bool EndsWithin7Days, string Summary)
    {
        public string? ANumberDisplay => Domain.People.ANumber.DisplayOf(ANumber);
    }

    public sealed class Joined
    {
        public required Person Person { get; init; }
        public required PersonProtection Protection { get; init; }
    }

    public ProtectionState? State { get; private set; }
    public CustodyStatus? Status { get; private set; }
    public bool EndingSoon { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public string Heading => (EndingSoon ? "Protection ending within 7 days" : State switch
    {
        null => "Not protected or unknown",
        ProtectionState.NotProtected => "Not protected",
        ProtectionState.Unknown => "Protection unknown",
        _ => "Protected",
    }) + (Status is { } s ? $" ({s.ToString().ToLowerInvariant()})" : "");

    public async Task OnGetAsync(ProtectionState? state, CustodyStatus? status, bool endingSoon, CancellationToken ct)
    {
        (State, Status, EndingSoon) = (state, status, endingSoon);
        var q = Query(db, state, status);
        if (endingSoon)
        {
            q = q.Where(x => x.Protection.EndsWithin7Days);
        }

        Rows = await q.OrderBy(x => x.Person.SortName).Take(MaxRows)
            .Select(x => new Row(x.Person.Id, x.Person.GivenName + " " + x.Person.FamilyName, x.Person.ANumber, x.Person.CustodyStatus, x.Protection.State,
                x.Protection.EndsWithin7Days, x.Protection.Summary)).ToListAsync(ct);
    }

    /// <summary>People joined to their stored protection; no state means "not protected or unknown".</summary>
    public static IQueryable<Joined> Query(StaylineDbContext db, ProtectionState? state, CustodyStatus? status)
    {
        var people = db.People.AsNoTracking();
        if (status is { } s)
        {
            people = people.Where(p => p.CustodyStatus == s);
        }

        var protections = db.Protections.AsNoTracking();
        if (state is { } st)
        {
            var name = st.ToString();
            protections = protections.Where(x => x.State == name);
        }
        else
        {
            protections = protections.Where(x => x.State != nameof(ProtectionState.Protected));
        }

        return people.Join(protections, p => p.Id, x => x.PersonId, (p, x) => new Joined { Person = p, Protection = x });
    }
}
