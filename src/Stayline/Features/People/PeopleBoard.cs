using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Deadlines;
using Stayline.Domain.People;
using Stayline.Features.Shared;

namespace Stayline.Features.People;

/// <summary>What the triage board shows beside a person's own fields: read for the page's rows only.</summary>
public sealed record BoardCells(string? ProtectionState, DateOnly? ProtectionUntil, string? ProtectionUntilEvent, IReadOnlyList<string> Lawyers,
    DateOnly? NextDue, string? NextDueTitle)
{
    public static BoardCells Empty { get; } = new(null, null, null, [], null, null);
}

/// <summary>
/// The board's columns for a page of people, and the sorts on columns that live in other tables (facility, lawyer,
/// protection, next deadline). Those sorts page by key ("After" = the last row's group, key and id), never by offset:
/// each page is a few index range reads wherever in a million people it starts.
/// </summary>
public static class PeopleBoard
{
    public static bool IsKeyset(PeopleSort sort) => sort is PeopleSort.Facility or PeopleSort.Lawyer or PeopleSort.Protection or PeopleSort.NextDeadline;

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

    private static string DeadlineTitle(string ruleId, bool manual, string? title) =>
        manual ? title ?? "Deadline entered by hand"
        : ruleId == PersonDeadlines.ClassMotionRuleId ? "Motion under the class order"
        : DeadlineRules.TryGet(ruleId, out var rule) ? rule.Title
        : ClockDeadlines.TryGet(ruleId, out var clock) ? clock.Title
        : Labels.Words(ruleId);

    /// <summary>One part of a sort's order: the people of one facility, one lawyer, one protection state; each ordered within.</summary>
    /// <param name="Driver">For groups read from another table's index in person order (a state, a lawyer): that
    /// table's person ids past the cursor; joined with the filtered people, so no group is gathered whole.</param>
    private sealed record Group(string Token, Func<IQueryable<Person>, IQueryable<Person>> Members, Within Order,
        Func<long?, bool, IQueryable<long>>? Driver = null);

    private enum Within
    {
        Id,
        ProtectionUntil,
        NextDue,
    }

    /// <summary>A page of a keyset sort: the ids in order, and the cursor of the page after, if any.</summary>
    public static async Task<(List<long> Ids, string? Next)> PageAsync(StaylineDbContext db, IQueryable<Person> filtered, PeopleSort sort, bool desc,
        string? after, int pageSize, CancellationToken ct)
    {
        var groups = await GroupsAsync(db, sort, ct);
        if (desc)
        {
            groups.Reverse();
        }

        var cursor = Cursor.Parse(after);
        var start = cursor is null ? 0 : groups.FindIndex(g => g.Token == cursor.Group);
        if (start < 0)
        {
            // The group of the cursor is gone (a facility deleted): start again rather than show nothing.
            start = 0;
            cursor = null;
        }

        var ids = new List<(long Id, string Group, DateOnly? Key)>(pageSize + 1);
        for (var g = start; g < groups.Count && ids.Count <= pageSize; g++)
        {
            var group = groups[g];
            var within = g == start ? cursor : null;
            var need = pageSize + 1 - ids.Count;
            var found = await ReadGroupAsync(db, group, group.Members(filtered), desc, within, need, ct);
            ids.AddRange(found.Select(x => (x.Id, group.Token, x.Key)));
        }

        string? next = null;
        if (ids.Count > pageSize)
        {
            var last = ids[pageSize - 1];
            next = new Cursor(last.Group, last.Key, last.Id).ToString();
            ids.RemoveAt(pageSize);
        }

        return (ids.Select(x => x.Id).ToList(), next);
    }

