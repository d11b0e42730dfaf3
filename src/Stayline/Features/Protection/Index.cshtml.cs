using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.People;
using Stayline.Domain.Protection;

namespace Stayline.Features.Protection;

/// <summary>People by stored protection state (default: not protected or unknown), e.g. the home page's "detained and not protected".</summary>
public sealed class IndexModel(StaylineDbContext db) : PageModel
{
    /// <summary>Rows per page; every row is reachable by the pager (the list used to stop at the first 1,000).</summary>
    public const int PageSize = 200;

    public sealed record Row(long PersonId, string Name, string? ANumber, CustodyStatus Custody, string State, bool EndsWithin7Days, string Summary,
        DateOnly ComputedAsOf)
    {
        public string? ANumberDisplay => Domain.People.ANumber.DisplayOf(ANumber);

        /// <summary>The summary as a sentence: evaluated from the person's facts for the day the row answers for (the
        /// stored summary is English text); the stored text when the page is in English.</summary>
        public Sentence Said { get; init; } = Sentence.Verbatim(Summary);
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
    /// <summary>How far the list is counted when counting it exactly would be slow (a reader who does not see everyone,
    /// or a custody filter: each listed person is read for it, twice for the scoping); further on later pages, so the
    /// next page is known. 10,000 cost 80-150 ms of a first page's time at a million (session 17), 2,000 a fifth.</summary>
    public const int CountCap = 2_000;

    /// <summary>Lists longer than this are read in name order from the people (<see cref="WalkedAsync"/>).</summary>
    public const int WalkFrom = 2_000;

    /// <summary>The number of people listed (all pages): exact, unless <see cref="MoreThanTotal"/>.</summary>
    public int Total { get; private set; }
    /// <summary>More people are listed than <see cref="Total"/>: they were counted only that far (and the page says so).</summary>
    public bool MoreThanTotal { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool HasNext => PageNumber < PageCount || MoreThanTotal;

    public string Heading => (EndingSoon ? "Protection ending within 7 days" : State switch
    {
        null => "Not protected or unknown",
        ProtectionState.NotProtected => "Not protected",
        ProtectionState.Unknown => "Protection unknown",
        _ => "Protected",
    }) + (Status is { } s ? $" ({s.ToString().ToLowerInvariant()})" : "");

    public async Task OnGetAsync(ProtectionState? state, CustodyStatus? status, bool endingSoon, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "Page")] int? pageNumber, CancellationToken ct)
    {
        (State, Status, EndingSoon) = (state, status, endingSoon);
        PageNumber = Math.Max(1, pageNumber ?? 1);
        IQueryable<Joined> Listed(IQueryable<Joined> q) => endingSoon ? q.Where(x => x.Protection.EndsWithin7Days) : q;
        if (status is null && db.Visibility.All)
        {
            // Everyone seen and no custody filter: every protection row is listed, counted from the (State) index alone.
            var rows = Protections(db, state);
            Total = await (endingSoon ? rows.Where(x => x.EndsWithin7Days) : rows).CountAsync(ct);
        }
        else
        {
            // Each person would be read for the scoping or custody (200,000 not protected at a million: 356 ms of CPU).
            var cap = (int)Math.Min(int.MaxValue - 1, Math.Max(CountCap, (long)PageNumber * PageSize));
            var counted = await Listed(Query(db, state, status)).Take(cap + 1).CountAsync(ct);
            (Total, MoreThanTotal) = (Math.Min(counted, cap), counted > cap);
        }

        // A long list is read in name order from the people's name index, each person's protection row looked up, until
        // the page is full (1,000 people read for a page of the 200,000 not protected or unknown at a million). Given the
        // State index, SQLite took every row of the state and sorted them all for each page (600 ms at a million). A short
        // list, or a page far into one (the walk reads the people before it), is still read from the State index.
        var offset = (PageNumber - 1) * PageSize;
        var walk = (MoreThanTotal || Total > WalkFrom) && (MoreThanTotal || (long)offset * 5 < Total);
        var listed = Listed(walk ? await WalkedAsync(db, state, status, ct) : Query(db, state, status));
        Rows = await listed.OrderBy(x => x.Person.SortName).ThenBy(x => x.Person.Id).Skip(offset).Take(PageSize)
            .Select(x => new Row(x.Person.Id, x.Person.GivenName + " " + x.Person.FamilyName, x.Person.ANumber, x.Person.CustodyStatus, x.Protection.State,
                x.Protection.EndsWithin7Days, x.Protection.Summary, x.Protection.ComputedAsOf)).ToListAsync(ct);
        if (Infrastructure.Localization.Current != "en" && Rows.Count > 0)
        {
            var watermark = await ProtectionRecompute.WatermarkAsync(db, ct);
            var evaluated = await ProtectionRecompute.EvaluateWithoutStoringAsync(db,
                Rows.ToDictionary(r => r.PersonId, r => ProtectionView.AnswersFor(r.ComputedAsOf, watermark)), ct);
            Rows = [.. Rows.Select(r => evaluated.TryGetValue(r.PersonId, out var e) && e.SummarySentence is { } said && e.Summary == r.Summary ? r with { Said = said } : r)];
        }
    }

