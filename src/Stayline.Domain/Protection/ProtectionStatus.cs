using System.Collections.Immutable;
using Stayline.Domain.Common;

namespace Stayline.Domain.Protection;

public enum ProtectionState
{
    NotProtected,
    /// <summary>"Unknown — check": facts that decide protection are missing. Never shown as protected.</summary>
    Unknown,
    Protected,
}

public enum ProtectionSource
{
    /// <summary>8 CFR 1003.6(a): a judge's merits decision is not executed during the 30-day appeal period.</summary>
    AppealPeriodStay,
    /// <summary>8 CFR 1003.6(a): nor while a Board appeal filed in time is pending.</summary>
    BoardAppealStay,
    /// <summary>
    /// Motion to rescind an in absentia order: INA 240(b)(5)(C), 8 CFR 1003.23(b)(4)(ii) (removal); 8 CFR
    /// 1003.23(b)(4)(iii)(C) and Matter of Rivera-Claros (deportation, also through a Board appeal of the denial).
    /// </summary>
    InAbsentiaMotionStay,
    /// <summary>A stay granted by a court, the Board, a judge or DHS (including a granted stay motion).</summary>
    IndividualStay,
    ClassOrderStay,
    /// <summary>The order was reopened, reversed or vacated: there is no order to execute.</summary>
    OrderSetAside,
}

/// <summary>The event that ends an open-ended protection.</summary>
public enum UntilEvent
{
    /// <summary>Dated: see <see cref="Protection.LastDay"/>.</summary>
    None,
    FilesReceived,
    JudgeDecidesMotion,
    BoardDecidesMotion,
    BoardDecidesAppeal,
    CourtDecidesStayMotion,
    CourtDecidesPetition,
    MatterDecided,
    StayLifted,
    NewDecision,
}

/// <summary>One protection in force on the day evaluated.</summary>
/// <param name="LastDay">Last protected day, when the protection is dated.</param>
/// <param name="Until">The event that ends it, when it is not dated (or may end earlier than the date).</param>
/// <param name="Subject">Who granted it or which class order, for the explanation.</param>
public readonly record struct Protection(
    ProtectionSource Source, DateOnly? Since, DateOnly? LastDay, UntilEvent Until, string Citation, Sentence? Subject = null)
{
    /// <summary>"until 2017-10-23" or "until the Board decides the appeal".</summary>
    public string UntilText => UntilSentence.ToString();

    public Sentence UntilSentence => LastDay is { } last
        ? Until == UntilEvent.None
            ? Sentence.Of($"until {last:yyyy-MM-dd}")
            : Sentence.Of($"until {last:yyyy-MM-dd} or {ProtectionText.Event(Until)} if earlier")
        : Sentence.Of($"until {ProtectionText.Event(Until)}");

    /// <summary>What protects and until when, in English.</summary>
    public string Describe() => Description.ToString();

    /// <summary><see cref="Describe"/> as a sentence, for a page to say in its reader's language.</summary>
    public Sentence Description => Sentence.Of($"{ProtectionText.Source(Source, Subject)} {UntilSentence}");
}

/// <summary>Which class-order deadline comes next.</summary>
public enum ClassDeadlineStep
{
    MotionToReopen,
    BoardAppeal,
    PetitionForReviewWithStayMotion,
}

/// <summary>The next deadline a class order sets for this person.</summary>
/// <param name="Due">Null while the period has not started (the A-file or record of proceedings is awaited).</param>
/// <param name="Trigger">The day the period started from.</param>
public readonly record struct ClassDeadline(ClassDeadlineStep Step, DateOnly? Due, DateOnly? Trigger, int Days, ClassStayOrder Order)
{
    public string Describe() => Description.ToString();

    /// <summary><see cref="Describe"/> as a sentence, for a page to say in its reader's language.</summary>
    public Sentence Description
    {
        get
        {
            var what = Step switch
            {
                ClassDeadlineStep.MotionToReopen => Sentence.Of($"motion to reopen"),
                ClassDeadlineStep.BoardAppeal => Sentence.Of($"Board appeal of the denial of the motion to reopen"),
                _ => Sentence.Of($"petition for review with a stay motion"),
            };
            var after = Step switch
            {
                ClassDeadlineStep.MotionToReopen => Sentence.Of($"{Days} days after A-file and ROP received"),
                ClassDeadlineStep.BoardAppeal => Sentence.Of($"{Days} days after the judge's denial"),
                _ => Sentence.Of($"{Days} days after the Board's decision"),
            };
            return Due is { } due
                ? Sentence.Of($"{what} due {due:yyyy-MM-dd} ({after}, moved to the next court day if needed; class order in {Order.Name})")
                : Sentence.Of($"{what} due {after}: not both received yet (class order in {Order.Name})");
        }
    }
}

/// <summary>
/// The protection status of one person on one day. <see cref="All"/> lists the protections in force; after boarding
/// it keeps those granted before boarding although <see cref="State"/> is NotProtected (see <see cref="BoardedDespiteStay"/>).
/// </summary>
public sealed record ProtectionStatus(
    DateOnly AsOf,
    ProtectionState State,
    Protection? Primary,
    ImmutableArray<Protection> All,
    ImmutableArray<ProtectionReason> Reasons,
    ImmutableArray<ProtectionReason> Missing,
    ClassDeadline? NextDeadline)
{
    /// <summary>
    /// The primary protection's last protected day is within 7 days of <see cref="AsOf"/> (inclusive): the
    /// loudest warning after "not protected". Open-ended protections never set it.
    /// </summary>
    public bool EndsWithin7Days => State == ProtectionState.Protected
        && Primary is { LastDay: { } last } && last.DayNumber - AsOf.DayNumber <= ProtectionEngine.WarningDays;

    /// <summary>
    /// Boarded for removal while a stay was in force that 8 CFR 1241.6(c) does not void (one granted before boarding, or a
    /// court's stay or class order whenever granted): the state is NotProtected, <see cref="All"/> lists the stays to
    /// enforce, and DHS must be made to comply now.
    /// </summary>
    public bool BoardedDespiteStay { get; init; }

    /// <summary>The one-line answer in English, as stored in the derived row and given by the API.</summary>
    public string Summary => SummarySentence.ToString();

    /// <summary>The summary as a sentence (the state word, then what protects, the missing facts or the reason that decides).</summary>
    public Sentence SummarySentence => State switch
    {
        ProtectionState.Protected => Sentence.Of($"Protected: {Primary!.Value.Description}"),
        ProtectionState.Unknown => Sentence.Of($"Unknown — check: {ProtectionText.List(Missing)}"),
        _ when Reasons.IsEmpty => Sentence.Of($"NOT protected"),
        _ => Sentence.Of($"NOT protected: {Reasons[^1].Sentence}"),
    };
}
