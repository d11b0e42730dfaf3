using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Matching;
using Stayline.Domain.People;

namespace Stayline.Features.People;

public enum PeopleSort
{
    Name,
    ANumber,
    BirthDate,
    Newest,
    Facility,
    Lawyer,
    Protection,
    NextDeadline,
    /// <summary>Closest name first (a name search's default); the score is shown.</summary>
    Closeness,
}

/// <summary>The people list's filters; the page and the API bind the same names.</summary>
public sealed record PeopleFilter
{
    /// <summary>A name (any words, prefix match, case and accents ignored) or an A-number in any common format.</summary>
    public string? Q { get; init; }
    public long? FacilityId { get; init; }
    public CustodyStatus? Status { get; init; }
    public string? AttorneyId { get; init; }
    public long? ClassId { get; init; }
    public bool? HasLawyer { get; init; }
    public PeopleSort Sort { get; init; }
    public bool Desc { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
    /// <summary>Where the previous page ended (every sort but closeness pages by key): the page after it.</summary>
    public string? After { get; init; }
    /// <summary>Where the next page started: the page before it.</summary>
    public string? Before { get; init; }
}

public sealed record PersonRow(long Id, string? ANumber, string GivenName, string FamilyName, DateOnly? BirthDate,
    BirthDatePrecision BirthDatePrecision, string? Citizenship, CustodyStatus CustodyStatus, long? FacilityId, string? FacilityName, int Version)
{
    public string FullName => $"{GivenName} {FamilyName}".Trim();

    public string? ANumberDisplay => Domain.People.ANumber.DisplayOf(ANumber);

    /// <summary>Protection, lawyers and next deadline (the triage board's columns).</summary>
    public BoardCells Board { get; init; } = BoardCells.Empty;

    /// <summary>How close the name is to the searched name, 0 to 1 (closeness sort only).</summary>
    public double? Score { get; init; }
}

/// <param name="Total">The exact number found when <paramref name="TotalIsCapped"/> is false. When it is true, more exist
/// than were counted and Total is where counting stopped: 100,000 for the unfiltered list (<see cref="PeopleQuery.ListCountCap"/>),
/// 2,000 for a filtered one (<see cref="PeopleQuery.FilteredCountCap"/>), 1,000 for a name search (<see cref="PeopleQuery.CountCap"/>);
/// the page says "more than" that number. Every row stays reachable by following After.</param>
public sealed record PeoplePage(IReadOnlyList<PersonRow> Rows, int Total, bool TotalIsCapped, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>Another page follows: the count reaches at least one row past this page (it is counted that far).</summary>
    public bool HasNext => Keyset ? After is not null : TotalIsCapped || Total > Page * PageSize;

    /// <summary>Paged by key: no page numbers, <see cref="After"/> leads on and <see cref="Before"/> back.</summary>
    public bool Keyset { get; init; }

    /// <summary>The cursor of the next page of a keyset sort.</summary>
    public string? After { get; init; }

    /// <summary>The cursor of the page before, when this keyset page is not the first.</summary>
    public string? Before { get; init; }

    /// <summary>Something the reader must know about the order shown (e.g. too many matches to rank by closeness).</summary>
    public string? Note { get; init; }
}

public static class PeopleQuery
{
    /// <summary>Counting a huge match set is slower than anyone needs; past this the page says "More than 1,000".
    /// (With 1,000,000 people, counting to 10,000 cost as much as fetching the sorted page: docs/benchmarks/foundation.md.)</summary>
    public const int CountCap = 1_000;

    /// <summary>Lists without a name search are counted exactly up to here (about 20 ms for 100,000 index entries at a
    /// million people); past it the page says "more than 100,000" and that counting stopped there.</summary>
    public const int ListCountCap = 100_000;

