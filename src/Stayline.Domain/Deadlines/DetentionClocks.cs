using Stayline.Domain.Common;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;

namespace Stayline.Domain.Deadlines;

public enum ClockState
{
    /// <summary>The day is still ahead.</summary>
    Ahead,
    /// <summary>The day has come or passed.</summary>
    Reached,
}

/// <summary>One detention clock on the day evaluated: what it counts, its day, whether reached, and its source.</summary>
public sealed record DetentionClock(string Id, Sentence TitleSentence, DateOnly Date, ClockState State, string Citation, Sentence ExplanationSentence)
{
    /// <summary>The clock's words in English; the ...Sentence properties are said on pages in the reader's language.</summary>
    public string Title => TitleSentence.ToString();

    public string Explanation => ExplanationSentence.ToString();

    /// <summary>The day the clock counts from (the deadlines board shows it as the trigger).</summary>
    public DateOnly From { get; init; }
}

/// <summary>
/// The clocks of post-order detention, which decide when a prolonged-detention habeas petition or a custody review is
/// due. Counted from the facts the engines read, for a person in custody on the day evaluated with a final order:
/// <list type="bullet">
/// <item>the 90-day removal period (INA 241(a)(1)(A),(B)), from the day the order became final: the decision day
/// when appeal was waived, the order was entered in absentia, the appeal right is not recorded, or the Board decided;
/// the last day of the appeal time when appeal was reserved and not taken (8 CFR 1003.39, 1241.1). INA 241(a)(1)(B)(ii)
/// and (iii) start it later (a court's final order after a stay, release from criminal custody); those are not
/// recorded, so the earlier start is used and the explanation says so.</item>
/// <item>the six-month mark of Zadvydas v. Davis, 533 U.S. 678 (2001): six months of post-order detention, counted
/// from the later of the final order and the start of the current detention, less the days of any earlier custody
/// after the same final order (courts differ on whether those count; counting them gives the earlier day).</item>
/// <item>ICE's custody reviews (8 CFR 241.4(k)): the first before the removal period ends ((k)(1)(i)); when detention
/// began after it ended, 90 days after detention began, the earlier reading; the headquarters review three months after
/// the first ((k)(2)(ii)); then about a year later ((k)(2)(iii)).</item>
/// </list>
/// Every date is a calendar date with no move off weekends: these are periods of detention, not filing deadlines.
/// Where the start is uncertain the earlier day is used: a clock shown early prompts a petition or a demand sooner,
/// one shown late could leave a person detained past the day the law allows.
/// </summary>
public static class DetentionClocks
{
    public const int RemovalPeriodDays = 90;

    public static IReadOnlyList<DetentionClock> For(ProtectionFacts facts, DateOnly asOf, ICourtCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(calendar);
        if (CurrentDetentionStart(facts, asOf) is not { } detainedSince || FinalOrderDay(facts, asOf, calendar) is not { } final)
        {
            return [];
        }

        var (finalDay, how) = final;
        var removalEnd = finalDay.AddDays(RemovalPeriodDays);
        var postOrderStart = detainedSince > finalDay ? detainedSince : finalDay;
        var earlierDays = EarlierPostOrderDays(facts, finalDay, detainedSince);
        var sixMonths = postOrderStart.AddMonths(6).AddDays(-earlierDays);
        var firstReview = detainedSince <= removalEnd ? removalEnd : detainedSince.AddDays(RemovalPeriodDays);
        var hqReview = firstReview.AddMonths(3);
        var annual = hqReview.AddYears(1);
        ClockState S(DateOnly d) => d <= asOf ? ClockState.Reached : ClockState.Ahead;
        var afterSixMonths = Sentence.Of($"detention stops being presumptively reasonable: a habeas petition showing no significant likelihood of removal in the reasonably foreseeable future is ripe, and a request under 8 CFR 241.13 can be made.");

        return
        [
            new("removal-period", Sentence.Of($"End of the 90-day removal period"), removalEnd, S(removalEnd), "INA 241(a)(1)(A),(B), 241(a)(2), 241(a)(6)",
                Sentence.Of($"The order became final on {finalDay:yyyy-MM-dd} ({how}); the removal period runs 90 days from then, to {removalEnd:yyyy-MM-dd}, and detention in it is mandatory (INA 241(a)(2)). After it, detention rests on INA 241(a)(6) and is limited by Zadvydas. A court's final order after a stay of removal, or release from criminal custody, would start the period later (INA 241(a)(1)(B)(ii),(iii)); they are not recorded, so the earlier start is used.")) { From = finalDay },
            new("zadvydas", Sentence.Of($"Six months of post-order detention (Zadvydas)"), sixMonths, S(sixMonths), "Zadvydas v. Davis, 533 U.S. 678 (2001); 8 CFR 241.13",
                earlierDays > 0
                    ? Sentence.Of($"Post-order detention began on {postOrderStart:yyyy-MM-dd} (the later of the final order and the start of this detention, {detainedSince:yyyy-MM-dd}). The person was also detained {earlierDays} days after the same order in earlier custody; Zadvydas speaks of \"the period of prior post-removal confinement\" (533 U.S. at 701) and courts differ on whether earlier custody counts, so Stayline counts it, the earlier day: six months of post-order detention are reached on {sixMonths:yyyy-MM-dd}, not {postOrderStart.AddMonths(6):yyyy-MM-dd}. {afterSixMonths}")
                    : Sentence.Of($"Post-order detention began on {postOrderStart:yyyy-MM-dd} (the later of the final order and the start of this detention, {detainedSince:yyyy-MM-dd}). Six months later, {sixMonths:yyyy-MM-dd}, {afterSixMonths}")) { From = postOrderStart },
            new("custody-review-90", Sentence.Of($"ICE's first custody review"), firstReview, S(firstReview), "8 CFR 241.4(k)(1)",
                detainedSince <= removalEnd
                    ? Sentence.Of($"ICE must review custody before the removal period ends ({removalEnd:yyyy-MM-dd}) and give notice of the decision.")
                    : Sentence.Of($"Detention began after the removal period ended; Stayline counts the first review 90 days after detention began ({firstReview:yyyy-MM-dd}), the earlier reading.")) { From = detainedSince <= removalEnd ? finalDay : detainedSince },
            new("custody-review-hq", Sentence.Of($"ICE headquarters custody review"), hqReview, S(hqReview), "8 CFR 241.4(k)(2)(ii)",
                Sentence.Of($"If not released at the first review, headquarters reviews custody three months after it: {hqReview:yyyy-MM-dd}.")) { From = firstReview },
            new("custody-review-annual", Sentence.Of($"Next yearly custody review"), annual, S(annual), "8 CFR 241.4(k)(2)(iii)",
                Sentence.Of($"If release is declined again, the next review comes about a year later: {annual:yyyy-MM-dd}.")) { From = hqReview },
        ];
    }

