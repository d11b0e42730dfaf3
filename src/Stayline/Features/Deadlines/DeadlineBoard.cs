using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Deadlines;
using Stayline.Domain.Matters;
using Stayline.Features.Shared;

namespace Stayline.Features.Deadlines;

/// <summary>The board's four lists, in board order (the number is also the cursor's first part).</summary>
public enum BoardSection
{
    /// <summary>Filing deadlines of ours that passed without a recorded filing in the last <see cref="DeadlineBoard.OverdueWindowDays"/> days.</summary>
    Overdue,
    /// <summary>Due today through 7 days from now.</summary>
    Week,
    /// <summary>Due after 7 days, within the days asked (30 on the page).</summary>
    Month,
    /// <summary>
    /// Days of clocks and of other parties' duties (ICE's custody reviews, DHS's bond filings, the government's return)
    /// that came in the last <see cref="DeadlineBoard.OverdueWindowDays"/> days: not missed filings, so after them all.
    /// </summary>
    Reached,
}

/// <summary>The rows of one rule (one class order for class motions) on a page: the rule's words and citation are shown once.</summary>
/// <param name="Total">Exact number of the rule's rows in the section, on every page.</param>
public sealed record BoardGroup(string RuleId, long? CourtOrderId, Sentence Title, string Citation, int Total, IReadOnlyList<DeadlineView> Rows)
{
    /// <summary>Whose step the day is (clocks and other parties' duties); null for our own filings.</summary>
    public Sentence? Whose => DeadlineBoard.WhoseDay(RuleId);
}

/// <param name="Total">Exact number of rows in the section.</param>
/// <param name="Next">Cursor of the next page of the section; null on the last one.</param>
/// <param name="After">The cursor this page started after; null for the first page.</param>
public sealed record BoardSectionPage(BoardSection Section, int Total, IReadOnlyList<BoardGroup> Groups, string? Next, string? After)
{
    public int Shown => Groups.Sum(g => g.Rows.Count);
}

/// <summary>One page of the board as a flat list in board order (the API): the exact total and the cursor of the next page.</summary>
public sealed record BoardPage(IReadOnlyList<DeadlineView> Rows, int Total, string? Next);

/// <summary>
/// The deadlines page: missed filings, due within 7 days, due within 30 (or N) days, then the days of clocks and other
/// parties' duties that came (so a clock's day never sits among, or ahead of, a missed filing). Each section lists its rows
/// grouped by rule (and class order), the rule's citation once per group, and within a group by due date. Every row is
/// reachable: pages follow a cursor (rule, due date, id), so a page costs the same on the first page and the last, and
/// each section's count is exact (one grouped count, which also gives each rule's total).
/// </summary>
public sealed record DeadlineBoard(IReadOnlyList<BoardSectionPage> Sections)
{
    /// <summary>Missed deadlines older than this are history (the file shows them), not a to-do.</summary>
    public const int OverdueWindowDays = 30;

    /// <summary>Rows per section on one page.</summary>
    public const int PageSize = 100;

    /// <summary>Most rows one API page returns.</summary>
    public const int MaxPageSize = 1_000;

    public BoardSectionPage Overdue => Sections.First(s => s.Section == BoardSection.Overdue);

    public BoardSectionPage Within7 => Sections.First(s => s.Section == BoardSection.Week);

    public BoardSectionPage Within30 => Sections.First(s => s.Section == BoardSection.Month);

    public BoardSectionPage DaysReached => Sections.First(s => s.Section == BoardSection.Reached);

    private static readonly string[] BoardStates = [nameof(DeadlineState.Open), nameof(DeadlineState.Missed), nameof(DeadlineState.Reached)];