    /// <summary>Filtered lists (a facility, a status, a lawyer, a class, with or without a lawyer) are counted exactly up
    /// to here; past it the page (and the API, with <see cref="PeoplePage.TotalIsCapped"/>) says "more than 2,000" and
    /// that counting stopped there. Counting "detained, no lawyer" to 100,000 took seconds at a million people (one
    /// check for a lawyer per person); to 2,000 it is a few milliseconds (docs/benchmarks/people-list.md).</summary>
    public const int FilteredCountCap = 2_000;

    /// <summary>No filter but the reader's organisation: every person they may see.</summary>
    public static bool IsUnfiltered(PeopleFilter f) =>
        f is { Q: null or "", FacilityId: null, Status: null, AttorneyId: null or "", ClassId: null, HasLawyer: null };

    /// <param name="perPerson">The filter as a check of each person (the lawyer and class filters as a lookup per person)
    /// rather than as sets the query is driven from: for checking a batch of people already read in another order.
    /// As a set, a lawyer's 17,500 people were gathered whole for every batch checked (300 ms at a million).</param>
    /// <param name="people">The people filtered: those the query filter lets the reader see (null), or the same people
    /// scoped by an explicit condition (<see cref="StaylineDbContext.PeopleSeenBy"/>, for <see cref="PeopleBoard.Narrowed.Seen"/>).</param>
    public static IQueryable<Person> Filter(StaylineDbContext db, PeopleFilter f, bool perPerson = false, IQueryable<Person>? people = null)
    {
        var q = (people ?? db.People).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            if (ANumber.TryParse(f.Q, out var a, out _))
            {
                var digits = a.Value.Digits;
                q = q.Where(p => p.ANumber == digits);
            }
            else if (NameSearch.Parse(db, f.Q) is { } byName)
            {
                var matches = byName.All;
                q = q.Where(p => matches.Select(m => m.PersonId).Contains(p.Id));
            }
        }

        // Per person, facility and status are compared in a form no index can serve (a CASE): SQLite, without
        // statistics, guesses ten rows per status and read the status index of all 830,000 detained people to check a
        // batch of 256 ids, instead of looking the 256 up.
        if (f.FacilityId is { } facility)
        {
            q = perPerson ? q.Where(p => (p.CurrentFacilityId == facility ? 1 : 0) == 1) : q.Where(p => p.CurrentFacilityId == facility);
        }

        if (f.Status is { } status)
        {
            q = perPerson ? q.Where(p => (p.CustodyStatus == status ? 1 : 0) == 1) : q.Where(p => p.CustodyStatus == status);
        }

        // The person-owned rows below keep their own scoping although q is scoped already: EF Core applies
        // IgnoreQueryFilters to the whole query, people included (tried in session 10 for speed: it leaked other
        // organisations' people into a class's member count, caught by ScopingRouteTableTests).
        var assignments = db.Assignments;
        if (!string.IsNullOrEmpty(f.AttorneyId))
        {
            var lawyer = f.AttorneyId;
            q = perPerson
                ? q.Where(p => assignments.Any(a => a.PersonId == p.Id && a.To == null && a.UserId == lawyer))
                : q.Where(p => assignments.Where(a => a.UserId == lawyer && a.To == null).Select(a => a.PersonId).Contains(p.Id));
        }

        if (f.ClassId is { } classId)
        {
            var memberships = db.ClassMemberships;
            q = perPerson
                ? q.Where(p => memberships.Any(m => m.PersonId == p.Id && m.ClassActionId == classId))
                : q.Where(p => memberships.Where(m => m.ClassActionId == classId).Select(m => m.PersonId).Contains(p.Id));
        }

        if (f.HasLawyer is { } has)
        {
            q = has
                ? q.Where(p => assignments.Any(a => a.PersonId == p.Id && a.To == null))
                : q.Where(p => !assignments.Any(a => a.PersonId == p.Id && a.To == null));
        }

        return q;
    }

    public static async Task<PeoplePage> RunAsync(StaylineDbContext db, PeopleFilter f, CancellationToken ct)
    {
        var result = await PageAsync(db, f, ct);
        var cells = await PeopleBoard.CellsAsync(db, result.Rows.Select(r => r.Id).ToList(), ct);
        return result with { Rows = result.Rows.Select(r => r with { Board = cells.GetValueOrDefault(r.Id) ?? BoardCells.Empty }).ToList() };
    }

