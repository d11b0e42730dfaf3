using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Deadlines;
using Stayline.Domain.People;
using Stayline.Features.Shared;

namespace Stayline.Features.People;

/// <summary>What the triage board shows beside a person's own fields: read for the page's rows only.</summary>
public sealed record BoardCells(string? ProtectionState, DateOnly? ProtectionUntil, string? ProtectionUntilEvent, IReadOnlyList<string> Lawyers,
    DateOnly? NextDue, Sentence? NextDueSentence)
{
    /// <summary>The next deadline's title in English (<see cref="NextDueSentence"/> is said in the reader's language on the page).</summary>
    public string? NextDueTitle => NextDueSentence?.ToString();

    public static BoardCells Empty { get; } = new(null, null, null, [], null, null);
}

/// <summary>
/// The board's columns for a page of people, and the sorts on columns that live in other tables (facility, lawyer,
/// protection, next deadline). Every sort but closeness pages by key ("After" = the last row's group, key and id;
/// "Before" = the first row's, for the page before): each page is a few index range reads wherever in a million
/// people it starts (an offset page N costs N pages of index steps).
/// </summary>
public static class PeopleBoard
{
    /// <summary>Sorts on another table's column: always paged by key.</summary>
    public static bool IsBoardSort(PeopleSort sort) => sort is PeopleSort.Facility or PeopleSort.Lawyer or PeopleSort.Protection or PeopleSort.NextDeadline;

    public static async Task<IReadOnlyDictionary<long, BoardCells>> CellsAsync(StaylineDbContext db, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<long, BoardCells>();
        }