    /// <summary>The start of the custody the person is in on <paramref name="asOf"/>, or null when not detained.</summary>
    private static DateOnly? CurrentDetentionStart(ProtectionFacts facts, DateOnly asOf)
    {
        DateOnly? start = null;
        foreach (var e in facts.Events.Where(e => e.On <= asOf).OrderBy(e => e.On).ThenBy(e => e.Kind is PersonEventKind.Released or PersonEventKind.Removed ? 1 : 0))
        {
            switch (e.Kind)
            {
                case PersonEventKind.Arrested:
                    start ??= e.On;
                    break;
                case PersonEventKind.Released or PersonEventKind.Removed:
                    start = null;
                    break;
            }
        }

        return start;
    }

    /// <summary>
    /// Days of custody episodes that ended before the current one began, counted from the later of their start and the
    /// final order (the day of arrest and the day of release both count: the person was held on each).
    /// </summary>
    private static int EarlierPostOrderDays(ProtectionFacts facts, DateOnly finalDay, DateOnly currentStart)
    {
        var days = 0;
        DateOnly? start = null;
        foreach (var e in facts.Events.Where(e => e.On < currentStart).OrderBy(e => e.On).ThenBy(e => e.Kind is PersonEventKind.Released or PersonEventKind.Removed ? 1 : 0))
        {
            switch (e.Kind)
            {
                case PersonEventKind.Arrested:
                    start ??= e.On;
                    break;
                case PersonEventKind.Released or PersonEventKind.Removed when start is { } s:
                    var from = s > finalDay ? s : finalDay;
                    if (e.On >= from)
                    {
                        days += e.On.DayNumber - from.DayNumber + 1;
                    }

                    start = null;
                    break;
            }
        }

        return days;
    }

    /// <summary>The day the latest merits order became final, and how; null when none is final by <paramref name="asOf"/>.</summary>
    private static (DateOnly Day, Sentence How)? FinalOrderDay(ProtectionFacts facts, DateOnly asOf, ICourtCalendar calendar)
    {
        (DateOnly Day, Sentence How)? best = null;
        void Consider(DateOnly day, Sentence how)
        {
            if (day <= asOf && (best is null || day > best.Value.Day))
            {
                best = (day, how);
            }
        }

        foreach (var o in facts.Orders)
        {
            if (o.Type != DecisionType.Merits || o.IssuedOn > asOf)
            {
                continue;
            }

            if (o.IssuedBy == Adjudicator.Board)
            {
                Consider(o.IssuedOn, Sentence.Of($"the Board's decision"));
            }
            else if (o.InAbsentia)
            {
                Consider(o.IssuedOn, Sentence.Of($"in absentia order, final on entry"));
            }
            else if (o.Appeal == AppealRight.Reserved)
            {
                var appealPending = facts.Matters.Any(m => m.Kind == MatterKind.BiaAppeal && m.FiledOn is { } f && f >= o.IssuedOn && f <= asOf
                    && !(m.Status.IsDecided() && m.DecidedOn <= asOf) && m.Status != MatterStatus.Withdrawn);
                if (!appealPending)
                {
                    Consider(PersonDeadlines.FinalDay(o.IssuedOn, calendar), Sentence.Of($"appeal reserved and not taken: the last day of the appeal time"));
                }
            }
            else
            {
                Consider(o.IssuedOn, o.Appeal == AppealRight.Waived
                    ? Sentence.Of($"appeal waived")
                    : Sentence.Of($"the judge's decision; whether appeal was waived is not recorded, so the decision day, the earlier reading"));
            }
        }

        foreach (var m in facts.Matters)
        {
            if (m.Kind == MatterKind.BiaAppeal && m.Status == MatterStatus.Denied && m.DecidedOn is { } decided)
            {
                Consider(decided, Sentence.Of($"the Board dismissed the appeal"));
            }
        }

        // A reopened, remanded or reversed case has no final order until a new decision.
        if (best is { } b && facts.Matters.Any(m => m.Status == MatterStatus.Granted && m.DecidedOn is { } d && d >= b.Day && d <= asOf
            && m.Kind is MatterKind.MotionToReopenIj or MatterKind.MotionToReopenBia or MatterKind.BiaAppeal or MatterKind.PetitionForReview))
        {
            return null;
        }

        return best;
    }
}