    /// <summary>The query is a name (not empty, not an A-number): the closeness sort applies.</summary>
    public static bool IsNameQuery(string? q) => !string.IsNullOrWhiteSpace(q) && !ANumber.TryParse(q, out _, out _) && SearchText.Tokens(q).Any();

    private static async Task<PeoplePage> PageAsync(StaylineDbContext db, PeopleFilter f, CancellationToken ct)
    {
        var pageSize = Math.Clamp(f.PageSize, 1, 500);
        var page = Math.Max(1, f.Page);
        if (f.Sort == PeopleSort.Closeness)
        {
            if (IsNameQuery(f.Q))
            {
                return await ClosestFirstAsync(db, f, page, pageSize, ct);
            }

            f = f with { Sort = PeopleSort.Name };
        }

        var nameSearch = f.Sort == PeopleSort.Name && IsUnfiltered(f with { Q = null })
            && !string.IsNullOrWhiteSpace(f.Q) && !ANumber.TryParse(f.Q, out _, out _) ? NameSearch.Parse(db, f.Q) : null;
        if (nameSearch is not null)
        {
            // At most CountCap + 1 matches are paged here, from the token index: offsets stay cheap.
            return await NameSearchPageAsync(db, nameSearch, f.Desc, page, pageSize, ct);
        }

        var q = Filter(db, f);
        var unfiltered = IsUnfiltered(f);
        var countCap = unfiltered ? ListCountCap : FilteredCountCap;
        if (PeopleBoard.IsBoardSort(f.Sort) || page == 1 || f.After is not null || f.Before is not null)
        {
            // Everyone the reader sees, when their organisation alone decides it, counted from people (OrganisationId, ...):
            // a partner's 100,000 of a million were counted by reading all million people for the scoping (165 ms of CPU a
            // page, session 15). Not with other filters: given their own index, SQLite could take the organisation's instead.
            // A custody filter without a facility likewise, from people (OrganisationId, CustodyStatus): through
            // (CustodyStatus, ...) each person of that status was read from the table for the scoping.
            var own = unfiltered || f is { Status: not null, FacilityId: null } ? await OwnOrganisationOnlyAsync(db, ct) : null;
            var counting = own is { } o ? q.Where(p => p.OrganisationId == o) : q;
            // A lawyer's people are read as ids (up to the cap, each checked against the whole filter, scoped) and counted from
            // them; when they are few the page is read from those ids. A partner's 1,900 of a lawyer's 18,000 had been read
            // joined to the filter, so each statement of the page read all 18,000 assignments and their people again (47 ms
            // each at a million) after the count had read them once.
            var lawyers = string.IsNullOrEmpty(f.AttorneyId) ? null : await LawyersPeopleAsync(db, f, countCap + 1, ct);
            var few = lawyers is { Count: <= FilteredCountCap } ? lawyers : null;
            var counted = lawyers?.Count ?? (unfiltered && own is not null
                ? await counting.Take(countCap + 1).CountAsync(ct)
                : await CountAsync(db, f, counting, countCap + 1, ct));
            var indexServed = f is { Q: null or "", AttorneyId: null or "", ClassId: null, HasLawyer: null };
            var filter = unfiltered ? null : new PeopleBoard.Narrowed(counted, Filter(db, f, perPerson: true), (upTo, c) => CountAsync(db, f, counting, upTo, c),
                IndexServed: indexServed,
                OnlyGroup: (f.Sort, f.FacilityId, f.HasLawyer) switch
                {
                    (PeopleSort.Facility, { } facility, _) => facility.ToString(CultureInfo.InvariantCulture),
                    (PeopleSort.Lawyer, _, false) => "none",
                    // One lawyer's people sorted by lawyer: that lawyer's group (see PeopleBoard.GroupsAsync).
                    (PeopleSort.Lawyer, _, _) when !string.IsNullOrEmpty(f.AttorneyId) => f.AttorneyId,
                    _ => null,
                })
            {
                Everyone = await WalkedAsync(db, f.Sort, ct),
                Among = string.IsNullOrEmpty(f.AttorneyId) ? null : (ids, c) => LawyersAmongAsync(db, f.AttorneyId, ids, c),
                // Sieved by the assignments' index, a batch of 2,048 costs what 256 checked person by person did, and a
                // lawyer's 2 % show as some 40 found, not 5: read from 256, a lawyer of 18,000 looked rare, and counting
                // them to tell (14,000 people read twice for the scoping) was most of the page (80-900 ms at a million).
                FirstBatch = string.IsNullOrEmpty(f.AttorneyId) ? 256 : 2_048,
                // A facility's or a custody status's people are an index range that answers the scoping too.
                Seen = indexServed ? Filter(db, f, people: db.PeopleSeenBy(db.Visibility)) : null,
                Ids = few,
            };
            var keyset = await PeopleBoard.PageAsync(db, few is null ? q : db.People.AsNoTracking().IgnoreQueryFilters([StaylineDbContext.VisibilityFilter])
                .Where(p => EF.Parameter(few).Contains(p.Id)), f.Sort, f.Desc, f.After, f.Before, pageSize, filter, ct, unfiltered);
            return new PeoplePage(await InOrderAsync(db, keyset.Ids, ct), Math.Min(counted, countCap), counted > countCap, 1, pageSize)
            {
                Keyset = true,
                After = keyset.Next,
                Before = keyset.Previous,
            };
        }

        // A page asked for by number (API clients that page so): by offset, in the same order as the keyset pages.
        var cap = CapFor(page, pageSize, countCap);
        var total = await q.Take(cap + 1).CountAsync(ct);
        var sorted = (f.Sort, f.Desc) switch
        {
            (PeopleSort.ANumber, false) => q.OrderBy(p => p.ANumber == null).ThenBy(p => p.ANumber).ThenBy(p => p.Id),
            (PeopleSort.ANumber, true) => q.OrderByDescending(p => p.ANumber == null).ThenByDescending(p => p.ANumber).ThenByDescending(p => p.Id),
            (PeopleSort.BirthDate, false) => q.OrderBy(p => p.BirthDate == null).ThenBy(p => p.BirthDate).ThenBy(p => p.Id),
            (PeopleSort.BirthDate, true) => q.OrderByDescending(p => p.BirthDate == null).ThenByDescending(p => p.BirthDate).ThenByDescending(p => p.Id),
            (PeopleSort.Newest, false) => q.OrderByDescending(p => p.Id),
            (PeopleSort.Newest, true) => q.OrderBy(p => p.Id),
            (_, false) => q.OrderBy(p => p.SortName).ThenBy(p => p.Id),
            (_, true) => q.OrderByDescending(p => p.SortName).ThenByDescending(p => p.Id),
        };
        var rows = await RowsAsync(db, sorted.Skip((page - 1) * pageSize).Take(pageSize), ct);
        return new PeoplePage(rows, Math.Min(total, cap), total > cap, page, pageSize);
    }