    private static async Task<List<(long Id, DateOnly? Key)>> ReadGroupAsync(StaylineDbContext db, Group group, IQueryable<Person> members, bool desc,
        Cursor? after, int take, CancellationToken ct)
    {
        switch (group.Order)
        {
            case Within.ProtectionUntil:
                {
                    var rows = db.Protections.Where(pp => pp.State == Protected && pp.UntilDate != null);
                    if (after is { Key: { } k, Id: var id })
                    {
                        rows = desc
                            ? rows.Where(pp => pp.UntilDate <= k && (pp.UntilDate < k || pp.PersonId < id))
                            : rows.Where(pp => pp.UntilDate >= k && (pp.UntilDate > k || pp.PersonId > id));
                    }

                    var joined = rows.Join(members, pp => pp.PersonId, p => p.Id, (pp, p) => new { pp.PersonId, pp.UntilDate });
                    var ordered = desc
                        ? joined.OrderByDescending(x => x.UntilDate).ThenByDescending(x => x.PersonId)
                        : joined.OrderBy(x => x.UntilDate).ThenBy(x => x.PersonId);
                    return (await ordered.Take(take).ToListAsync(ct)).Select(x => (x.PersonId, x.UntilDate)).ToList();
                }

            case Within.NextDue:
                {
                    // Each open deadline row in due order; a person counts at their earliest one only (the others are skipped).
                    var rows = db.Deadlines.Where(d => d.State == Open && d.DueDate != null
                        && !db.Deadlines.Any(o => o.PersonId == d.PersonId && o.State == Open && o.DueDate != null
                            && (o.DueDate < d.DueDate || (o.DueDate == d.DueDate && o.Id < d.Id))));
                    if (after is { Key: { } k, Id: var id })
                    {
                        rows = desc
                            ? rows.Where(d => d.DueDate <= k && (d.DueDate < k || d.PersonId < id))
                            : rows.Where(d => d.DueDate >= k && (d.DueDate > k || d.PersonId > id));
                    }

                    var joined = rows.Join(members, d => d.PersonId, p => p.Id, (d, p) => new { d.PersonId, d.DueDate });
                    var ordered = desc
                        ? joined.OrderByDescending(x => x.DueDate).ThenByDescending(x => x.PersonId)
                        : joined.OrderBy(x => x.DueDate).ThenBy(x => x.PersonId);
                    return (await ordered.Take(take).ToListAsync(ct)).Select(x => (x.PersonId, x.DueDate)).ToList();
                }

            case Within.Id when group.Driver is { } driver:
                {
                    var joined = driver(after?.Id, desc).Join(members, id => id, p => p.Id, (id, p) => id);
                    var ordered = desc ? joined.OrderByDescending(x => x) : joined.OrderBy(x => x);
                    return (await ordered.Take(take).ToListAsync(ct)).Select(id => (id, (DateOnly?)null)).ToList();
                }

            default:
                {
                    if (after is { Id: var id })
                    {
                        members = desc ? members.Where(p => p.Id < id) : members.Where(p => p.Id > id);
                    }

                    var ordered = desc ? members.OrderByDescending(p => p.Id) : members.OrderBy(p => p.Id);
                    return (await ordered.Select(p => p.Id).Take(take).ToListAsync(ct)).Select(id => (id, (DateOnly?)null)).ToList();
                }
        }
    }

    private const string Protected = nameof(Domain.Protection.ProtectionState.Protected);

    private static async Task<List<Group>> GroupsAsync(StaylineDbContext db, PeopleSort sort, CancellationToken ct)
    {
        switch (sort)
        {
            case PeopleSort.Facility:
                {
                    var facilities = await db.Facilities.AsNoTracking().OrderBy(f => f.Name).ThenBy(f => f.Id).Select(f => f.Id).ToListAsync(ct);
                    var groups = facilities.Select(id => new Group(Token(id), q => q.Where(p => p.CurrentFacilityId == id), Within.Id)).ToList();
                    groups.Add(new Group("none", q => q.Where(p => p.CurrentFacilityId == null), Within.Id));
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
                return
                [
                    new Group("due", q => q, Within.NextDue),
                    new Group("none", q => q.Where(p => !db.Deadlines.Any(d => d.PersonId == p.Id && d.State == Open && d.DueDate != null)), Within.Id),
                ];

            default:
                throw new ArgumentOutOfRangeException(nameof(sort), sort, "Not a keyset sort.");
        }

        Group State(string state) => new(state, q => q, Within.Id, (after, desc) =>
            After(db.Protections.Where(pp => pp.State == state).Select(pp => pp.PersonId), after, desc));
        static IQueryable<long> After(IQueryable<long> ids, long? after, bool desc) =>
            after is not { } a ? ids : desc ? ids.Where(id => id < a) : ids.Where(id => id > a);
        static string Token(long id) => id.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Where a keyset page ends: "group~key~id" (key a date or empty).</summary>
    private sealed record Cursor(string Group, DateOnly? Key, long Id)
    {
        public static Cursor? Parse(string? text)
        {
            var parts = text?.Split('~');
            if (parts is not [var group, var key, var id] || group.Length == 0
                || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var personId))
            {
                return null;
            }

            DateOnly? date = null;
            if (key.Length > 0)
            {
                if (!DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    return null;
                }

                date = d;
            }

            return new Cursor(group, date, personId);
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Group}~{Key:yyyy-MM-dd}~{Id}");
    }
}