    /// <summary>
    /// Rules whose day is a clock's or another party's duty, and whose it is. Once their day has passed they are listed
    /// after every filing of ours; a rule not named here counts as our filing, so an unknown rule lands among the
    /// missed filings (the side that cannot hide one). bond-appeal is ours (the detainee lost the bond hearing): its
    /// passed day is stored as Reached only because its filing cannot be recorded, so it stays with the filings.
    /// </summary>
    private static readonly Dictionary<string, Sentence> OtherPartiesDays = new(StringComparer.Ordinal)
    {
        ["removal-period"] = Sentence.Of($"ICE's: the 90 days it has to remove. Detention after them rests on INA 241(a)(6) and is limited by Zadvydas."),
        ["zadvydas"] = Sentence.Of($"Ours to use, not a filing deadline: after six months of post-order detention a habeas petition (or an 8 CFR 241.13 request) is ripe."),
        ["custody-review-90"] = Sentence.Of($"ICE's duty: a custody review before the removal period ends, with a written decision."),
        ["custody-review-hq"] = Sentence.Of($"ICE's duty: the headquarters custody review."),
        ["custody-review-annual"] = Sentence.Of($"ICE's duty: the yearly custody review."),
        [BondCase.StayLapseRuleId] = Sentence.Of($"The Board's: DHS's automatic stay of release lapses unless the Board has decided."),
        [DeadlineRules.HabeasReturn.Id] = Sentence.Of($"The government's: its return to the court's order to show cause."),
        [DeadlineRules.Eoir43Notice.Id] = Sentence.Of($"DHS's: its Form EOIR-43, without which the release order is not stayed."),
        [DeadlineRules.Eoir43Appeal.Id] = Sentence.Of($"DHS's: its appeal to the Board, without which the automatic stay lapses."),
        [DeadlineRules.FoiaResponse.Id] = Sentence.Of($"The agency's: its answer to a FOIA request."),
    };

    /// <summary>Whose step a clock's day is; null for a filing deadline of ours.</summary>
    public static Sentence? WhoseDay(string ruleId) => OtherPartiesDays.GetValueOrDefault(ruleId);

    /// <summary>
    /// The first page of every section, or, with <paramref name="only"/>, only that section's page after <paramref name="after"/>:
    /// a page reads and counts only what it shows.
    /// </summary>
    public static async Task<DeadlineBoard> LoadAsync(StaylineDbContext db, UserAccess access, bool mine, DateOnly today, int days, CancellationToken ct,
        BoardSection? only = null, string? after = null, int pageSize = PageSize)
    {
        var describer = await DeadlineDescriber.CreateAsync(db, ct);
        BoardSection[] shown = only is { } one ? [one] : Enum.GetValues<BoardSection>();
        var counts = await GroupCountsAsync(db, access, mine, today, days, shown, ct);
        var sections = new List<BoardSectionPage>(shown.Length);
        foreach (var section in shown)
        {
            var cursor = section == only && Cursor.TryParse(after, out var c) && c.Section == section ? c : (Cursor?)null;
            sections.Add(await SectionPageAsync(db, access, mine, today, days, section, counts[section], cursor, pageSize, describer, ct));
        }

        return new DeadlineBoard(sections);
    }

    /// <summary>
    /// Rows in board order across the sections, <paramref name="take"/> at a time after <paramref name="after"/>; the total is exact.
    /// Returns null when <paramref name="after"/> is not a cursor this board wrote.
    /// </summary>
    public static async Task<BoardPage?> PageAsync(StaylineDbContext db, UserAccess access, bool mine, DateOnly today, int days, string? after, int take,
        CancellationToken ct)
    {
        Cursor? cursor = null;
        if (!string.IsNullOrEmpty(after))
        {
            if (!Cursor.TryParse(after, out var c))
            {
                return null;
            }

            cursor = c;
        }

        var describer = await DeadlineDescriber.CreateAsync(db, ct);
        var rows = new List<DeadlineView>(Math.Min(take, 256));
        var total = 0;
        string? next = null;
        var counts = await GroupCountsAsync(db, access, mine, today, days, Enum.GetValues<BoardSection>(), ct);
        foreach (var section in Enum.GetValues<BoardSection>())
        {
            if (cursor is { } k && section < k.Section)
            {
                total += counts[section].Sum(g => g.Count);
                continue;
            }

            var page = await SectionPageAsync(db, access, mine, today, days, section, counts[section], cursor is { } at && at.Section == section ? at : null,
                take - rows.Count, describer, ct);
            total += page.Total;
            if (rows.Count < take)
            {
                rows.AddRange(page.Groups.SelectMany(g => g.Rows));
                next = page.Next;
            }
            else if (next is null && page.Total > 0)
            {
                // The page filled on the previous section's last row: this section begins the next page.
                next = Cursor.Start(section);
            }
        }

        return new BoardPage(rows, total, next);
    }