    /// <summary>The people a filtered walk reads the sort's order from (<see cref="PeopleBoard.Narrowed.Everyone"/>): for the
    /// name order, the reader's own organisation's when that is all they see; otherwise null (all they see). Only the
    /// name order: the other orders' indexes do not start with the organisation, and given <c>OrganisationId = own</c>
    /// SQLite would read the organisation's index and sort everyone.</summary>
    internal static async Task<IQueryable<Person>?> WalkedAsync(StaylineDbContext db, PeopleSort sort, CancellationToken ct) =>
        sort == PeopleSort.Name && await OwnOrganisationOnlyAsync(db, ct) is { } own ? db.People.AsNoTracking().Where(p => p.OrganisationId == own) : null;

    /// <summary>
    /// The reader's organisation when it alone decides whom they see (they do not see everyone, and no person of
    /// another organisation is shared with it): then the scoping is <c>OrganisationId = own</c>, and saying so lets
    /// SQLite read the name order from <c>people (OrganisationId, SortName)</c> without reading each person for the
    /// scoping (a lawyer's people by name walk 3,000-7,000 people a page at a million). Null otherwise. The scoping
    /// itself stays on every query: the condition is added to it, never put in its place.
    /// </summary>
    internal static async Task<long?> OwnOrganisationOnlyAsync(StaylineDbContext db, CancellationToken ct)
    {
        var reader = db.Visibility;
        if (reader.All || reader.OrganisationId is not { } own)
        {
            return null;
        }

        return await db.PersonShares.AnyAsync(s => s.OrganisationId == own, ct) ? null : own;
    }

