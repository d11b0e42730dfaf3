using System.Collections.Immutable;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;

namespace Stayline.Domain.Protection;

/// <summary>
/// Everything the protection engine needs to know about one person. Pure data: the caller maps stored
/// entities onto it. Facts dated after the day being evaluated are ignored, so one fact set answers
/// "protected on day X?" for any X. A default (uninitialised) array is read as empty.
/// </summary>
public sealed record ProtectionFacts
{
    public ImmutableArray<RemovalOrderFacts> Orders { get; init => field = value.IsDefault ? [] : value; } = [];
    public ImmutableArray<MatterFacts> Matters { get; init => field = value.IsDefault ? [] : value; } = [];
    public ImmutableArray<PersonEventFact> Events { get; init => field = value.IsDefault ? [] : value; } = [];
    public ImmutableArray<ClassMembershipFacts> Classes { get; init => field = value.IsDefault ? [] : value; } = [];
    public ImmutableArray<IndividualStayFacts> Stays { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Bond cases (custody redeterminations): read for their clocks only, never for protection from removal.</summary>
    public ImmutableArray<BondCaseInput> Bonds { get; init => field = value.IsDefault ? [] : value; } = [];
}

public enum DecisionType
{
    /// <summary>A decision on removability or relief: the kind 8 CFR 1003.6(a) stays.</summary>
    Merits,
    /// <summary>A bond or custody decision: never stays removal (8 CFR 1003.6(a), 8 CFR 1236.1).</summary>
    BondOrCustody,
    /// <summary>
    /// A denial of a motion to reopen or reconsider: its appeal stays nothing by itself (8 CFR 1003.6(b)); the merits
    /// order it left standing is the one executed.
    /// </summary>
    MotionDenial,
}

public enum AppealRight
{
    /// <summary>Not recorded: during the appeal period the engine answers Unknown.</summary>
    Unknown,
    Reserved,
    Waived,
}

/// <summary>A decision by an immigration judge or the Board.</summary>
/// <param name="Key">Any number unique among this person's orders (e.g. the database id); matters point to it.</param>
/// <param name="IssuedOn">Oral decision: the day stated; written: the day mailed or notified electronically (8 CFR 1003.38(b)).</param>
public sealed record RemovalOrderFacts(int Key, DateOnly IssuedOn, Adjudicator IssuedBy)
{
    public DecisionType Type { get; init; } = DecisionType.Merits;
    public bool InAbsentia { get; init; }
    public AppealRight Appeal { get; init; } = AppealRight.Unknown;

    /// <summary>The kind of proceeding the order ended; Unknown: derived from the date (see <see cref="ProceedingOrDerived"/>).</summary>
    public ProceedingType Proceeding { get; init; } = ProceedingType.Unknown;

    /// <summary>
    /// The recorded proceeding type, or else: Removal for orders from 1997-04-01 (IIRIRA's effective date; removal is
    /// the reading that extends no stay beyond the judge's decision); Unknown before it, because an order then ended
    /// either deportation proceedings (an in absentia motion stays removal) or exclusion proceedings (it does not), and
    /// guessing deportation would claim a stay that may not exist.
    /// </summary>
    public ProceedingType ProceedingOrDerived => Proceeding != ProceedingType.Unknown ? Proceeding
        : IssuedOn < IirIraEffective ? ProceedingType.Unknown : ProceedingType.Removal;