    private static (DateOnly From, DateOnly To) Range(BoardSection section, DateOnly today, int days) => section switch
    {
        BoardSection.Overdue or BoardSection.Reached => (today.AddDays(-OverdueWindowDays), today.AddDays(-1)),
        BoardSection.Week => (today, today.AddDays(Math.Min(7, days))),
        _ => (today.AddDays(8), today.AddDays(days)),
    };

    /// <summary>In the window of days already passed, our filings and the other parties' days are separate sections.</summary>
    private static bool InSection(BoardSection section, string ruleId) => section switch
    {
        BoardSection.Overdue => WhoseDay(ruleId) is null,
        BoardSection.Reached => WhoseDay(ruleId) is not null,
        _ => true,
    };

    private sealed record GroupCount(string RuleId, long? CourtOrderId, int Count);

    /// <summary>
    /// Each section's rows counted by rule (and class order), exactly, in one grouped read by rule and due date over the days
    /// the sections cover: the index on (RuleId, CourtOrderId, DueDate, Id, State, PersonId) answers it without reading a row.
    /// </summary>
    private static async Task<Dictionary<BoardSection, List<GroupCount>>> GroupCountsAsync(StaylineDbContext db, UserAccess access, bool mine,
        DateOnly today, int days, IReadOnlyCollection<BoardSection> sections, CancellationToken ct)
    {
        var from = sections.Min(s => Range(s, today, days).From);
        var to = sections.Max(s => Range(s, today, days).To);
        var q = db.Deadlines.AsNoTracking().Where(d => d.DueDate >= from && d.DueDate <= to && BoardStates.Contains(d.State));
        if (mine)
        {
            var uid = access.UserId ?? "";
            q = q.Where(d => DeadlineQueries.ClientsOf(db, uid).Contains(d.PersonId));
        }

        var byDay = await q.GroupBy(d => new { d.RuleId, d.CourtOrderId, d.DueDate })
            .Select(g => new { g.Key.RuleId, g.Key.CourtOrderId, g.Key.DueDate, Count = g.Count() }).ToListAsync(ct);
        var result = new Dictionary<BoardSection, List<GroupCount>>();
        foreach (var section in sections)
        {
            var (start, end) = Range(section, today, days);
            result[section] = [.. byDay.Where(c => c.DueDate >= start && c.DueDate <= end && InSection(section, c.RuleId))
                .GroupBy(c => (c.RuleId, c.CourtOrderId)).Select(g => new GroupCount(g.Key.RuleId, g.Key.CourtOrderId, g.Sum(c => c.Count)))
                // Manual deadlines last: their titles differ row by row.
                .OrderBy(c => c.RuleId == ManualRuleId ? 1 : 0).ThenBy(c => c.RuleId, StringComparer.Ordinal).ThenBy(c => c.CourtOrderId ?? 0)];
        }

        return result;
    }

    private const string ManualRuleId = "manual";