    /// <summary>
    /// The people a filter leaves, counted up to <paramref name="upTo"/>. A lawyer's list is counted from the lawyer's
    /// open assignments in index order (each person checked against the rest of the filter), so counting stops at
    /// <paramref name="upTo"/>: as a set the lawyer's people were gathered whole first (17,500 at a million, each
    /// assignment's scoping a read of its person).
    /// </summary>
    private static Task<int> CountAsync(StaylineDbContext db, PeopleFilter f, IQueryable<Person> q, int upTo, CancellationToken ct) =>
        string.IsNullOrEmpty(f.AttorneyId) ? q.Take(upTo).CountAsync(ct) : LawyersPeople(db, f).Take(upTo).CountAsync(ct);

    private static Task<List<long>> LawyersPeopleAsync(StaylineDbContext db, PeopleFilter f, int upTo, CancellationToken ct) =>
        LawyersPeople(db, f).Take(upTo).ToListAsync(ct);

    /// <summary>The ids of a lawyer's people that pass the rest of the filter and the reader sees, in the order of the
    /// lawyer's open assignments.</summary>
    private static IQueryable<long> LawyersPeople(StaylineDbContext db, PeopleFilter f)
    {
        // The assignments below the scoping, the people scoped by its explicit condition: each person is read once (the
        // assignment's own scoping read them a second time).
        var lawyer = f.AttorneyId;
        var rest = Filter(db, f with { AttorneyId = null }, perPerson: true, people: db.PeopleSeenBy(db.Visibility));
        return db.Assignments.IgnoreQueryFilters([StaylineDbContext.VisibilityFilter]).Where(a => a.UserId == lawyer && a.To == null).Select(a => a.PersonId).Distinct()
            .Where(id => rest.Any(p => p.Id == id));
    }

    /// <summary>
    /// Those of <paramref name="ids"/> with an open assignment to the lawyer, from <c>assignments (UserId, To, PersonId)</c>
    /// alone: a first sieve for a batch walked in another order, below the scoping (what it keeps is checked against the
    /// whole filter, scoped, after). Checked with the filter's lookup per person, each of a batch's 3,000 people was read
    /// twice (its own scoping and its assignment's) to keep the 2 % that are the lawyer's.
    /// </summary>
    internal static Task<List<long>> LawyersAmongAsync(StaylineDbContext db, string lawyer, List<long> ids, CancellationToken ct) =>
        db.Assignments.IgnoreQueryFilters([StaylineDbContext.VisibilityFilter]).AsNoTracking()
            .Where(a => a.UserId == lawyer && a.To == null && EF.Parameter(ids).Contains(a.PersonId)).Select(a => a.PersonId).Distinct().ToListAsync(ct);

    /// <summary>How far to count: <see cref="CountCap"/>, or further on later pages, so that the page after any page
    /// shown is known to exist (a list of 1,400 used to end at "Page 20 of 20" with no Next).</summary>
    private static int CapFor(int page, int pageSize, int countCap = CountCap) => (int)Math.Min(int.MaxValue - 1, Math.Max(countCap, (long)page * pageSize));