        var protections = await db.Protections.AsNoTracking().Where(p => ids.Contains(p.PersonId))
            .Select(p => new { p.PersonId, p.State, p.UntilDate, p.UntilEvent }).ToDictionaryAsync(p => p.PersonId, ct);
        var lawyers = (await db.Assignments.AsNoTracking().Where(a => ids.Contains(a.PersonId) && a.To == null)
                .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { a.PersonId, Name = u.DisplayName != "" ? u.DisplayName : u.Email })
                .ToListAsync(ct))
            .ToLookup(x => x.PersonId, x => x.Name ?? "");
        // By person only, the rest filtered here: with the state in SQL, SQLite reads the (State, DueDate) index of every
        // open deadline instead (400 ms at a million people).
        var deadlines = (await db.Deadlines.AsNoTracking().Where(d => ids.Contains(d.PersonId))
                .Select(d => new { d.PersonId, d.DueDate, d.RuleId, d.Manual, d.Title, d.Id, d.State }).ToListAsync(ct))
            .Where(d => d.State == Open && d.DueDate != null)
            .GroupBy(d => d.PersonId).ToDictionary(g => g.Key, g => g.OrderBy(d => d.DueDate).ThenBy(d => d.Id).First());
        var cells = new Dictionary<long, BoardCells>(ids.Count);
        foreach (var id in ids)
        {
            protections.TryGetValue(id, out var p);
            deadlines.TryGetValue(id, out var d);
            cells[id] = new BoardCells(p?.State, p?.UntilDate, p?.UntilEvent, lawyers[id].Order(StringComparer.CurrentCultureIgnoreCase).ToList(),
                d?.DueDate, d is null ? null : DeadlineTitle(d.RuleId, d.Manual, d.Title));
        }

        return cells;
    }

    private const string Open = nameof(DeadlineState.Open);

    private static Sentence DeadlineTitle(string ruleId, bool manual, string? title) =>
        manual ? title is null ? Sentence.Of($"Deadline entered by hand") : Sentence.Verbatim(title)
        : ruleId == PersonDeadlines.ClassMotionRuleId ? Sentence.Of($"Motion under the class order")
        : DeadlineRules.TryGet(ruleId, out var rule) ? rule.TitleSentence
        : ClockDeadlines.TryGet(ruleId, out var clock) ? clock.Title
        : Sentence.Verbatim(Labels.Words(ruleId));

    /// <summary>One part of a sort's order: the people of one facility, one lawyer, one protection state; each ordered within.</summary>
    /// <param name="Driver">For groups read from another table's index in person order (a state, a lawyer): that
    /// table's person ids past the cursor; joined with the filtered people, so no group is gathered whole.</param>
    /// <param name="Empty">Known to hold nobody: not read (kept in the order so that a cursor naming it still finds its place).</param>
    private sealed record Group(string Token, Func<IQueryable<Person>, IQueryable<Person>> Members, Within Order,
        Func<long?, bool, IQueryable<long>>? Driver = null, bool Empty = false);

    private enum Within
    {
        Id,
        ProtectionUntil,
        NextDue,
        SortName,
        ANumber,
        BirthDate,
    }

    /// <summary>A filtered list: how many people the filter leaves, counted up to <see cref="PeopleQuery.FilteredCountCap"/>
    /// + 1, and the filter as a check of each person (for a batch of people read in the sort's order).</summary>
    /// <param name="CountUpTo">Counts the filter's people up to the number given (past the cap, to tell a filter that
    /// looks rare from one that is only absent from the order's first groups).</param>
    /// <param name="IndexServed">The filter is a facility or a custody status: its people in any group are an index range,
    /// so reading a page from the filter is cheap even when it is large (e.g. the released people, sorted by facility).</param>
    /// <param name="OnlyGroup">The one group of the sort that can hold the filter's people, when the filter says so (a
    /// facility's own group; "none" for people without a lawyer sorted by lawyer; a lawyer's own for that lawyer's people,
    /// who are then all listed in it): the others are not read.</param>
    /// <param name="FirstBatch">The first batch of a walk: enough for a page of 50 when one person in 5 passes the filter
    /// (smaller in tests, to walk a few people in many batches).</param>
    /// <param name="Everyone">The people the sort's order is read from in batches: all the reader sees (null), or, for
    /// the name order, those of the reader's organisation when that is all they see (<see cref="PeopleQuery.OwnOrganisationOnlyAsync"/>).</param>
    /// <param name="Among">A first sieve for a batch: those of the ids that can pass, read from an index alone below the
    /// scoping (a lawyer's open assignments among them); what it keeps is then checked with <paramref name="Check"/>, which
    /// is scoped. Null: the whole batch is checked.</param>
    /// <param name="Seen">The filter's people scoped by an explicit condition (<see cref="StaylineDbContext.PeopleSeenBy"/>)
    /// instead of the query filter: a statement driven from them may then read another table's rows below the scoping
    /// (a protection row is seen with its person), with no second read of the person for that row's own scoping.</param>
    /// <param name="Ids">The filter's people as ids, when they were read whole (a lawyer's few, at most
    /// <see cref="PeopleQuery.FilteredCountCap"/>, each checked against the scoped filter): their next deadlines are then
    /// read by key from these.</param>
    public sealed record Narrowed(int Counted, IQueryable<Person> Check, Func<int, CancellationToken, Task<int>> CountUpTo, bool IndexServed = false,
        string? OnlyGroup = null, int FirstBatch = 256, IQueryable<Person>? Everyone = null,
        Func<List<long>, CancellationToken, Task<List<long>>>? Among = null, IQueryable<Person>? Seen = null, List<long>? Ids = null);

    /// <summary>A page of a keyset sort: the ids in order, and the cursors of the pages after and before, if any.</summary>
    public sealed record KeysetPage(List<long> Ids, string? Next, string? Previous);

    /// <summary>A page of a keyset sort, after the cursor <paramref name="after"/> or before <paramref name="before"/>
    /// (neither: the first page).</summary>
    /// <param name="narrowed">The filter, when the list is filtered; null when it is not (every person the reader may see).</param>
    /// <param name="unfiltered"><paramref name="filtered"/> is everyone the reader sees (then an order read from another
    /// table's index is not joined to the people: see <see cref="ReadGroupAsync"/>).</param>
    public static async Task<KeysetPage> PageAsync(StaylineDbContext db, IQueryable<Person> filtered, PeopleSort sort, bool desc,
        string? after, string? before, int pageSize, Narrowed? narrowed, CancellationToken ct, bool unfiltered = false)
    {
        var groups = await GroupsAsync(db, sort, desc, ct, narrowed?.OnlyGroup);
        if (narrowed?.OnlyGroup is { } only)
        {
            groups = groups.Where(g => g.Token == only).ToList();
        }

        if (sort == PeopleSort.Newest)
        {
            // Newest first is the id order reversed ("descending" is then the oldest first).
            desc = !desc;
        }

        if (Cursor.Parse(before) is { } end)
        {
            // The rows before the page's first row are the rows after it in the reversed order.
            var back = await WalkAsync(db, groups, filtered, !desc, end, pageSize + 1, narrowed, unfiltered, ct);
            if (back.Count > pageSize)
            {
                back.RemoveAt(pageSize);
                back.Reverse();
                return new KeysetPage(back.Select(r => r.Id).ToList(), back[^1].ToString(), back[0].ToString());
            }

            // Fewer than a page before it: this is the first page.
        }

        var start = Cursor.Parse(after);
        var rows = await WalkAsync(db, groups, filtered, desc, start, pageSize + 1, narrowed, unfiltered, ct);
        string? next = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(pageSize);
            next = rows[^1].ToString();
        }

        return new KeysetPage(rows.Select(r => r.Id).ToList(), next, start is not null && rows.Count > 0 ? rows[0].ToString() : null);
    }

    /// <summary>Up to <paramref name="take"/> rows in the sort's order (reversed when <paramref name="desc"/>) after the cursor.</summary>
    /// <remarks>
    /// A filter that leaves at most <see cref="PeopleQuery.FilteredCountCap"/> people is one statement: SQLite reads
    /// those people from the filter's index and sorts them. A larger one (its size not counted further) is applied to
    /// the order's rows a batch at a time: the unfiltered order is read from its index and the batch's people are
    /// checked against the filter by id. In one statement SQLite drove such a page from the filter and sorted
    /// everything it left (a quarter of a million people for "detained, no lawyer": seconds). The batches also
    /// measure the filter: if it looks rare (walking would cost more than reading its people: under about
    /// 2 x sqrt(page x people), 14,000 at a million), the rest of the page is read from the filter instead. A batch is
    /// no fair sample when the sort follows the filter (people without a lawyer sorted by lawyer: none in the first
    /// 700,000 rows), so unless the filter's people are an index range, it is counted up to that limit first; past
    /// it the walk goes on (reading 300,000 people from the filter, lawyer group by lawyer group, took 16 s).
    /// </remarks>
    private static async Task<List<Cursor>> WalkAsync(StaylineDbContext db, List<Group> groups, IQueryable<Person> filtered, bool desc, Cursor? cursor,
        int take, Narrowed? narrowed, bool unfiltered, CancellationToken ct)
    {
        if (narrowed is not { Counted: > PeopleQuery.FilteredCountCap })
        {
            return await ReadAsync(db, groups, filtered, desc, cursor, take, few: narrowed is not null, unfiltered && narrowed is null ? Reading.Everyone : Reading.Scoped, ct,
                narrowed?.Seen, narrowed?.Ids);
        }

        var total = await db.People.AsNoTracking().MaxAsync(p => (long?)p.Id, ct) ?? 0;
        var everyone = narrowed.Everyone ?? db.People.AsNoTracking();
        var found = new List<Cursor>(take);
        var batch = narrowed.FirstBatch;
        long seen = 0;
        var common = false;
        while (true)
        {
            // The batch is only candidates: each is checked below against the filter, which is scoped, so the order may be
            // read from its index alone (no person read per walked row for the scoping: a lawyer's page walks 3,000).
            var chunk = await ReadAsync(db, groups, everyone, desc, cursor, batch, few: false, narrowed.Everyone is null ? Reading.Candidates : Reading.Scoped, ct);
            var ids = chunk.Select(c => c.Id).Distinct().ToList();
            if (narrowed.Among is { } among && ids.Count > 0)
            {
                ids = await among(ids, ct);
            }

            // The batch's ids as one parameter (a JSON array in SQLite, an array in PostgreSQL): as one parameter each,
            // binding thousands of them by name cost more server CPU than the statement (a lawyer's page, session 14).
            var keep = ids.Count == 0 ? [] : (await narrowed.Check.Where(p => EF.Parameter(ids).Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
            found.AddRange(chunk.Where(c => keep.Contains(c.Id)).Take(take - found.Count));
            seen += chunk.Count;
            if (found.Count >= take || chunk.Count < batch)
            {
                return found;
            }

            cursor = chunk[^1];
            // The filter's share as seen so far (one more than found: a rare filter may show none in a batch).
            var estimate = (found.Count + 1) * total / seen;
            // Sieved by an index (Among), a walked row costs about a tenth of one checked person by person: walking stays
            // cheaper than reading the filter's people down to a tenth of the size (1,400 at a million, not 14,000; a
            // lawyer's 16,000 had looked rare from a batch, and counting them to tell read 14,000 people).
            var sieved = narrowed.Among is null ? 1 : 10;
            if (!common && estimate * estimate * sieved * sieved < 4L * take * total)
            {
                var rare = (int)Math.Min(int.MaxValue - 1, 2 * Math.Sqrt((double)take * total) / sieved);
                if (narrowed.IndexServed || await narrowed.CountUpTo(rare + 1, ct) <= rare)
                {
                    found.AddRange(await ReadAsync(db, groups, filtered, desc, cursor, take - found.Count, few: true, Reading.Scoped, ct, narrowed.Seen));
                    return found;
                }

                common = true;
            }

            batch = (int)Math.Clamp((take - found.Count) * seen * 3 / 2 / (found.Count + 1), batch, MaxBatch);
        }
    }

    /// <summary>The largest batch of ids checked against a filter at once (SQLite allows 32,766 parameters).</summary>
    private const int MaxBatch = 16_384;

    /// <summary>How a group read from another table's index (the next deadline's) meets the people.</summary>
    private enum Reading
    {
        /// <summary>Joined to the people given, each row scoped as usual.</summary>
        Scoped,

        /// <summary>The people are everyone the reader sees: the index rows with their own scoping, not joined.</summary>
        Everyone,

        /// <summary>The rows are candidates the caller checks against the scoped filter: the index alone, below the scoping.</summary>
        Candidates,
    }

    /// <param name="few">The people are a filter's few (read by name in many facility groups: only the groups holding any are read).</param>
    /// <param name="reading">How an order read from another table meets <paramref name="people"/> (see <see cref="ReadGroupAsync"/>).</param>
    /// <param name="seen">The same people scoped explicitly (<see cref="Narrowed.Seen"/>), if known: the next deadline's
    /// rows of a filter's few are then read driven from them.</param>
    /// <param name="ids">The same people as ids (<see cref="Narrowed.Ids"/>), if known: likewise, by key.</param>
    private static async Task<List<Cursor>> ReadAsync(StaylineDbContext db, List<Group> groups, IQueryable<Person> people, bool desc, Cursor? cursor,
        int take, bool few, Reading reading, CancellationToken ct, IQueryable<Person>? seen = null, List<long>? ids = null)
    {
        var ordered = desc ? Enumerable.Reverse(groups).ToList() : groups;
        var start = cursor is null ? 0 : ordered.FindIndex(g => g.Token == cursor.Group);
        if (start < 0)
        {
            // The group of the cursor is gone (a facility deleted): start again rather than show nothing.
            start = 0;
            cursor = null;
        }

        // A filter's few, in many groups read by name (the facilities): first, which groups hold any of them. Read in name
        // order, SQLite takes the (CurrentFacilityId, SortName) index and checks each of a facility's people (the released,
        // sorted by facility: 117 empty facilities of 7,000-8,500 people each, 3 s of CPU a page at a million); asked
        // whether a facility holds any, it seeks (CustodyStatus, CurrentFacilityId): under a millisecond. Asked for all
        // facilities in one statement: one EXISTS per facility had cost 146 ms of CPU a page, mostly each statement's own.
        // Known as ids, their facilities are read from the ids (one DISTINCT: the EXISTS per facility cost 64 ms for 1,900 ids).
        var holding = few && ordered.Count > 1 && ordered.All(g => g.Order == Within.SortName)
            ? ids is null ? await FacilitiesHoldingAsync(db, people, ct) : await FacilitiesOfAsync(db, ids, ct)
            : null;
        var rows = new List<Cursor>(take);
        for (var g = start; g < ordered.Count && rows.Count < take; g++)
        {
            var group = ordered[g];
            var members = group.Members(people);
            if (group.Empty || (holding is not null && !holding.Contains(group.Token)))
            {
                continue;
            }

            var found = group.Order == Within.NextDue && few && (seen is not null || ids is not null)
                ? await NextDueOfFewAsync(db, seen is null ? null : group.Members(seen), ids, desc, g == start ? cursor : null, take - rows.Count, ct)
                : await ReadGroupAsync(db, group, members, reading, desc, g == start ? cursor : null, take - rows.Count, ct);
            rows.AddRange(found.Select(x => new Cursor(group.Token, x.Key, x.Id)));
        }

        return rows;
    }

    /// <summary>The tokens of the facility groups (and "none") that hold any of <paramref name="people"/>.</summary>
    private static async Task<HashSet<string>> FacilitiesHoldingAsync(StaylineDbContext db, IQueryable<Person> people, CancellationToken ct)
    {
        var holding = (await db.Facilities.AsNoTracking().Where(f => people.Any(p => p.CurrentFacilityId == f.Id)).Select(f => f.Id).ToListAsync(ct))
            .Select(Token).ToHashSet();
        if (await people.AnyAsync(p => p.CurrentFacilityId == null, ct))
        {
            holding.Add("none");
        }

        return holding;
    }

    /// <summary>The tokens of the facility groups (and "none") that hold any of the people <paramref name="ids"/> (checked
    /// against the scoped filter already: their rows are read below the scoping).</summary>
    private static async Task<HashSet<string>> FacilitiesOfAsync(StaylineDbContext db, List<long> ids, CancellationToken ct)
    {
        var facilities = await db.People.IgnoreQueryFilters([StaylineDbContext.VisibilityFilter]).Where(p => EF.Parameter(ids).Contains(p.Id))
            .Select(p => p.CurrentFacilityId).Distinct().ToListAsync(ct);
        return facilities.Select(f => f is { } id ? Token(id) : "none").ToHashSet();
    }

    /// <summary>A facility's group token: its id.</summary>
    private static string Token(long facilityId) => facilityId.ToString(CultureInfo.InvariantCulture);

    /// <param name="reading"><see cref="Reading.Everyone"/>: the members are everyone the reader sees, so a group read from
    /// another table's index need not be joined to them, that table's own scoping (a protection row is seen with its person)
    /// is the same. <see cref="Reading.Candidates"/>: not scoped either, the caller checks each row.</param>
    private static async Task<List<(long Id, string? Key)>> ReadGroupAsync(StaylineDbContext db, Group group, IQueryable<Person> members, Reading reading, bool desc,
        Cursor? after, int take, CancellationToken ct)
    {
        switch (group.Order)
        {
            case Within.ProtectionUntil:
                {
                    var rows = db.Protections.Where(pp => pp.State == Protected && pp.UntilDate != null);
                    if (after is { Date: { } k, Id: var id })
                    {
                        rows = desc
                            ? rows.Where(pp => pp.UntilDate <= k && (pp.UntilDate < k || pp.PersonId < id))
                            : rows.Where(pp => pp.UntilDate >= k && (pp.UntilDate > k || pp.PersonId > id));
                    }

                    var joined = rows.Join(members, pp => pp.PersonId, p => p.Id, (pp, p) => new { pp.PersonId, pp.UntilDate });
                    var ordered = desc
                        ? joined.OrderByDescending(x => x.UntilDate).ThenByDescending(x => x.PersonId)
                        : joined.OrderBy(x => x.UntilDate).ThenBy(x => x.PersonId);
                    return (await ordered.Take(take).ToListAsync(ct)).Select(x => (x.PersonId, Day(x.UntilDate))).ToList();
                }

            case Within.NextDue:
                {
                    // Each person's earliest open deadline as the recompute stored it, from the (NextDueDate, PersonId) index
                    // (a few people: looked up one by one and sorted, as SQLite chooses).
                    // Candidates: below the scoping (the index alone); each row is checked against the scoped filter after.
                    var rows = NextDueAfter(reading == Reading.Candidates ? db.Protections.IgnoreQueryFilters([StaylineDbContext.VisibilityFilter]) : db.Protections,
                        after, desc);

                    // Everyone's order is the index alone: joined to the people, SQLite read each person's row too (for an
                    // admin, who sees all, only to find it there; a lawyer's page walks 3,000 of them).
                    var joined = reading != Reading.Scoped
                        ? rows.Select(pp => new { pp.PersonId, pp.NextDueDate })
                        : rows.Join(members, pp => pp.PersonId, p => p.Id, (pp, p) => new { pp.PersonId, pp.NextDueDate });
                    var ordered = desc
                        ? joined.OrderByDescending(x => x.NextDueDate).ThenByDescending(x => x.PersonId)
                        : joined.OrderBy(x => x.NextDueDate).ThenBy(x => x.PersonId);
                    return (await ordered.Take(take).ToListAsync(ct)).Select(x => (x.PersonId, Day(x.NextDueDate))).ToList();
                }

            case Within.SortName:
                {
                    if (after is { Key: { } k, Id: var id })
                    {
                        members = desc
                            ? members.Where(p => string.Compare(p.SortName, k) <= 0 && (string.Compare(p.SortName, k) < 0 || p.Id < id))
                            : members.Where(p => string.Compare(p.SortName, k) >= 0 && (string.Compare(p.SortName, k) > 0 || p.Id > id));
                    }

                    var ordered = desc ? members.OrderByDescending(p => p.SortName).ThenByDescending(p => p.Id) : members.OrderBy(p => p.SortName).ThenBy(p => p.Id);
                    return (await ordered.Select(p => new { p.Id, p.SortName }).Take(take).ToListAsync(ct)).Select(x => (x.Id, (string?)x.SortName)).ToList();
                }

            case Within.ANumber:
                {
                    if (after is { Key: { } k, Id: var id })
                    {
                        members = desc
                            ? members.Where(p => string.Compare(p.ANumber, k) <= 0 && (string.Compare(p.ANumber, k) < 0 || p.Id < id))
                            : members.Where(p => string.Compare(p.ANumber, k) >= 0 && (string.Compare(p.ANumber, k) > 0 || p.Id > id));
                    }

                    var ordered = desc ? members.OrderByDescending(p => p.ANumber).ThenByDescending(p => p.Id) : members.OrderBy(p => p.ANumber).ThenBy(p => p.Id);
                    return (await ordered.Select(p => new { p.Id, p.ANumber }).Take(take).ToListAsync(ct)).Select(x => (x.Id, x.ANumber)).ToList();
                }

            case Within.BirthDate:
                {
                    if (after is { Date: { } k, Id: var id })
                    {
                        members = desc
                            ? members.Where(p => p.BirthDate <= k && (p.BirthDate < k || p.Id < id))
                            : members.Where(p => p.BirthDate >= k && (p.BirthDate > k || p.Id > id));
                    }

                    var ordered = desc ? members.OrderByDescending(p => p.BirthDate).ThenByDescending(p => p.Id) : members.OrderBy(p => p.BirthDate).ThenBy(p => p.Id);
                    return (await ordered.Select(p => new { p.Id, p.BirthDate }).Take(take).ToListAsync(ct)).Select(x => (x.Id, Day(x.BirthDate))).ToList();
                }

            case Within.Id when group.Driver is { } driver:
                {
                    var joined = driver(after?.Id, desc).Join(members, id => id, p => p.Id, (id, p) => id);
                    var ordered = desc ? joined.OrderByDescending(x => x) : joined.OrderBy(x => x);
                    return (await ordered.Take(take).ToListAsync(ct)).Select(id => (id, (string?)null)).ToList();
                }

            default:
                {
                    if (after is { Id: var id })
                    {
                        members = desc ? members.Where(p => p.Id < id) : members.Where(p => p.Id > id);
                    }

                    var ordered = desc ? members.OrderByDescending(p => p.Id) : members.OrderBy(p => p.Id);
                    return (await ordered.Select(p => p.Id).Take(take).ToListAsync(ct)).Select(id => (id, (string?)null)).ToList();
                }
        }
    }

    private static IQueryable<PersonProtection> NextDueAfter(IQueryable<PersonProtection> rows, Cursor? after, bool desc)
    {
        rows = rows.Where(pp => pp.NextDueDate != null);
        if (after is { Date: { } k, Id: var id })
        {
            rows = desc
                ? rows.Where(pp => pp.NextDueDate <= k && (pp.NextDueDate < k || pp.PersonId < id))
                : rows.Where(pp => pp.NextDueDate >= k && (pp.NextDueDate > k || pp.PersonId > id));
        }

        return rows;
    }

    /// <summary>
    /// The next deadlines of a filter's people (a facility's 8,000), driven from the people: their index range (scoped by
    /// the explicit condition of <see cref="StaylineDbContext.PeopleSeenBy"/>, which <c>people (CurrentFacilityId,
    /// OrganisationId)</c> answers alone), each person's protection row by its key, then sorted. Or from their
    /// <paramref name="ids"/> (up to 2,000 of a partner's lawyer), each protection row by its key.
    /// </summary>
    /// <remarks>
    /// Ordered on the stored day as an expression (it is never null here: the value is the day): ordered on the column,
    /// SQLite walked the <c>(NextDueDate, PersonId)</c> index and read each walked person to find the filter's (one facility:
    /// 6,000 rows, 46 ms at a million). The protection rows are read below the scoping: each is joined to a person the reader
    /// sees (the only way the scoping would have let it through), so the person is not read a second time for it.
    /// </remarks>
    private static async Task<List<(long Id, string? Key)>> NextDueOfFewAsync(StaylineDbContext db, IQueryable<Person>? seen, List<long>? ids, bool desc,
        Cursor? after, int take, CancellationToken ct)
    {
        var rows = NextDueAfter(db.Protections.IgnoreQueryFilters([StaylineDbContext.VisibilityFilter]), after, desc);
        var joined = seen is not null
            ? rows.Join(seen, pp => pp.PersonId, p => p.Id, (pp, p) => new { pp.PersonId, pp.NextDueDate })
            : rows.Where(pp => EF.Parameter(ids!).Contains(pp.PersonId)).Select(pp => new { pp.PersonId, pp.NextDueDate });
        var ordered = desc
            ? joined.OrderByDescending(x => x.NextDueDate ?? DateOnly.MinValue).ThenByDescending(x => x.PersonId)
            : joined.OrderBy(x => x.NextDueDate ?? DateOnly.MinValue).ThenBy(x => x.PersonId);
        return (await ordered.Take(take).ToListAsync(ct)).Select(x => (x.PersonId, Day(x.NextDueDate))).ToList();
    }

    private static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private const string Protected = nameof(Domain.Protection.ProtectionState.Protected);

    /// <param name="desc">The page's direction as shown (the groups are read in reverse for a descending page and for the
    /// page before one).</param>
    /// <param name="only">The one group the filter's people are in (<see cref="Narrowed.OnlyGroup"/>), if it says so.</param>
    private static async Task<List<Group>> GroupsAsync(StaylineDbContext db, PeopleSort sort, bool desc, CancellationToken ct, string? only = null)
    {
        switch (sort)
        {
            case PeopleSort.Lawyer when only is not null and not "none":
                // One lawyer's people in the lawyer order: all are listed under that lawyer, by id, those with a second lawyer
                // too. Listed under their first lawyer by name, as in the whole list, the page walked every earlier lawyer's
                // people to find the few shared with this one (12 s a page for a lawyer's 18,000 at a million, session 20).
                return [new Group(only, q => q, Within.Id, (after, desc) => After(db.Assignments.Where(a => a.UserId == only && a.To == null).Select(a => a.PersonId), after, desc))];

            case PeopleSort.Facility:
                {
                    var facilities = await db.Facilities.AsNoTracking().OrderBy(f => f.Name).ThenBy(f => f.Id).Select(f => f.Id).ToListAsync(ct);
                    // Each facility's people by name, from the (CurrentFacilityId, SortName) index.
                    var groups = facilities.Select(id => new Group(Token(id), q => q.Where(p => p.CurrentFacilityId == id), Within.SortName)).ToList();
                    groups.Add(new Group("none", q => q.Where(p => p.CurrentFacilityId == null), Within.SortName));
                    return groups;
                }

            case PeopleSort.Lawyer:
                {
                    var lawyers = await db.Users.AsNoTracking().Where(u => db.Assignments.Any(a => a.UserId == u.Id && a.To == null))
                        .OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
                    var groups = new List<Group>();
                    for (var i = 0; i < lawyers.Count; i++)
                    {
                        var lawyer = lawyers[i];
                        var earlier = lawyers.Take(i).ToList();
                        groups.Add(new Group(lawyer, q => q, Within.Id, (after, desc) =>
                        {
                            var rows = db.Assignments.Where(a => a.UserId == lawyer && a.To == null);
                            if (earlier.Count > 0)
                            {
                                // A person with two lawyers is listed once, under the first by name.
                                rows = rows.Where(a => !db.Assignments.Any(b => b.PersonId == a.PersonId && b.To == null && earlier.Contains(b.UserId)));
                            }

                            return After(rows.Select(a => a.PersonId), after, desc);
                        }));
                    }

                    groups.Add(new Group("none", q => q.Where(p => !db.Assignments.Any(a => a.PersonId == p.Id && a.To == null)), Within.Id));
                    return groups;
                }

            case PeopleSort.Protection:
                // The most urgent first: not protected, then unknown, then protected by the day protection ends
                // (then protected with no end in sight), then people whose protection has not been worked out yet.
                return
                [
                    State("NotProtected"),
                    State("Unknown"),
                    new Group("until", q => q, Within.ProtectionUntil),
                    new Group("open-ended", q => q, Within.Id, (after, desc) =>
                        After(db.Protections.Where(pp => pp.State == Protected && pp.UntilDate == null).Select(pp => pp.PersonId), after, desc)),
                    new Group("none", q => q.Where(p => !db.Protections.Any(pp => pp.PersonId == p.Id)), Within.Id),
                ];

            case PeopleSort.NextDeadline:
                {
                    // People whose protection has not been worked out yet (no row: written around the app, until the
                    // recompute of stale people reaches them) have no stored next deadline either: whatever it is, it
                    // may be tomorrow, so they come first in both directions. Then by the stored day, then no open deadline.
                    var unknown = new Group("unknown", q => q.Where(p => !db.Protections.Any(pp => pp.PersonId == p.Id)), Within.Id,
                        Empty: !await Data.Bulk.DerivedRead.AnyoneWithoutProtectionAsync(db, ct));
                    var due = new Group("due", q => q, Within.NextDue);
                    var none = new Group("none", q => q.Where(p => db.Protections.Any(pp => pp.PersonId == p.Id && pp.NextDueDate == null)), Within.Id);
                    return desc ? [due, none, unknown] : [unknown, due, none];
                }

            case PeopleSort.ANumber:
                return
                [
                    new Group("a", q => q.Where(p => p.ANumber != null), Within.ANumber),
                    new Group("none", q => q.Where(p => p.ANumber == null), Within.Id),
                ];

            case PeopleSort.BirthDate:
                // Without a birth date last (in both databases: SQLite and PostgreSQL order nulls differently).
                return
                [
                    new Group("born", q => q.Where(p => p.BirthDate != null), Within.BirthDate),
                    new Group("none", q => q.Where(p => p.BirthDate == null), Within.Id),
                ];

            case PeopleSort.Newest:
                return [new Group("all", q => q, Within.Id)];

            case PeopleSort.Name:
                return [new Group("name", q => q, Within.SortName)];

            default:
                throw new ArgumentOutOfRangeException(nameof(sort), sort, "Not a keyset sort.");
        }

        Group State(string state) => new(state, q => q, Within.Id, (after, desc) =>
            After(db.Protections.Where(pp => pp.State == state).Select(pp => pp.PersonId), after, desc));
        static IQueryable<long> After(IQueryable<long> ids, long? after, bool desc) =>
            after is not { } a ? ids : desc ? ids.Where(id => id < a) : ids.Where(id => id > a);
    }

    /// <summary>Where a keyset page ends: "group~key~id" (the key a date, a sort name or an A-number, or empty; a
    /// name may itself hold "~": the group ends at the first, the id starts after the last).</summary>
    private sealed record Cursor(string Group, string? Key, long Id)
    {
        /// <summary>The key as a date (the protection, deadline and birth date orders); null if it is not one.</summary>
        public DateOnly? Date => DateOnly.TryParseExact(Key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

        public static Cursor? Parse(string? text)
        {
            var first = text?.IndexOf('~', StringComparison.Ordinal) ?? -1;
            var last = text?.LastIndexOf('~') ?? -1;
            if (text is null || first <= 0 || last == first
                || !long.TryParse(text.AsSpan(last + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var personId))
            {
                return null;
            }

            var key = text[(first + 1)..last];
            return new Cursor(text[..first], key.Length == 0 ? null : key, personId);
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Group}~{Key}~{Id}");
    }
}
