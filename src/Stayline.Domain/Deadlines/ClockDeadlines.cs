using System.Globalization;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;

namespace Stayline.Domain.Deadlines;

/// <summary>A clock shown as a deadline whose day is not "N days after" (months, a court's date): its words for the board.</summary>
public sealed record ClockRule(string Id, string Title, string CountedFrom, string Citation, Func<DateOnly, DateOnly, string> Explain);

/// <summary>
/// The clocks that are rows of the deadlines board and reach reminders besides the filing deadlines of
/// <see cref="PersonDeadlines"/>: the detention clocks (<see cref="DetentionClocks"/>), each bond case's dates
/// (<see cref="BondCase.Evaluate"/>) and the government's return to a habeas order to show cause (28 U.S.C. 2243).
/// A clock's row is Open while its day is ahead and Reached once it has come (a fact to act on, not a missed filing);
/// a filing recorded in time makes a bond row Met.
/// </summary>
public static class ClockDeadlines
{
    private static readonly Dictionary<string, ClockRule> Rules = new ClockRule[]
    {
        new("removal-period", "End of the 90-day removal period", "the day the removal order became final", "INA 241(a)(1)(A),(B), 241(a)(2), 241(a)(6)",
            (from, due) => $"The order became final on {D(from)}; the removal period runs 90 days, to {D(due)}, and detention in it is mandatory "
                + "(INA 241(a)(2)). After it, detention rests on INA 241(a)(6) and is limited by Zadvydas. A later start (a court's final order after a "
                + "stay, release from criminal custody: INA 241(a)(1)(B)(ii),(iii)) is not recorded, so the earlier one is used. A calendar date: "
                + "a period of detention is not moved off a weekend."),
        new("zadvydas", "Six months of post-order detention (Zadvydas)", "the start of post-order detention (the later of the final order and this detention)",
            "Zadvydas v. Davis, 533 U.S. 678 (2001); 8 CFR 241.13",
            (from, due) => $"This post-order detention began on {D(from)}; six months of post-order detention are reached on {D(due)}"
                + (due < from.AddMonths(6)
                    ? $", earlier than {D(from.AddMonths(6))} because days held in earlier custody after the same order are counted (courts differ; "
                        + "the earlier day is Stayline's reading)"
                    : "")
                + ". From then detention stops being presumptively reasonable: a habeas petition showing no significant likelihood of removal "
                + "in the reasonably foreseeable future is ripe, and a request under 8 CFR 241.13 can be made."),
        new("custody-review-90", "ICE's first custody review", "the final order (or the start of detention, when it began after the removal period)",
            "8 CFR 241.4(k)(1)",
            (from, due) => $"ICE must review custody before the removal period ends and give notice of the decision: counted from {D(from)}, by {D(due)}."),
        new("custody-review-hq", "ICE headquarters custody review", "ICE's first custody review", "8 CFR 241.4(k)(2)(ii)",
            (from, due) => $"If not released at the first review ({D(from)}), headquarters reviews custody three months after it: {D(due)}."),
        new("custody-review-annual", "Next yearly custody review", "ICE headquarters custody review", "8 CFR 241.4(k)(2)(iii)",
            (from, due) => $"If release is declined again at the review of {D(from)}, the next review comes about a year later: {D(due)}."),
        new(BondCase.StayLapseRuleId, "DHS's automatic stay of release lapses (Board not having decided)", "DHS's notice of appeal to the Board",
            BondCase.StayLapseCitation,
            (from, due) => $"DHS appealed on {D(from)}. Its automatic stay of the release order lapses on {D(due)}, {BondCase.StayLimitDays} days later "
                + "(plus any briefing extension granted at the detainee's request), unless the Board has decided by then. Calendar days: the "
                + "reading that ends the stay first."),
    }.ToDictionary(r => r.Id, StringComparer.Ordinal);

    public static bool TryGet(string ruleId, out ClockRule rule) => Rules.TryGetValue(ruleId, out rule!);

    public static IEnumerable<ClockRule> All => Rules.Values;

    private static readonly HashSet<string> PersonPagePanels =
    [
        "removal-period", "zadvydas", "custody-review-90", "custody-review-hq", "custody-review-annual",
        DeadlineRules.Eoir43Notice.Id, DeadlineRules.Eoir43Appeal.Id, DeadlineRules.BondAppeal.Id, BondCase.StayLapseRuleId,
    ];

    /// <summary>Rows the person page shows in a panel of their own (detention clocks, the bond case), not again among the deadlines.</summary>
    public static bool HasOwnPanel(string ruleId) => PersonPagePanels.Contains(ruleId);

    /// <summary>The citation of a habeas return whose date the court's order set (the row keeps the 2243 citation first).</summary>
    public const string CourtSetCitation = "28 U.S.C. 2243; the court's order";

    public static void Derive(ProtectionFacts facts, DateOnly asOf, ICourtCalendar calendar, List<DerivedDeadline> output)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var clock in DetentionClocks.For(facts, asOf, calendar))
        {
            output.Add(new DerivedDeadline(clock.Id, null, clock.From, clock.Date, clock.Date.DayNumber - clock.From.DayNumber,
                clock.State == ClockState.Reached ? DeadlineState.Reached : DeadlineState.Open, clock.Citation));
        }

        foreach (var bond in facts.Bonds)
        {
            if (bond.DecidedOn is not { } decided || decided > asOf)
            {
                continue;
            }

            foreach (var line in BondCase.FromStored(0, bond).Evaluate(asOf, calendar).Lines)
            {
                if (line.RuleId.Length == 0 || line.Day is not { } day)
                {
                    continue;
                }

                var from = line.RuleId == BondCase.StayLapseRuleId && bond.DhsAppealFiledOn is { } appeal ? appeal : decided;
                output.Add(new DerivedDeadline(line.RuleId, null, from, day, day.DayNumber - from.DayNumber, line.Due, line.Citation));
            }
        }

        foreach (var m in facts.Matters)
        {
            if (m.Kind != MatterKind.HabeasPetition || m.ShowCauseOrderedOn is not { } osc || osc > asOf || !DeadlineCalculator.IsSupportedTrigger(osc)
                || (m.Status.IsDecided() && m.DecidedOn <= asOf) || (m.Status == MatterStatus.Withdrawn && (m.WithdrawnOn ?? m.DecidedOn ?? osc) <= asOf))
            {
                continue;
            }

            var rule = DeadlineRules.HabeasReturn;
            var due = m.ReturnDueOn ?? DeadlineCalculator.DueDate(rule, osc, calendar);
            output.Add(new DerivedDeadline(rule.Id, null, osc, due, m.ReturnDueOn is null ? rule.PeriodDays : due.DayNumber - osc.DayNumber,
                due >= asOf ? DeadlineState.Open : DeadlineState.Reached, m.ReturnDueOn is null ? rule.Citation : CourtSetCitation));
        }
    }

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