    private static async Task<List<PersonRow>> InOrderAsync(StaylineDbContext db, List<long> ids, CancellationToken ct)
    {
        var rows = await RowsAsync(db, db.People.AsNoTracking().Where(p => ids.Contains(p.Id)), ct);
        var position = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return rows.OrderBy(r => position[r.Id]).ToList();
    }

    /// <summary>
    /// A name search ranked by how close each name (or alias) is to the query, closest first. Only a set that is
    /// known whole can be ranked: up to <see cref="CountCap"/> matches are scored; past that the page says so and
    /// shows the matches by name instead.
    /// </summary>
    private static async Task<PeoplePage> ClosestFirstAsync(StaylineDbContext db, PeopleFilter f, int page, int pageSize, CancellationToken ct)
    {
        // The candidates' ids only (from the token index when nothing else filters); people are read for those ranked.
        var byName = IsUnfiltered(f with { Q = null }) ? NameSearch.Parse(db, f.Q!) : null;
        var ids = byName is not null
            ? await HeadAsync(db, byName, false, ct)
            : await Filter(db, f).OrderBy(p => p.SortName).ThenBy(p => p.Id).Select(p => p.Id).Take(CountCap + 1).ToListAsync(ct);
        if (ids.Count > CountCap)
        {
            var byNameOrder = byName is not null && f.After is null && f.Before is null
                ? await NameSearchPageAsync(db, byName, f.Desc, page, pageSize, ct, f.Desc ? null : ids)
                : await PageAsync(db, f with { Sort = PeopleSort.Name }, ct);
            return byNameOrder with
            {
                Note = string.Create(CultureInfo.InvariantCulture,
                    $"More than {CountCap:N0} people match, too many to rank by closeness: they are shown by name. Add a word or a filter to rank them."),
            };
        }

        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.GivenName, p.FamilyName }).ToListAsync(ct);
        var aliases = (await db.PersonNames.AsNoTracking().Where(n => ids.Contains(n.PersonId)).Select(n => new { n.PersonId, n.GivenName, n.FamilyName })
            .ToListAsync(ct)).ToLookup(n => n.PersonId, n => ParsedName.Combine(ParsedName.Parse(n.GivenName), ParsedName.Parse(n.FamilyName)));
        var query = ParsedName.Parse(f.Q);
        var ranked = names
            .Select(c => (c.Id, c.GivenName, c.FamilyName, Score: aliases[c.Id].Prepend(ParsedName.Combine(ParsedName.Parse(c.GivenName), ParsedName.Parse(c.FamilyName)))
                .Max(n => NameComparer.Compare(query, n, partial: true).Score)))
            .OrderByDescending(c => c.Score).ThenByDescending(c => SearchText.HasEveryWordOf($"{c.GivenName} {c.FamilyName}", f.Q)).ThenBy(c => c.FamilyName, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.GivenName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(c => c.Id)
            .ToList();
        if (f.Desc)
        {
            ranked.Reverse();
        }

        var shown = ranked.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var score = shown.ToDictionary(c => c.Id, c => c.Score);
        var rows = (await InOrderAsync(db, shown.Select(c => c.Id).ToList(), ct)).Select(r => r with { Score = score[r.Id] }).ToList();
        return new PeoplePage(rows, ranked.Count, false, page, pageSize);
    }

    /// <summary>The first <see cref="CountCap"/> + 1 people a name search finds, in name order (reversed when
    /// <paramref name="desc"/>): from the token index alone.</summary>
    private static async Task<List<long>> HeadAsync(StaylineDbContext db, NameSearch search, bool desc, CancellationToken ct)
    {
        if (db.IsSqlite && await MergedHeadAsync(search, desc, ct) is { } merged)
        {
            return merged;
        }

        var head = search.ByKeys is null
            ? InOrder(search.ByPrefix.Distinct(), desc)
            : InOrder(InOrder(search.ByPrefix.Distinct(), desc).Take(CountCap + 1).Union(InOrder(search.ByKeys, desc).Take(CountCap + 1)), desc);
        return await head.Select(m => m.PersonId).Take(CountCap + 1).ToListAsync(ct);
    }

    /// <summary>
    /// A name search with no other filter, in name order: the ids come from the token index alone (its key is
    /// Token, SortName, PersonId), and only the page's own people are read. The first CountCap + 1 ids in order
    /// give both the count and any of the first pages, so the matches are found and sorted once, not once to
    /// count and once more to page; and each side (prefixes, keys) is cut to its own first CountCap + 1 before
    /// the two are merged, so only the prefix side is ever sorted in full (a key's rows are already in order).
    /// </summary>
    private static async Task<PeoplePage> NameSearchPageAsync(StaylineDbContext db, NameSearch search, bool desc, int page, int pageSize,
        CancellationToken ct, List<long>? head = null)
    {
        var skip = (page - 1) * pageSize;
        List<long> ids;
        int total;
        if (skip + pageSize <= CountCap + 1)
        {
            head ??= await HeadAsync(db, search, desc, ct);
            total = head.Count;
            ids = head.Skip(skip).Take(pageSize).ToList();
        }
        else
        {
            total = await search.All.Take(CapFor(page, pageSize) + 1).CountAsync(ct);
            ids = await InOrder(search.All, desc).Select(m => m.PersonId).Skip(skip).Take(pageSize).ToListAsync(ct);
        }

        var cap = CapFor(page, pageSize);
        return new PeoplePage(await InOrderAsync(db, ids, ct), Math.Min(total, cap), total > cap, page, pageSize);
    }

    /// <summary>
    /// SQLite only: the first CountCap + 1 people in order, merged here from the two sides read in order, without
    /// DISTINCT or UNION in SQL (each a temporary b-tree of every match: half the cost of a broad search). A person
    /// with several matching words comes as adjacent rows, skipped here. Null in the rare case where the prefix
    /// side's rows ran out before CountCap + 1 people were certain. (SQLite compares text by code point, which
    /// <see cref="CodePointOrder"/> repeats; PostgreSQL's collation cannot be repeated here, so it merges in SQL.)
    /// </summary>
    private static async Task<List<long>?> MergedHeadAsync(NameSearch search, bool desc, CancellationToken ct)
    {
        const int prefixRowsRead = (CountCap + 1) * 2;
        var prefix = await InOrder(search.ByPrefix, desc).Take(prefixRowsRead).ToListAsync(ct);
        var keys = search.ByKeys is null ? [] : await InOrder(search.ByKeys, desc).Take(CountCap + 1).ToListAsync(ct);
        var head = new List<long>(CountCap + 1);
        int i = 0, j = 0;
        long? last = null;
        while (head.Count <= CountCap)
        {
            // A side read to its limit and used up: what lies beyond its cut may come before the other side's next row.
            if ((i == prefix.Count && prefix.Count == prefixRowsRead) || (j == keys.Count && keys.Count == CountCap + 1))
            {
                return null;
            }

            if (i == prefix.Count && j == keys.Count)
            {
                break;
            }

            var next = j == keys.Count || (i < prefix.Count && Compare(prefix[i], keys[j], desc) <= 0) ? prefix[i++] : keys[j++];
            if (next.PersonId != last)
            {
                head.Add(next.PersonId);
                last = next.PersonId;
            }
        }

        return head;
    }

    private static int Compare(NameMatch a, NameMatch b, bool desc)
    {
        var byName = CodePointOrder(a.SortName, b.SortName);
        return byName != 0 ? (desc ? -byName : byName) : a.PersonId.CompareTo(b.PersonId);
    }

    /// <summary>SQLite's BINARY collation: UTF-8 bytes, that is code points (UTF-16 order differs above U+D7FF).</summary>
    internal static int CodePointOrder(string a, string b)
    {
        var x = a.EnumerateRunes();
        var y = b.EnumerateRunes();
        while (true)
        {
            var moreX = x.MoveNext();
            var moreY = y.MoveNext();
            if (!moreX || !moreY)
            {
                return moreX.CompareTo(moreY);
            }

            if (x.Current != y.Current)
            {
                return x.Current.Value.CompareTo(y.Current.Value);
            }
        }
    }

    private static IOrderedQueryable<NameMatch> InOrder(IQueryable<NameMatch> q, bool desc) =>
        (desc ? q.OrderByDescending(m => m.SortName) : q.OrderBy(m => m.SortName)).ThenBy(m => m.PersonId);

    private static Task<List<PersonRow>> RowsAsync(StaylineDbContext db, IQueryable<Person> q, CancellationToken ct) =>
        q.Select(p => new PersonRow(p.Id, p.ANumber, p.GivenName, p.FamilyName, p.BirthDate, p.BirthDatePrecision, p.Citizenship,
                p.CustodyStatus, p.CurrentFacilityId, db.Facilities.Where(x => x.Id == p.CurrentFacilityId).Select(x => x.Name).FirstOrDefault(), p.Version))
            .ToListAsync(ct);
}

