using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;

namespace Stayline.Domain.Deadlines;

public enum DeadlineState
{
    Open,
    /// <summary>The filing the deadline asks for was made in time.</summary>
    Met,
    /// <summary>The last day passed without a timely filing.</summary>
    Missed,
    /// <summary>The rule does not apply (e.g. appeal waived): shown for the record, never as a date to meet.</summary>
    NotApplicable,
    /// <summary>A clock's day (detention, bond, the government's return) has come: a fact to act on, not a filing missed.</summary>
    Reached,
}

/// <summary>One deadline derived for a person. <see cref="OrderKey"/> is set for deadlines a class order defines.</summary>
public readonly record struct DerivedDeadline(
    string RuleId, long? OrderKey, DateOnly? TriggerDate, DateOnly? DueDate, int PeriodDays, DeadlineState State, string Citation);

/// <summary>
/// Which deadlines a person has, from the same facts the protection engine reads. Only the latest decision
/// starts statutory periods: a later decision replaces the earlier one as the order to attack, so the earlier
/// one's periods are history (its filings stay on the file). Per decision:
/// immigration judge's order: bia-appeal (not applicable when appeal was waived), reconsider-ij, mtr-ij;
/// in absentia: mtr-in-absentia; judge's denial of a motion: bia-appeal; Board order or dismissal of an appeal:
/// pfr, reconsider-bia, mtr-bia; Board's denial of a motion: pfr; a granted motion, appeal or petition: none
/// (the case is reopened). Every class order the person is a member of adds its own motion deadline, counted from
/// the later of A-file and record of proceedings received. A deadline is met by a filing of the right kind made
/// from the trigger day through the due day (or recorded as in time), missed when the due day passed without one.
/// </summary>
public static class PersonDeadlines
{
    /// <summary>Rule id of a class order's motion deadline (one per order; the row carries the order).</summary>
    public const string ClassMotionRuleId = "class-mtr";

    private enum Decision
    {
        None,
        JudgeOrder,
        JudgeOrderInAbsentia,
        JudgeDeniedMotion,
        BoardOrder,
        BoardDeniedMotion,
        SetAside,
    }

    /// <param name="classOrderKeys">One key per <see cref="ProtectionFacts.Classes"/> entry, in the same order.</param>
    public static void Derive(ProtectionFacts facts, ReadOnlySpan<long> classOrderKeys, DateOnly asOf, ICourtCalendar calendar, List<DerivedDeadline> output)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(output);
        var (decision, on, appeal) = LatestDecision(facts, asOf);
        switch (decision)
        {
            case Decision.JudgeOrder:
                Add(facts, DeadlineRules.BiaAppeal, on, MatterKind.BiaAppeal, asOf, calendar, output, notApplicable: appeal == AppealRight.Waived);
                if (appeal == AppealRight.Reserved && DeadlineCalculator.IsSupportedTrigger(on))
                {
                    // 8 CFR 1003.39, 1241.1(c): an unappealed decision becomes final when the appeal time runs out, and the
                    // motion periods run from the final order. Filings from the decision day on answer them.
                    // The row keeps the decision as its trigger (what the team knows the order by); the due date counts
                    // from finality, and the views name both dates (see FinalDay and SafeDue).
                    var final = FinalDay(on, calendar);
                    Add(facts, DeadlineRules.ReconsiderIj, on, MatterKind.MotionToReconsiderIj, asOf, calendar, output, countFrom: final, citation: FromFinality(DeadlineRules.ReconsiderIj));
                    Add(facts, DeadlineRules.MtrIj, on, MatterKind.MotionToReopenIj, asOf, calendar, output, countFrom: final, citation: FromFinality(DeadlineRules.MtrIj));
                }
                else
                {
                    // Waived: final on the waiver (the decision day). Not recorded: the decision day is the safe reading.
                    Add(facts, DeadlineRules.ReconsiderIj, on, MatterKind.MotionToReconsiderIj, asOf, calendar, output);
                    Add(facts, DeadlineRules.MtrIj, on, MatterKind.MotionToReopenIj, asOf, calendar, output);
                }

                break;
            case Decision.JudgeOrderInAbsentia:
                Add(facts, DeadlineRules.MtrInAbsentia, on, MatterKind.MotionToReopenIj, asOf, calendar, output);
                break;
            case Decision.JudgeDeniedMotion:
                Add(facts, DeadlineRules.BiaAppeal, on, MatterKind.BiaAppeal, asOf, calendar, output);
                break;
            case Decision.BoardOrder:
                Add(facts, DeadlineRules.Pfr, on, MatterKind.PetitionForReview, asOf, calendar, output);
                Add(facts, DeadlineRules.ReconsiderBia, on, MatterKind.MotionToReconsiderBia, asOf, calendar, output);
                Add(facts, DeadlineRules.MtrBia, on, MatterKind.MotionToReopenBia, asOf, calendar, output);
                break;
            case Decision.BoardDeniedMotion:
                Add(facts, DeadlineRules.Pfr, on, MatterKind.PetitionForReview, asOf, calendar, output);
                break;
        }