    private static DateOnly IirIraEffective => new(1997, 4, 1);
}

/// <summary>Which statute the order was entered under: the in absentia stays differ (8 CFR 1003.23(b)(4)(ii), (iii)).</summary>
public enum ProceedingType
{
    Unknown,
    /// <summary>Deportation proceedings (former INA 242, 242B), begun before 1997-04-01.</summary>
    Deportation,
    /// <summary>Removal proceedings under INA 240 (IIRIRA, from 1997-04-01).</summary>
    Removal,
    /// <summary>Exclusion proceedings (former INA 236), begun before 1997-04-01.</summary>
    Exclusion,
}

/// <summary>
/// One proceeding or filing. <see cref="ChallengesOrder"/> / <see cref="ChallengesMatter"/> say which decision
/// it attacks: a motion to reopen its order, a Board appeal the judge's order or the denial of a motion, a
/// petition for review the Board's decision (the Board appeal or Board motion it decided). When both are
/// null the engine takes the latest decision of the right kind made on or before the filing date.
/// </summary>
/// <param name="Key">Any number unique among this person's matters (e.g. the database id).</param>
public sealed record MatterFacts(int Key, MatterKind Kind, MatterStatus Status)
{
    /// <summary>Null with a status other than Drafting: filed on a day not recorded.</summary>
    public DateOnly? FiledOn { get; init; }

    /// <summary>Day granted, denied (dismissed) or withdrawn.</summary>
    public DateOnly? DecidedOn { get; init; }

    /// <summary>
    /// Day the matter was withdrawn, whatever <see cref="MatterFacts.Status"/> says; for a Withdrawn status without it,
    /// <see cref="DecidedOn"/> is read as the withdrawal day. A stay that lasts while the matter is pending ends on
    /// it. Withdrawn with neither date: Unknown wherever the day decides protection.
    /// </summary>
    public DateOnly? WithdrawnOn { get; init; }

    /// <summary>A recorded finding on timeliness (e.g. the Board accepted a late appeal); overrides the date check.</summary>
    public bool? FiledInTime { get; init; }

    public int? ChallengesOrder { get; init; }
    public int? ChallengesMatter { get; init; }

    /// <summary>A stay motion filed with or in this matter, if any.</summary>
    public StayMotionFacts? StayMotion { get; init; }

    /// <summary>
    /// The ground a motion to reopen rests on; null: not recorded. Against an in absentia order it decides whether
    /// filing the motion stays removal (INA 240(b)(5)(C)).
    /// </summary>
    public MotionGround? Ground { get; init; }

    /// <summary>
    /// A Board appeal the Board accepted although appeal of the judge's decision was recorded as waived (Matter of
    /// Rodriguez-Diaz, 22 I&amp;N Dec. 1320 (BIA 2000): a waiver that was not knowing and intelligent does not bar it).
    /// </summary>
    public bool AcceptedDespiteWaiver { get; init; }

    /// <summary>Habeas petitions: the day the court ordered the respondent to show cause (28 U.S.C. 2243).</summary>
    public DateOnly? ShowCauseOrderedOn { get; init; }

    /// <summary>Habeas petitions: the return date the court set; null: the three days of 2243.</summary>
    public DateOnly? ReturnDueOn { get; init; }
}

/// <summary>The ground of a motion to reopen.</summary>
public enum MotionGround
{
    /// <summary>Failure to appear because of exceptional circumstances: INA 240(b)(5)(C)(i), within 180 days.</summary>
    ExceptionalCircumstances,
    /// <summary>No notice of the hearing: INA 240(b)(5)(C)(ii), at any time.</summary>
    LackOfNotice,
    /// <summary>In federal or state custody, failure to appear through no fault of the person: INA 240(b)(5)(C)(ii).</summary>
    InCustody,
    /// <summary>Changed country conditions: no time limit (8 CFR 1003.23(b)(4)(i)), but no automatic stay.</summary>
    ChangedCountryConditions,
    /// <summary>Agreed to and filed jointly with DHS: no time limit (8 CFR 1003.23(b)(4)(iv), 1003.2(c)(3)(iii)), no automatic stay.</summary>
    JointMotion,
    Other,
}

public enum StayMotionOutcome
{
    Pending,
    Granted,
    Denied,
}

/// <summary>A motion to stay removal attached to a matter. A granted one protects while the matter is pending.</summary>
public sealed record StayMotionFacts(StayMotionOutcome Outcome)
{
    /// <summary>Null: filed together with the matter.</summary>
    public DateOnly? FiledOn { get; init; }