/// <summary>One person found by name, with the sort name the people list orders by.</summary>
public sealed record NameMatch
{
    public long PersonId { get; init; }
    public string SortName { get; init; } = "";
}

/// <summary>A name query as two sets of token rows: by prefixes (a person may appear more than once) and by name keys.</summary>
public sealed record NameSearch(IQueryable<NameMatch> ByPrefix, IQueryable<NameMatch>? ByKeys)
{
    /// <summary>Every match, each person once.</summary>
    public IQueryable<NameMatch> All => ByKeys is null ? ByPrefix.Distinct() : ByPrefix.Union(ByKeys);

    /// <summary>
    /// The people whose names match a name query: every word as a prefix of a word of one of their names, or all
    /// the query's spelling-robust name keys ("Yusuf Al Jaburi" finds "Yousif Aljabouri"). Null when the query
    /// has no word.
    /// </summary>
    /// <remarks>
    /// The longest prefix is usually the rarest: its token range drives, and each of its rows is checked for the
    /// other prefixes in the row itself: in the sort name it carries (the primary name's words), then in its other
    /// words (aliases, the name in its own script; null for most people). No row of people is read, and the rows come with the
    /// sort name, so the page is ordered from the index alone. (An IN list per word made SQLite drive by the
    /// first word: "al" in "al-jab" is 40% of an Iraqi caseload.) The name keys are intersected as sets
    /// (INTERSECT of equality ranges: cheaper than a seek per row of the first key).
    /// </remarks>
    public static NameSearch? Parse(StaylineDbContext db, string query)
    {
        var words = SearchText.Tokens(query).Take(6).Select(PersonSearch.QueryWord).OrderByDescending(t => t.Length).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var first = words[0];
        var firstUpper = PersonSearch.PrefixUpperBound(first);
        var byPrefix = db.NameTokens.Where(t => string.Compare(t.Token, first) >= 0 && string.Compare(t.Token, firstUpper) < 0);
        foreach (var word in words.Skip(1))
        {
            var spaced = " " + word;
            byPrefix = byPrefix.Where(m => (" " + m.SortName).Contains(spaced) || (m.OtherWords != null && (" " + m.OtherWords).Contains(spaced)));
        }

        var matches = byPrefix.Select(t => new NameMatch { PersonId = t.PersonId, SortName = t.SortName });
        var keys = PersonSearch.KeysFor(query).Take(6).ToList();
        if (keys.Count == 0)
        {
            return new NameSearch(matches, null);
        }

        IQueryable<NameMatch>? byKeys = null;
        foreach (var key in keys)
        {
            // The tokens that carry the key (the dictionary is small; each token's rows are a range of the key).
            var carriers = db.NameKeys.Where(k => k.Key == key).Select(k => k.Token);
            var byKey = db.NameTokens.Where(t => carriers.Contains(t.Token)).Select(t => new NameMatch { PersonId = t.PersonId, SortName = t.SortName });
            byKeys = byKeys is null ? byKey : byKeys.Intersect(byKey);
        }

        return new NameSearch(matches, byKeys);
    }
}