    private static async Task<BoardSectionPage> SectionPageAsync(StaylineDbContext db, UserAccess access, bool mine, DateOnly today, int days,
        BoardSection section, List<GroupCount> groups, Cursor? after, int take, DeadlineDescriber describer, CancellationToken ct)
    {
        var total = groups.Sum(g => g.Count);
        var shown = new List<BoardGroup>();
        string? next = null;
        var start = 0;
        if (after is { RuleId: { } rule } a)
        {
            start = groups.FindIndex(g => Compare(g, rule, a.CourtOrderId) >= 0);
            start = start < 0 ? groups.Count : start;
        }

        var (from, to) = Range(section, today, days);
        var left = take;
        for (var i = start; i < groups.Count && take > 0; i++)
        {
            var g = groups[i];
            if (left == 0)
            {
                // The page filled on the last row of the group before: this group starts the next page.
                next = Cursor.After(section, shown[^1].Rows[^1].Row);
                break;
            }

            // The group is one rule, so its section's rule condition holds for every row of it.
            var q = DeadlineQueries.Rows(db).Where(d => d.RuleId == g.RuleId && d.DueDate >= from && d.DueDate <= to && BoardStates.Contains(d.State));
            q = g.CourtOrderId is { } order ? q.Where(d => d.CourtOrderId == order) : q.Where(d => d.CourtOrderId == null);
            if (mine)
            {
                var uid = access.UserId ?? "";
                q = q.Where(d => DeadlineQueries.ClientsOf(db, uid).Contains(d.PersonId));
            }

            if (after is { RuleId: not null } k && Compare(g, k.RuleId, k.CourtOrderId) == 0)
            {
                var due = k.Due;
                var id = k.Id;
                q = q.Where(d => d.DueDate > due || (d.DueDate == due && d.Id > id));
            }

            var rows = await q.OrderBy(d => d.DueDate).ThenBy(d => d.Id).Take(left + 1).ToListAsync(ct);
            var more = rows.Count > left;
            if (more)
            {
                rows.RemoveAt(rows.Count - 1);
            }

            if (rows.Count > 0)
            {
                var views = rows.Select(describer.Describe).ToList();
                shown.Add(new BoardGroup(g.RuleId, g.CourtOrderId, g.RuleId == ManualRuleId ? Sentence.Of($"Entered by hand") : views[0].TitleSentence,
                    views.GroupBy(v => v.Row.Citation).OrderByDescending(c => c.Count()).First().Key, g.Count, views));
                left -= rows.Count;
            }

            if (more)
            {
                next = Cursor.After(section, rows[^1]);
                break;
            }
        }

        return new BoardSectionPage(section, total, shown, next, after?.ToString());
    }

    private static int Compare(GroupCount g, string ruleId, long? courtOrderId)
    {
        var manual = (g.RuleId == ManualRuleId ? 1 : 0).CompareTo(ruleId == ManualRuleId ? 1 : 0);
        if (manual != 0)
        {
            return manual;
        }

        var byRule = string.CompareOrdinal(g.RuleId, ruleId);
        return byRule != 0 ? byRule : (g.CourtOrderId ?? 0).CompareTo(courtOrderId ?? 0);
    }

    /// <summary>Where a page ended: section, rule (and class order), due date, id. Written as "section.due.id.order.rule".</summary>
    private readonly record struct Cursor(BoardSection Section, string? RuleId, long? CourtOrderId, DateOnly Due, long Id)
    {
        public static string Start(BoardSection section) => ((int)section).ToString(CultureInfo.InvariantCulture);

        public static string After(BoardSection section, DeadlineRow row) =>
            new Cursor(section, row.RuleId, row.CourtOrderId, row.DueDate ?? DateOnly.MinValue, row.Id).ToString();

        public override string ToString() => RuleId is null
            ? Start(Section)
            : string.Create(CultureInfo.InvariantCulture, $"{(int)Section}.{Due:yyyyMMdd}.{Id}.{CourtOrderId ?? 0}.{RuleId}");

        public static bool TryParse(string? text, out Cursor cursor)
        {
            cursor = default;
            if (string.IsNullOrEmpty(text) || text.Length > 120)
            {
                return false;
            }

            var parts = text.Split('.', 5);
            if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var s) || !Enum.IsDefined((BoardSection)s))
            {
                return false;
            }

            if (parts.Length == 1)
            {
                cursor = new Cursor((BoardSection)s, null, null, DateOnly.MinValue, 0);
                return true;
            }

            if (parts.Length != 5 || parts[4].Length == 0
                || !DateOnly.TryParseExact(parts[1], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
                || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var order))
            {
                return false;
            }

            cursor = new Cursor((BoardSection)s, parts[4], order == 0 ? null : order, due, id);
            return true;
        }
    }
}
