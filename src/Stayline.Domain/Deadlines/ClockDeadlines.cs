using Stayline.Domain.Common;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;

namespace Stayline.Domain.Deadlines;

/// <summary>A clock shown as a deadline whose day is not "N days after" (months, a court's date): its words for the board.</summary>
/// <param name="Explained">Why the day is what it is, from the day counted from and the day; <see cref="Explain"/> gives its English.</param>
public sealed record ClockRule(string Id, Sentence Title, Sentence CountedFrom, string Citation, Func<DateOnly, DateOnly, Sentence> Explained)
{
    public string Explain(DateOnly from, DateOnly due) => Explained(from, due).ToString();
}

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
        new("removal-period", Sentence.Of($"End of the 90-day removal period"), Sentence.Of($"the day the removal order became final"), "INA 241(a)(1)(A),(B), 241(a)(2), 241(a)(6)",
            (from, due) => Sentence.Of($"The order became final on {from:yyyy-MM-dd}; the removal period runs 90 days, to {due:yyyy-MM-dd}, and detention in it is mandatory (INA 241(a)(2)). After it, detention rests on INA 241(a)(6) and is limited by Zadvydas. A later start (a court's final order after a stay, release from criminal custody: INA 241(a)(1)(B)(ii),(iii)) is not recorded, so the earlier one is used. A calendar date: a period of detention is not moved off a weekend.")),
        new("zadvydas", Sentence.Of($"Six months of post-order detention (Zadvydas)"), Sentence.Of($"the start of post-order detention (the later of the final order and this detention)"),
            "Zadvydas v. Davis, 533 U.S. 678 (2001); 8 CFR 241.13",
            (from, due) => due < from.AddMonths(6)
                ? Sentence.Of($"This post-order detention began on {from:yyyy-MM-dd}; six months of post-order detention are reached on {due:yyyy-MM-dd}, earlier than {from.AddMonths(6):yyyy-MM-dd} because days held in earlier custody after the same order are counted (courts differ; the earlier day is Stayline's reading). From then detention stops being presumptively reasonable: a habeas petition showing no significant likelihood of removal in the reasonably foreseeable future is ripe, and a request under 8 CFR 241.13 can be made.")
                : Sentence.Of($"This post-order detention began on {from:yyyy-MM-dd}; six months of post-order detention are reached on {due:yyyy-MM-dd}. From then detention stops being presumptively reasonable: a habeas petition showing no significant likelihood of removal in the reasonably foreseeable future is ripe, and a request under 8 CFR 241.13 can be made.")),
        new("custody-review-90", Sentence.Of($"ICE's first custody review"), Sentence.Of($"the final order (or the start of detention, when it began after the removal period)"),
            "8 CFR 241.4(k)(1)",
            (from, due) => Sentence.Of($"ICE must review custody before the removal period ends and give notice of the decision: counted from {from:yyyy-MM-dd}, by {due:yyyy-MM-dd}.")),
        new("custody-review-hq", Sentence.Of($"ICE headquarters custody review"), Sentence.Of($"ICE's first custody review"), "8 CFR 241.4(k)(2)(ii)",
            (from, due) => Sentence.Of($"If not released at the first review ({from:yyyy-MM-dd}), headquarters reviews custody three months after it: {due:yyyy-MM-dd}.")),
        new("custody-review-annual", Sentence.Of($"Next yearly custody review"), Sentence.Of($"ICE headquarters custody review"), "8 CFR 241.4(k)(2)(iii)",
            (from, due) => Sentence.Of($"If release is declined again at the review of {from:yyyy-MM-dd}, the next review comes about a year later: {due:yyyy-MM-dd}.")),
        new(BondCase.StayLapseRuleId, Sentence.Of($"DHS's automatic stay of release lapses (Board not having decided)"), Sentence.Of($"DHS's notice of appeal to the Board"),
            BondCase.StayLapseCitation,
            (from, due) => Sentence.Of($"DHS appealed on {from:yyyy-MM-dd}. Its automatic stay of the release order lapses on {due:yyyy-MM-dd}, {BondCase.StayLimitDays} days later (plus any briefing extension granted at the detainee's request), unless the Board has decided by then. Calendar days: the reading that ends the stay first.")),
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
}
