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

        /// <summary>The person's sort name: with the id, the row's place in the list (<see cref="NameKey"/>).</summary>
        public string SortName { get; init; } = "";
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
    /// or a custody filter: each listed person is read for it, twice for the scoping), on every page (pages are found by
    /// key, not counted to). 10,000 cost 80-150 ms of a first page's time at a million (session 17), 2,000 a fifth.</summary>
    public const int CountCap = 2_000;

    /// <summary>Lists longer than this are read in name order from the people (<see cref="WalkedAsync"/>).</summary>
    public const int WalkFrom = 2_000;

    /// <summary>The number of people listed (all pages): exact, unless <see cref="MoreThanTotal"/>.</summary>
    public int Total { get; private set; }
    /// <summary>More people are listed than <see cref="Total"/>: they were counted only that far (and the page says so).</summary>
    public bool MoreThanTotal { get; private set; }

    /// <summary>The key after which the next page starts (its last row), when there is a next page.</summary>
    public NameKey? Next { get; private set; }

    /// <summary>The key before which the previous page ends (this page's first row), when this page is not the first.</summary>
    public NameKey? Previous { get; private set; }

    /// <summary>The number of rows before this page's first, when the list is counted exactly and they were counted (the
    /// pager then says "201-400 of 1,286").</summary>
    public int? Position { get; private set; }

    /// <summary>The list's first page (asked for without a key, or with one that fewer than a page precede).</summary>
    public bool FirstPage { get; private set; } = true;

    public string Heading => (EndingSoon ? "Protection ending within 7 days" : State switch
    {
        null => "Not protected or unknown",
        ProtectionState.NotProtected => "Not protected",
        ProtectionState.Unknown => "Protection unknown",
        _ => "Protected",
    }) + (Status is { } s ? $" ({s.ToString().ToLowerInvariant()})" : "");

    /// <summary>
    /// A page of the list in name order (sort name, then id), after the key <paramref name="after"/> or before
    /// <paramref name="before"/> (neither: the first page): keyset paging, so a page far into the list costs what the
    /// first does (by offset, page 20 read the 4,000 people before it: 111 ms of CPU at a million, session 17).
    /// </summary>
    public async Task OnGetAsync(ProtectionState? state, CustodyStatus? status, bool endingSoon, string? after, string? before, CancellationToken ct)
    {
        (State, Status, EndingSoon) = (state, status, endingSoon);
        IQueryable<Joined> Listed(IQueryable<Joined> q) => endingSoon ? q.Where(x => x.Protection.EndsWithin7Days) : q;
        // A reader who sees only their own organisation (then the scoping is OrganisationId = own) and a custody filter:
        // both are equalities on people (OrganisationId, CustodyStatus, ...), so the count and the walk start there.
        var own = await People.PeopleQuery.OwnOrganisationOnlyAsync(db, ct);
        if (status is null && db.Visibility.All)
        {
            // Everyone seen and no custody filter: every protection row is listed, counted from the (State) index alone.
            var rows = Protections(db, state);
            Total = await (endingSoon ? rows.Where(x => x.EndsWithin7Days) : rows).CountAsync(ct);
        }
        else
        {
            // Each person would be read for the scoping or custody (200,000 not protected at a million: 356 ms of CPU).
            // With a custody filter and one organisation, counted from people (OrganisationId, CustodyStatus) in id order,
            // each person's protection row by its key: 2,001 of the released are found among ~10,000 of them, where the
            // State index gave ~29,000 rows of every organisation and custody, each person read twice (session 19: 5-10
            // ms against 25-30 in sqlite3 at a million; a partner's released 6-11 against 170-230). Otherwise from the
            // State index, which was the cheaper of the two for everyone's custody filter and for no filter.
            var counting = status is not null && own is { } o ? Walked(db, state, status, o) : Query(db, state, status);
            var counted = await Listed(counting).Take(CountCap + 1).CountAsync(ct);
            (Total, MoreThanTotal) = (Math.Min(counted, CountCap), counted > CountCap);
        }

        // A long list is read in name order from the people's name index, each person's protection row looked up, until
        // the page is full (1,000 people read for a page of the 200,000 not protected or unknown at a million), from the
        // page's key on. Given the State index, SQLite took every row of the state and sorted them all for each page
        // (600 ms at a million). A short list is read from the State index and sorted.
        var listed = Listed(MoreThanTotal || Total > WalkFrom ? Walked(db, state, status, own) : Query(db, state, status));
        var page = await PageAsync(listed, NameKey.Parse(after), NameKey.Parse(before), ct);
        (Rows, Next, Previous, FirstPage) = (page.Rows, page.Next, page.Previous, page.First);
        if (!MoreThanTotal)
        {
            // Where the list is counted exactly, the page's place in it: the rows before its first, counted as far as the
            // list is (a page past the cap of an admin's exact count keeps "200 shown").
            var ahead = FirstPage || Rows.Count == 0 ? 0 : await Before(listed, new NameKey(Rows[0].SortName, Rows[0].PersonId)).Take(CountCap + 1).CountAsync(ct);
            Position = ahead <= CountCap ? ahead : null;
        }

        if (Infrastructure.Localization.Current != "en" && Rows.Count > 0)
        {
            var watermark = await ProtectionRecompute.WatermarkAsync(db, ct);
            var evaluated = await ProtectionRecompute.EvaluateWithoutStoringAsync(db,
                Rows.ToDictionary(r => r.PersonId, r => ProtectionView.AnswersFor(r.ComputedAsOf, watermark)), ct);
            Rows = [.. Rows.Select(r => evaluated.TryGetValue(r.PersonId, out var e) && e.SummarySentence is { } said && e.Summary == r.Summary ? r with { Said = said } : r)];
        }
    }

    private sealed record KeyedPage(List<Row> Rows, NameKey? Next, NameKey? Previous, bool First);

    /// <summary>The page after <paramref name="after"/> or before <paramref name="before"/> (the first page when neither,
    /// or when fewer than a page are before it), with the keys of the pages either side.</summary>
    private static async Task<KeyedPage> PageAsync(IQueryable<Joined> listed, NameKey? after, NameKey? before, CancellationToken ct)
    {
        if (before is { } end)
        {
            // The rows before the key are the rows after it in the reversed order.
            var back = await RowsAsync(Before(listed, end).OrderByDescending(x => x.Person.SortName).ThenByDescending(x => x.Person.Id), ct);
            if (back.Count > PageSize)
            {
                back.RemoveAt(PageSize);
                back.Reverse();
                return new KeyedPage(back, KeyOf(back[^1]), KeyOf(back[0]), First: false);
            }

            // Fewer than a page before it: the first page.
            after = null;
        }

        var rows = await RowsAsync((after is { } start ? After(listed, start) : listed).OrderBy(x => x.Person.SortName).ThenBy(x => x.Person.Id), ct);
        NameKey? next = null;
        if (rows.Count > PageSize)
        {
            rows.RemoveAt(PageSize);
            next = KeyOf(rows[^1]);
        }

        return new KeyedPage(rows, next, after is not null && rows.Count > 0 ? KeyOf(rows[0]) : null, First: after is null);

        static NameKey KeyOf(Row r) => new(r.SortName, r.PersonId);
        static Task<List<Row>> RowsAsync(IQueryable<Joined> ordered, CancellationToken ct) => ordered.Take(PageSize + 1)
            .Select(x => new Row(x.Person.Id, x.Person.GivenName + " " + x.Person.FamilyName, x.Person.ANumber, x.Person.CustodyStatus, x.Protection.State,
                x.Protection.EndsWithin7Days, x.Protection.Summary, x.Protection.ComputedAsOf)
            { SortName = x.Person.SortName }).ToListAsync(ct);
    }

    /// <summary>The rows after the key in name order. The first condition alone is a range of the name index (where the
    /// walk starts); the second leaves out the key's own name up to its id.</summary>
    private static IQueryable<Joined> After(IQueryable<Joined> q, NameKey k) =>
        q.Where(x => string.Compare(x.Person.SortName, k.SortName) >= 0 && (string.Compare(x.Person.SortName, k.SortName) > 0 || x.Person.Id > k.Id));

    private static IQueryable<Joined> Before(IQueryable<Joined> q, NameKey k) =>
        q.Where(x => string.Compare(x.Person.SortName, k.SortName) <= 0 && (string.Compare(x.Person.SortName, k.SortName) < 0 || x.Person.Id < k.Id));

    /// <summary>People joined to their stored protection; no state means "not protected or unknown".</summary>
    public static IQueryable<Joined> Query(StaylineDbContext db, ProtectionState? state, CustodyStatus? status) =>
        Join(PeopleIn(db, status), Protections(db, state, byIndex: true));

    /// <summary>
    /// <see cref="Query"/> in a form SQLite reads in the people's name order: the state is compared in a form no index
    /// serves (a CASE), so a name index drives and each person's protection row is found by its key. A reader who sees
    /// only their own organisation (<paramref name="own"/>) walks <c>people (OrganisationId, SortName)</c>, or with a
    /// custody filter <c>people (OrganisationId, CustodyStatus, SortName)</c>; a reader who sees everyone
    /// <c>people (SortName)</c> or <c>people (CustodyStatus, SortName)</c>: the custody is an equality of the walked index,
    /// so a rare custody (the released, 7 % of a million) is not found by reading everyone in name order (14,000 people
    /// read for a page of them, session 18). The scoping stays on every table: the organisation condition is added to it,
    /// never put in its place.
    /// </summary>
    private static IQueryable<Joined> Walked(StaylineDbContext db, ProtectionState? state, CustodyStatus? status, long? own)
    {
        var people = db.People.AsNoTracking();
        if (status is { } s)
        {
            people = people.Where(p => p.CustodyStatus == s);
        }

        if (own is { } o)
        {
            people = people.Where(p => p.OrganisationId == o);
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

/// <summary>A place in the Protection list's name order, as a page link carries it: "sort name~id" (a name may itself
/// hold "~": the id starts after the last).</summary>
public readonly record struct NameKey(string SortName, long Id)
{
    public static NameKey? Parse(string? text)
    {
        var at = text?.LastIndexOf('~') ?? -1;
        return at >= 0 && long.TryParse(text.AsSpan(at + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? new NameKey(text![..at], id)
            : null;
    }

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{SortName}~{Id}");
}