        for (var i = 0; i < facts.Classes.Length && i < classOrderKeys.Length; i++)
        {
            AddClassMotion(facts, facts.Classes[i], classOrderKeys[i], asOf, calendar, output);
        }

        ClockDeadlines.Derive(facts, asOf, calendar, output);
    }

    /// <summary>The citation a motion deadline counted from the day the judge's order became final carries (the views read it).</summary>
    public const string FinalityCitation = "8 CFR 1003.39; 8 CFR 1241.1(c)";

    public static string FromFinality(DeadlineRule rule) => rule.Citation + "; " + FinalityCitation;

    /// <summary>The day an unappealed judge's decision becomes final: the last day of its appeal time (8 CFR 1003.39, 1241.1(c)).</summary>
    public static DateOnly FinalDay(DateOnly decision, ICourtCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return DeadlineCalculator.DueAfter(decision, DeadlineRules.BiaAppeal.PeriodDays, calendar.For(DeadlineRules.BiaAppeal.Forum));
    }

    /// <summary>The due date counted from the decision itself: earlier than the one from finality, and in time on any reading.</summary>
    public static DateOnly SafeDue(DeadlineRule rule, DateOnly decision, ICourtCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(calendar);
        return DeadlineCalculator.DueAfter(decision, rule.PeriodDays, calendar.For(rule.Forum));
    }

    public static bool CountsFromFinality(string citation) => citation.EndsWith("; " + FinalityCitation, StringComparison.Ordinal);

    private static (Decision Decision, DateOnly On, AppealRight Appeal) LatestDecision(ProtectionFacts facts, DateOnly asOf)
    {
        var best = Decision.None;
        var bestOn = DateOnly.MinValue;
        var waived = AppealRight.Unknown;
        void Consider(Decision d, DateOnly on, bool board, AppealRight appealWaived = AppealRight.Unknown)
        {
            // On the same day the Board's decision comes after the judge's, and a grant after a denial.
            if (on > asOf || (best != Decision.None && (on < bestOn || (on == bestOn && !board && d != Decision.SetAside))))
            {
                return;
            }

            best = d;
            bestOn = on;
            waived = appealWaived;
        }

        foreach (var o in facts.Orders)
        {
            if (o.Type != DecisionType.Merits)
            {
                continue;
            }

            if (o.IssuedBy == Adjudicator.Board)
            {
                Consider(Decision.BoardOrder, o.IssuedOn, board: true);
            }
            else
            {
                Consider(o.InAbsentia ? Decision.JudgeOrderInAbsentia : Decision.JudgeOrder, o.IssuedOn, board: false, o.Appeal);
            }
        }

        foreach (var m in facts.Matters)
        {
            if (m.DecidedOn is not { } decided || !m.Status.IsDecided())
            {
                continue;
            }

            if (m.Status == MatterStatus.Granted)
            {
                if (m.Kind is MatterKind.MotionToReopenIj or MatterKind.MotionToReopenBia or MatterKind.BiaAppeal or MatterKind.PetitionForReview)
                {
                    Consider(Decision.SetAside, decided, board: true);
                }

                continue;
            }

            switch (m.Kind)
            {
                case MatterKind.MotionToReopenIj or MatterKind.MotionToReconsiderIj:
                    Consider(Decision.JudgeDeniedMotion, decided, board: false);
                    break;
                case MatterKind.BiaAppeal:
                    Consider(Decision.BoardOrder, decided, board: true);
                    break;
                case MatterKind.MotionToReopenBia or MatterKind.MotionToReconsiderBia:
                    Consider(Decision.BoardDeniedMotion, decided, board: true);
                    break;
            }
        }

        return (best, bestOn, waived);
    }

    private static void Add(ProtectionFacts facts, DeadlineRule rule, DateOnly trigger, MatterKind answeredBy, DateOnly asOf,
        ICourtCalendar calendar, List<DerivedDeadline> output, bool notApplicable = false, DateOnly? countFrom = null, string? citation = null)
    {
        if (!DeadlineCalculator.IsSupportedTrigger(trigger))
        {
            return;
        }

        var due = DeadlineCalculator.DueAfter(countFrom ?? trigger, rule.PeriodDays, calendar.For(rule.Forum));
        var state = notApplicable ? DeadlineState.NotApplicable : StateOf(facts, k => k == answeredBy, trigger, due, asOf);
        output.Add(new DerivedDeadline(rule.Id, null, trigger, due, rule.PeriodDays, state, citation ?? rule.Citation));
    }

    private static void AddClassMotion(ProtectionFacts facts, ClassMembershipFacts membership, long orderKey, DateOnly asOf,
        ICourtCalendar calendar, List<DerivedDeadline> output)
    {
        var order = membership.Order;
        if (order.EffectiveOn > asOf || order.LastDayInForce < asOf || membership.MemberUntil < asOf)
        {
            return;
        }

        var days = order.Terms.MotionPeriodDays;
        DateOnly? trigger = First(facts, PersonEventKind.AFileReceived, asOf) is { } aFile && First(facts, PersonEventKind.RecordOfProceedingsReceived, asOf) is { } rop
            ? (aFile > rop ? aFile : rop)
            : null;
        DateOnly? due = trigger is { } t && DeadlineCalculator.IsSupportedTrigger(t) ? DeadlineCalculator.DueAfter(t, days, calendar) : null;
        // Any motion to reopen not decided before the order took effect answers it, also one filed before the order (as
        // the protection engine reads it: a motion pending when the order came keeps the class stay going).
        var state = StateOf(facts, k => k is MatterKind.MotionToReopenIj or MatterKind.MotionToReopenBia, DateOnly.MinValue, due, asOf, order.EffectiveOn);
        output.Add(new DerivedDeadline(ClassMotionRuleId, orderKey, due is null ? null : trigger, due, days, state, order.Citation));
    }

    private static DeadlineState StateOf(ProtectionFacts facts, Func<MatterKind, bool> answers, DateOnly from, DateOnly? due, DateOnly asOf,
        DateOnly? notDecidedBefore = null)
    {
        var late = false;
        foreach (var m in facts.Matters)
        {
            if (!answers(m.Kind) || m.Status == MatterStatus.Drafting || m.FiledOn is not { } filed || filed > asOf || filed < from
                || (notDecidedBefore is { } cutoff && m.DecidedOn < cutoff))
            {
                continue;
            }

            if (m.FiledInTime ?? (due is null || filed <= due))
            {
                return DeadlineState.Met;
            }

            late = true;
        }

        return late || (due is { } d && d < asOf) ? DeadlineState.Missed : DeadlineState.Open;
    }

    private static DateOnly? First(ProtectionFacts facts, PersonEventKind kind, DateOnly asOf)
    {
        DateOnly? first = null;
        foreach (var e in facts.Events)
        {
            if (e.Kind == kind && e.On <= asOf && (first is null || e.On < first))
            {
                first = e.On;
            }
        }

        return first;
    }
}