    public DateOnly? DecidedOn { get; init; }

    /// <summary>Last day of a granted stay when the order sets one; null: while the matter is pending.</summary>
    public DateOnly? GrantedUntil { get; init; }
}

/// <summary>A fact about the person, dated.</summary>
public readonly record struct PersonEventFact(PersonEventKind Kind, DateOnly On);

/// <summary>
/// The typed terms of a class-wide stay of removal. Stages follow each other; a stage whose flag is false is
/// not covered, and the stay ends when the person reaches it. Board appeals and petitions count only when filed
/// in time (30 days, 8 CFR 1003.38(b) and 8 U.S.C. 1252(b)(1)); a missed deadline or a denied stay ends the stay.
/// </summary>
/// <param name="MotionPeriodDays">The motion to reopen is due this many days after both the A-file and the
/// record of proceedings are received (Hamama: 90). Until both are received the stay lasts.</param>
public sealed record ClassStayTerms(int MotionPeriodDays)
{
    /// <summary>Stay continues while the motion to reopen is pending.</summary>
    public bool WhileMotionPending { get; init; } = true;

    /// <summary>After the judge denies the motion: stay continues through the 30-day Board appeal period.</summary>
    public bool ThroughBoardAppealPeriod { get; init; } = true;

    /// <summary>Stay continues while a Board appeal filed in time is pending.</summary>
    public bool WhileBoardAppealPending { get; init; } = true;

    /// <summary>After the Board's denial: stay continues through the 30-day petition-for-review period.</summary>
    public bool ThroughPetitionPeriod { get; init; } = true;

    /// <summary>Stay continues while a stay motion filed with a timely petition awaits the court of appeals.</summary>
    public bool WhilePetitionStayMotionPending { get; init; } = true;

    /// <summary>The day by which the order requires the government to produce each member's A-file and record of
    /// proceedings, if it sets one. It does not move the motion clock (that runs from actual receipt); production after
    /// it is noncompliance that the class status report lists.</summary>
    public DateOnly? RecordsDueOn { get; init; }

    /// <summary>
    /// Terms modelled on Hamama v. Adducci (E.D. Mich. 2017): 90 days after A-file and record of proceedings,
    /// then through the motion, a Board appeal and a petition for review with a stay motion.
    /// </summary>
    public static ClassStayTerms HamamaLike { get; } = new(90);
}

/// <summary>A court order staying removal of a class.</summary>
/// <param name="Name">Short name shown in explanations, e.g. "Hamama v. Adducci".</param>
/// <param name="Citation">Full citation of the order, shown with every reason it produces.</param>
public sealed record ClassStayOrder(string Name, string Citation, DateOnly EffectiveOn, ClassStayTerms Terms)
{
    /// <summary>Last day the order is in force (vacated or expired), if any.</summary>
    public DateOnly? LastDayInForce { get; init; }
}

/// <summary>The person's membership of a class to which the order applies (one record per order).</summary>
public sealed record ClassMembershipFacts(ClassStayOrder Order)
{
    public DateOnly? MemberFrom { get; init; }

    /// <summary>Last day of membership (opted out, excluded), if any.</summary>
    public DateOnly? MemberUntil { get; init; }
}

/// <summary>
/// A stay granted to this person by a court, the Board, a judge or DHS. In force from <see cref="GrantedOn"/>
/// through <see cref="LastDay"/> (when set), until the matter <see cref="UntilDecisionOfMatter"/> is decided
/// (when set; the stay ends on the day of the decision), and never from <see cref="LiftedOn"/> on.
/// With neither limit it lasts until lifted.
/// </summary>
public sealed record IndividualStayFacts(Adjudicator GrantedBy, DateOnly GrantedOn)
{
    public DateOnly? LastDay { get; init; }
    public int? UntilDecisionOfMatter { get; init; }
    public DateOnly? LiftedOn { get; init; }
}