    /// <summary>People joined to their stored protection; no state means "not protected or unknown".</summary>
    public static IQueryable<Joined> Query(StaylineDbContext db, ProtectionState? state, CustodyStatus? status) =>
        Join(PeopleIn(db, status), Protections(db, state, byIndex: true));

    /// <summary>
    /// <see cref="Query"/> in a form SQLite reads in the people's name order: the state is compared in a form no index
    /// serves (a CASE), so the name index drives and each person's protection row is found by its key; a reader who sees
    /// only their own organisation's people walks <c>people (OrganisationId, SortName)</c>. The scoping stays on every
    /// table: the organisation condition is added to it, never put in its place.
    /// </summary>
    private static async Task<IQueryable<Joined>> WalkedAsync(StaylineDbContext db, ProtectionState? state, CustodyStatus? status, CancellationToken ct)
    {
        var people = PeopleIn(db, status);
        if (await People.PeopleQuery.OwnOrganisationOnlyAsync(db, ct) is { } own)
        {
            people = people.Where(p => p.OrganisationId == own);
        }

        return Join(people, Protections(db, state, byIndex: false));
    }

    private static IQueryable<Joined> Join(IQueryable<Person> people, IQueryable<PersonProtection> protections) =>
        people.Join(protections, p => p.Id, x => x.PersonId, (p, x) => new Joined { Person = p, Protection = x });

    /// <summary>The people in the custody, compared as a CASE, which no index serves: SQLite, without statistics, otherwise
    /// read the 830,000 detained of a million from the (CustodyStatus, ...) index and looked each one's protection up
    /// (1.4 s to count the first 10,000), where the State index (or the name order) gives the rows and each person is read once.</summary>
    private static IQueryable<Person> PeopleIn(StaylineDbContext db, CustodyStatus? status)
    {
        var people = db.People.AsNoTracking();
        return status is { } s ? people.Where(p => (p.CustodyStatus == s ? 1 : 0) == 1) : people;
    }

    /// <summary>The stored protection rows in the state (none: not protected or unknown): each a range of the State index
    /// when <paramref name="byIndex"/>, otherwise a CASE (each row checked where it is found by its key).</summary>
    private static IQueryable<PersonProtection> Protections(StaylineDbContext db, ProtectionState? state, bool byIndex = true)
    {
        var protections = db.Protections.AsNoTracking();
        var (one, other) = state is { } st ? (st.ToString(), st.ToString()) : (nameof(ProtectionState.NotProtected), nameof(ProtectionState.Unknown));
        return byIndex
            ? protections.Where(x => x.State == one || x.State == other)
            : protections.Where(x => (x.State == one || x.State == other ? 1 : 0) == 1);
    }
}
