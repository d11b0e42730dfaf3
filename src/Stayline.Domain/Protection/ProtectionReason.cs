using System.Globalization;
using Stayline.Domain.Common;
using Stayline.Domain.Matters;

namespace Stayline.Domain.Protection;

/// <summary>Why a protection applies, ended, or could not be decided. Text is rendered on demand.</summary>
public enum ReasonCode
{
    // Custody
    Removed,
    BoardedForRemoval,
    StaysIgnoredAfterBoarding,
    /// <summary>A judge's or the Board's stay granted after boarding: no effect (8 CFR 1241.6(c)).</summary>
    StayAfterBoardingNoEffect,
    /// <summary>A court's stay or a class order after boarding: 8 CFR 1241.6(c) does not reach it; it binds DHS.</summary>
    CourtStayAfterBoarding,

    // Orders and automatic stays
    NoRemovalOrderRecorded,
    /// <summary>The day evaluated is before the first recorded order: no order in force yet.</summary>
    NoOrderInForceYet,
    BondDecisionNoStay,
    MotionDenialNoStay,
    BoardOrderNoAutomaticStay,
    InAbsentiaOrderNoAppealStay,
    AppealPeriodStay,
    AppealWaived,
    AppealAcceptedDespiteWaiver,
    AppealWaiverUnknown,
    AppealPeriodExpired,
    BoardAppealPendingStay,
    BoardAppealLate,
    BoardAppealDismissed,
    BoardAppealWithdrawn,
    OrderSetAside,

    // In absentia motions
    InAbsentiaMotionPendingStay,
    InAbsentiaDenialAppealPendingStay,
    InAbsentiaDenialAppealWindow,
    InAbsentiaStayEnded,
    InAbsentiaMotionLate,
    InAbsentiaMotionGroundNoStay,
    InAbsentiaExclusionNoStay,
    InAbsentiaAppealStayContested,

    // Filings that stop nothing by themselves
    MotionDoesNotStay,
    DenialAppealDoesNotStay,
    PetitionDoesNotStay,

    // Stays granted to the person
    StayMotionPending,
    StayMotionGranted,
    StayMotionDenied,
    StayGrantedTermsMissing,
    IndividualStayInForce,
    IndividualStayExpired,
    IndividualStayLifted,
    StayMatterMissing,
    /// <summary>A judge's or the Board's stay lasting until a matter before another adjudicator is decided.</summary>
    StayGrantorNotWherePending,
    MatterWithdrawn,

    // Missing facts
    FiledDateMissing,
    DecisionDateMissing,
    MotionGroundMissing,
    /// <summary>An in absentia order from before 1997-04-01 whose proceeding (deportation or exclusion) is not recorded.</summary>
    ProceedingTypeMissing,
    WithdrawalDateMissing,
    PeriodOutsideCalendar,

    // Class orders
    ClassMembershipEnded,
    ClassOrderEnded,
    ClassFilesAwaited,
    ClassMotionWindow,
    ClassNoMotionByDeadline,
    ClassMotionLate,
    ClassMotionPending,
    ClassMotionGranted,
    ClassAppealWindow,
    ClassNoAppealByDeadline,
    ClassAppealLate,
    ClassAppealPending,
    ClassPetitionWindow,
    ClassNoPetitionByDeadline,
    ClassPetitionLate,
    ClassPetitionWithoutStayMotion,
    ClassStayMotionLate,
    ClassStayMotionPending,
    ClassStayGranted,
    ClassStayDenied,
    ClassPetitionDecided,
    ClassStageNotCovered,
}

/// <summary>One link in the chain of reasons.</summary>
/// <param name="Citation">The rule, case or order that makes it so.</param>
/// <param name="Date">The main date (filed, decided, issued...).</param>
/// <param name="Date2">A second date, usually the deadline or last day.</param>
/// <param name="Subject">A name: the matter kind, the grantor, or the class order.</param>
public readonly record struct ProtectionReason(
    ReasonCode Code, string Citation, DateOnly? Date = null, DateOnly? Date2 = null, Sentence? Subject = null)
{
    /// <summary>A fact whose absence keeps the answer at Unknown.</summary>
    public bool IsMissingFact => Code is ReasonCode.NoRemovalOrderRecorded or ReasonCode.NoOrderInForceYet or ReasonCode.StayGrantorNotWherePending or ReasonCode.AppealWaiverUnknown
        or ReasonCode.FiledDateMissing or ReasonCode.DecisionDateMissing or ReasonCode.StayGrantedTermsMissing
        or ReasonCode.StayMatterMissing or ReasonCode.MotionGroundMissing or ReasonCode.ProceedingTypeMissing or ReasonCode.WithdrawalDateMissing
        or ReasonCode.PeriodOutsideCalendar
        or ReasonCode.InAbsentiaAppealStayContested;

    /// <summary>The reason in English (API, CLI, stored reports).</summary>
    public string Text => Sentence.ToString();

    /// <summary>The reason as a sentence, for a page to say in its reader's language (the citation stays apart, in English).</summary>
    public Sentence Sentence => ProtectionText.Reason(this);

    public override string ToString() => Text + " (" + Citation + ")";
}

/// <summary>Sentences one after another, separated by semicolons ("a; b; c"), the separator said in the reader's language.</summary>
public static class ReasonList
{
    public static Sentence Of(IReadOnlyList<Sentence> sentences) =>
        sentences.Count == 0 ? Sentence.Verbatim("") : Joined(sentences, static (a, b) => Sentence.Of($"{a}; {b}"));

    /// <summary>Sentences joined pair by pair from the right (a, then b and c joined): each pair is one translatable format.</summary>
    public static Sentence Joined(IReadOnlyList<Sentence> items, Func<Sentence, Sentence, Sentence> pair)
    {
        var joined = items[^1];
        for (var i = items.Count - 2; i >= 0; i--)
        {
            joined = pair(items[i], joined);
        }

        return joined;
    }
}

/// <summary>Citations and plain-language text. Kept apart so evaluation allocates no strings: the fixed words (kinds of
/// matter, grantors, events) are sentences built once; a reason's sentence is built when it is shown.</summary>
internal static class ProtectionText
{
    public const string AutomaticStay = "8 CFR 1003.6(a); 8 CFR 1003.38(b)";
    public const string NoStayForDenials = "8 CFR 1003.6(b)";
    public const string BondNoStay = "8 CFR 1003.6(a) (excepting 8 CFR 1236.1)";
    public const string Nken = "8 U.S.C. 1252(b)(3)(B); Nken v. Holder, 556 U.S. 418 (2009)";
    public const string MotionNoStay = "8 CFR 1003.23(b)(1)(v); 8 CFR 1003.2(f)";
    public const string InAbsentiaStay = "8 CFR 1003.23(b)(4)(ii); INA 240(b)(5)(C)";
    public const string InAbsentiaFinal = "8 CFR 1241.1(e); Matter of Guzman, 22 I&N Dec. 722 (BIA 1999); 8 CFR 1003.23(b)(4)(ii)";
    public const string InAbsentiaExceptional = "INA 240(b)(5)(C)(i); 8 CFR 1003.23(b)(4)(ii)";
    public const string InAbsentiaNoticeOrCustody = "INA 240(b)(5)(C)(ii); 8 CFR 1003.23(b)(4)(ii)";
    public const string InAbsentiaOtherGround = "INA 240(b)(5)(C); 8 CFR 1003.23(b)(4)(ii); 8 CFR 1003.23(b)(1)(v)";
    public const string InAbsentiaDeportation = "8 CFR 1003.23(b)(4)(iii)(A),(C); former INA 242B(c)(3)";
    public const string InAbsentiaExclusion = "8 CFR 1003.23(b)(4)(iii)(B),(C); 8 CFR 1003.23(b)(1)(v)";
    public const string InAbsentiaProceedingType = "8 CFR 1003.23(b)(4)(iii)(A)-(C); IIRIRA 309(a),(c)";
    public const string RiveraClaros = "8 CFR 1003.23(b)(4)(iii)(C); Matter of Rivera-Claros, 21 I&N Dec. 232 (BIA 1996)";
    public const string InAbsentiaAppealContested =
        "INA 240(b)(5)(C); 8 CFR 1003.23(b)(4)(ii); but see Matter of Rivera-Claros, 21 I&N Dec. 232 (BIA 1996) (deportation); BIA Practice Manual 6.2(d)";
    public const string Boarding = "8 CFR 1241.6(c)";
    public const string CourtStayAfterBoarding = "8 CFR 1241.6(c) (judge and Board stays only); the court's order; Nken v. Holder, 556 U.S. 418 (2009)";
    public const string NoOrderYet = "8 CFR 1241.1; 8 CFR 1003.39";
    public const string StayAuthority = "8 CFR 1003.23(b)(1)(v); 8 CFR 1003.2(f)";
    public const string WaiverNotBinding = "8 CFR 1003.6(a); Matter of Rodriguez-Diaz, 22 I&N Dec. 1320 (BIA 2000)";
    public const string SetAside = "8 CFR 1003.23(b); 8 CFR 1003.2; 8 CFR 1003.1(d); 8 U.S.C. 1252";
    public const string GrantedStay = "stay order; 8 CFR 1241.6; 8 CFR 1003.2(f); 8 CFR 1003.23(b)(1)(v); 8 U.S.C. 1252(b)(3)(B)";
    public const string Record = "record";
    public const string AppealWithdrawn = "8 CFR 1003.4; 8 CFR 1003.6(a)";
    public const string Withdrawal = "8 CFR 1003.4; 8 CFR 1003.23(b)(1)(v); stay order";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly Sentence NotRecorded = Sentence.Of($"(date not recorded)");

    private static readonly Sentence BeforeCalendar = Sentence.Of($"(a day before the court calendar begins in 1980)");

    /// <summary>The day (formatted by the sentence: yyyy-MM-dd in English, the reader's way on a page) or why there is none.</summary>
    private static object D(DateOnly? day) => day is { } d ? d : NotRecorded;

    /// <summary>A last day; null: a period the court calendar (1980-2100) cannot count, long over.</summary>
    private static object Due(DateOnly? day) => day is { } d ? d : BeforeCalendar;

    private static readonly Dictionary<MatterKind, Sentence> Kinds = Enum.GetValues<MatterKind>().ToDictionary(k => k, KindOf);

    private static readonly Dictionary<Adjudicator, Sentence> Grantors = Enum.GetValues<Adjudicator>().ToDictionary(a => a, GrantorOf);

    private static readonly Dictionary<UntilEvent, Sentence> Events = Enum.GetValues<UntilEvent>().ToDictionary(e => e, EventOf);

    public static Sentence Kind(MatterKind kind) => Kinds[kind];

    /// <summary>A name given by a user (a class order's): said as written.</summary>
    public static Sentence Name(string name) => Sentence.Verbatim(name);

    public static Sentence List(IReadOnlyList<ProtectionReason> reasons) => ReasonList.Of([.. reasons.Select(r => r.Sentence)]);

    public static Sentence Grantor(Adjudicator by) => Grantors[by];

    public static Sentence Event(UntilEvent until) => Events[until];

    private static Sentence KindOf(MatterKind kind) => kind switch
    {
        MatterKind.MotionToReopenIj => Sentence.Of($"motion to reopen (judge)"),
        MatterKind.MotionToReopenBia => Sentence.Of($"motion to reopen (Board)"),
        MatterKind.MotionToReconsiderIj => Sentence.Of($"motion to reconsider (judge)"),
        MatterKind.MotionToReconsiderBia => Sentence.Of($"motion to reconsider (Board)"),
        MatterKind.StayMotion => Sentence.Of($"stay motion"),
        MatterKind.BiaAppeal => Sentence.Of($"Board appeal"),
        MatterKind.PetitionForReview => Sentence.Of($"petition for review"),
        MatterKind.HabeasPetition => Sentence.Of($"habeas petition"),
        MatterKind.BondHearing => Sentence.Of($"bond hearing"),
        _ => Sentence.Of($"FOIA request"),
    };

    private static Sentence GrantorOf(Adjudicator by) => by switch
    {
        Adjudicator.ImmigrationJudge => Sentence.Of($"the immigration judge"),
        Adjudicator.Board => Sentence.Of($"the Board"),
        Adjudicator.DistrictCourt => Sentence.Of($"the district court"),
        Adjudicator.CourtOfAppeals => Sentence.Of($"the court of appeals"),
        _ => Sentence.Of($"DHS"),
    };

    private static Sentence EventOf(UntilEvent until) => until switch
    {
        UntilEvent.FilesReceived => Sentence.Of($"the A-file and the record of proceedings are received and the motion period runs out"),
        UntilEvent.JudgeDecidesMotion => Sentence.Of($"the immigration judge decides the motion to reopen"),
        UntilEvent.BoardDecidesMotion => Sentence.Of($"the Board decides the motion to reopen"),
        UntilEvent.BoardDecidesAppeal => Sentence.Of($"the Board decides the appeal"),
        UntilEvent.CourtDecidesStayMotion => Sentence.Of($"the court of appeals decides the stay motion"),
        UntilEvent.CourtDecidesPetition => Sentence.Of($"the court of appeals decides the petition for review"),
        UntilEvent.MatterDecided => Sentence.Of($"the matter is decided"),
        UntilEvent.StayLifted => Sentence.Of($"the stay is lifted"),
        UntilEvent.NewDecision => Sentence.Of($"a new decision is made in the reopened or remanded case"),
        _ => Sentence.Of($"(no event)"),
    };

    public static Sentence Source(ProtectionSource source, Sentence? subject) => source switch
    {
        ProtectionSource.AppealPeriodStay => Sentence.Of($"automatic stay during the Board appeal period"),
        ProtectionSource.BoardAppealStay => Sentence.Of($"automatic stay while the Board appeal is pending"),
        ProtectionSource.InAbsentiaMotionStay => Sentence.Of($"automatic stay of the in absentia order while the motion to reopen is pending"),
        ProtectionSource.IndividualStay when subject is null => Sentence.Of($"stay granted by an adjudicator"),
        ProtectionSource.IndividualStay => Sentence.Of($"stay granted by {subject}"),
        ProtectionSource.ClassOrderStay => Sentence.Of($"class-order stay ({subject})"),
        _ => Sentence.Of($"no order to execute ({subject} granted)"),
    };

    public static Sentence Reason(in ProtectionReason r) => r.Code switch
    {
        ReasonCode.Removed => Sentence.Of($"removed on {D(r.Date):yyyy-MM-dd}"),
        ReasonCode.BoardedForRemoval => Sentence.Of($"boarded for removal on {D(r.Date):yyyy-MM-dd}: a stay by an immigration judge or the Board granted or communicated after boarding has no effect (a court's stay is not affected)"),
        ReasonCode.StaysIgnoredAfterBoarding => r.Date == r.Date2
            ? Sentence.Of($"boarded on {D(r.Date2):yyyy-MM-dd}, the day of a stay ({r.Subject}): if it came before boarding, demand compliance now")
            : Sentence.Of($"boarded despite a stay granted before boarding ({r.Subject}, since {D(r.Date):yyyy-MM-dd}): demand compliance now"),
        ReasonCode.StayAfterBoardingNoEffect => Sentence.Of($"{r.Subject} since {D(r.Date):yyyy-MM-dd} came after boarding on {D(r.Date2):yyyy-MM-dd}: a stay by an immigration judge or the Board granted or communicated after boarding has no effect"),
        ReasonCode.CourtStayAfterBoarding => Sentence.Of($"{r.Subject} since {D(r.Date):yyyy-MM-dd} came after boarding on {D(r.Date2):yyyy-MM-dd}: the rule that voids such stays covers only immigration judges and the Board; a court's order still binds DHS: tell DHS and the court now and ask that the removal be halted or the person returned"),
        ReasonCode.NoOrderInForceYet => Sentence.Of($"no removal order in force on {D(r.Date):yyyy-MM-dd}: the first recorded order is of {D(r.Date2):yyyy-MM-dd}; whether the person could be removed before it (an earlier order, expedited removal) is not recorded"),
        ReasonCode.StayGrantorNotWherePending => Sentence.Of($"a stay recorded as granted on {D(r.Date):yyyy-MM-dd} by {r.Subject}: a judge or the Board can stay removal only in a matter before them; check the order and record who granted it"),
        ReasonCode.NoRemovalOrderRecorded => Sentence.Of($"no removal order recorded: record the order (date, judge or Board, in absentia, appeal waived or reserved)"),
        ReasonCode.BondDecisionNoStay => Sentence.Of($"bond/custody decision of {D(r.Date):yyyy-MM-dd}: no automatic stay of removal"),
        ReasonCode.MotionDenialNoStay => Sentence.Of($"denial of a motion to reopen or reconsider of {D(r.Date):yyyy-MM-dd}: no automatic stay, and an appeal of it stays nothing by itself"),
        ReasonCode.BoardOrderNoAutomaticStay => Sentence.Of($"Board order of {D(r.Date):yyyy-MM-dd} is final: no automatic stay; a petition for review stops nothing without a court stay"),
        ReasonCode.InAbsentiaOrderNoAppealStay => Sentence.Of($"in absentia order of {D(r.Date):yyyy-MM-dd} is final on entry: no appeal period stay; only a motion to rescind it before the judge stays it"),
        ReasonCode.AppealPeriodStay => Sentence.Of($"judge's decision of {D(r.Date):yyyy-MM-dd}: not executed during the appeal period ending {D(r.Date2):yyyy-MM-dd}"),
        ReasonCode.AppealWaived => Sentence.Of($"appeal of the judge's decision of {D(r.Date):yyyy-MM-dd} waived: no automatic stay"),
        ReasonCode.AppealAcceptedDespiteWaiver => Sentence.Of($"appeal recorded as waived, but the Board accepted the appeal filed {D(r.Date):yyyy-MM-dd}: the waiver does not end the automatic stay"),
        ReasonCode.AppealWaiverUnknown => Sentence.Of($"whether appeal of the judge's decision of {D(r.Date):yyyy-MM-dd} was waived or reserved is not recorded"),
        ReasonCode.AppealPeriodExpired => Sentence.Of($"no Board appeal filed by {Due(r.Date2):yyyy-MM-dd}: the automatic stay ended"),
        ReasonCode.BoardAppealPendingStay => Sentence.Of($"Board appeal filed {D(r.Date):yyyy-MM-dd} in time (due {Due(r.Date2):yyyy-MM-dd}) is pending"),
        ReasonCode.BoardAppealLate => Sentence.Of($"Board appeal filed {D(r.Date):yyyy-MM-dd} after its deadline {Due(r.Date2):yyyy-MM-dd}: no automatic stay"),
        ReasonCode.BoardAppealDismissed => Sentence.Of($"Board decided the appeal on {D(r.Date):yyyy-MM-dd}: the automatic stay ended"),
        ReasonCode.BoardAppealWithdrawn => Sentence.Of($"Board appeal withdrawn on {D(r.Date):yyyy-MM-dd}: the judge's decision is final as though no appeal had been taken; no automatic stay from that day (the appeal period would have run to {Due(r.Date2):yyyy-MM-dd})"),
        ReasonCode.OrderSetAside => Sentence.Of($"{r.Subject} granted on {D(r.Date):yyyy-MM-dd}: the removal order is reopened, reversed or vacated"),
        ReasonCode.InAbsentiaMotionPendingStay => Sentence.Of($"motion to reopen the in absentia order filed {D(r.Date):yyyy-MM-dd} is pending before the judge"),
        ReasonCode.InAbsentiaDenialAppealPendingStay => Sentence.Of($"Board appeal (filed {D(r.Date):yyyy-MM-dd}) of the denial of the in absentia motion is pending: the stay continues"),
        ReasonCode.InAbsentiaDenialAppealWindow => Sentence.Of($"in absentia motion denied {D(r.Date):yyyy-MM-dd}: no stay unless a Board appeal is filed, due {D(r.Date2):yyyy-MM-dd}"),
        ReasonCode.InAbsentiaExclusionNoStay => Sentence.Of($"motion to reopen the in absentia exclusion order filed {D(r.Date):yyyy-MM-dd}: no automatic stay in exclusion cases; ask for a stay"),
        ReasonCode.InAbsentiaAppealStayContested => Sentence.Of($"Board appeal (filed {D(r.Date):yyyy-MM-dd}) of the denial of the in absentia motion in removal proceedings: whether the motion's stay continues is contested: ask the Board for a stay"),
        ReasonCode.InAbsentiaStayEnded => Sentence.Of($"in absentia motion stay ended on {D(r.Date):yyyy-MM-dd}"),
        ReasonCode.InAbsentiaMotionLate => Sentence.Of($"motion to reopen the in absentia order for exceptional circumstances filed {D(r.Date):yyyy-MM-dd} after the 180-day limit ({Due(r.Date2):yyyy-MM-dd}): it does not stay removal"),
        ReasonCode.InAbsentiaMotionGroundNoStay => Sentence.Of($"motion to reopen the in absentia order filed {D(r.Date):yyyy-MM-dd} rests on a ground other than exceptional circumstances, lack of notice or custody: it does not stay removal by itself"),
        ReasonCode.MotionGroundMissing => Sentence.Of($"the ground of the motion to reopen the in absentia order filed {D(r.Date):yyyy-MM-dd} is not recorded: record the motion's ground (exceptional circumstances, no notice, in custody, or other); only a motion to rescind the order stays removal"),
        ReasonCode.ProceedingTypeMissing => Sentence.Of($"the in absentia order of {D(r.Date):yyyy-MM-dd} predates 1997-04-01 and its proceeding is not recorded: in deportation proceedings a motion to rescind stays removal, in exclusion proceedings it does not; record the proceeding type (see the order or the record of proceedings)"),
        ReasonCode.MotionDoesNotStay => Sentence.Of($"a pending {r.Subject} does not stay removal by itself"),
        ReasonCode.DenialAppealDoesNotStay => Sentence.Of($"an appeal of the denial of a motion to reopen or reconsider stays nothing by itself"),
        ReasonCode.PetitionDoesNotStay => Sentence.Of($"a petition for review does not stay removal unless the court orders a stay"),
        ReasonCode.StayMotionPending => r.Subject is null
            ? Sentence.Of($"stay motion filed {D(r.Date):yyyy-MM-dd} is pending: no protection until granted")
            : Sentence.Of($"stay motion in the {r.Subject} is pending: no protection until granted"),
        ReasonCode.StayMotionGranted => Sentence.Of($"stay granted on {D(r.Date):yyyy-MM-dd} in the {r.Subject}"),
        ReasonCode.StayMotionDenied => Sentence.Of($"stay denied on {D(r.Date):yyyy-MM-dd} in the {r.Subject}"),
        ReasonCode.StayGrantedTermsMissing => Sentence.Of($"a {r.Subject} was granted on {D(r.Date):yyyy-MM-dd}: record the stay and its terms"),
        ReasonCode.IndividualStayInForce => Sentence.Of($"stay granted by {r.Subject} on {D(r.Date):yyyy-MM-dd}"),
        ReasonCode.IndividualStayExpired => Sentence.Of($"stay granted by {r.Subject} ended on {D(r.Date2):yyyy-MM-dd}"),
        ReasonCode.IndividualStayLifted => Sentence.Of($"stay granted by {r.Subject} lifted on {D(r.Date):yyyy-MM-dd}"),
        ReasonCode.StayMatterMissing => Sentence.Of($"a stay granted by {r.Subject} on {D(r.Date):yyyy-MM-dd} lasts until a matter is decided, but that matter is not recorded"),
        ReasonCode.MatterWithdrawn => Sentence.Of($"the {r.Subject} was withdrawn on {D(r.Date):yyyy-MM-dd}: it keeps no stay alive from then on"),
        ReasonCode.PeriodOutsideCalendar => Sentence.Of($"a period counted from {D(r.Date):yyyy-MM-dd} falls outside the court calendar (1980-2100): check the dates by hand"),
        ReasonCode.WithdrawalDateMissing => Sentence.Of($"the {r.Subject} is marked withdrawn but the withdrawal date is not recorded, and a stay lasted while it was pending: record the date"),
        ReasonCode.FiledDateMissing => Sentence.Of($"filing date of the {r.Subject} is not recorded, and its timeliness decides protection"),
        ReasonCode.DecisionDateMissing => Sentence.Of($"the {r.Subject} is marked decided but the decision date is not recorded"),
        ReasonCode.ClassMembershipEnded => Sentence.Of($"class membership ({r.Subject}) ended on {D(r.Date):yyyy-MM-dd}"),
        ReasonCode.ClassOrderEnded => Sentence.Of($"class order ({r.Subject}) in force only until {D(r.Date):yyyy-MM-dd}"),
        ReasonCode.ClassFilesAwaited => Sentence.Of($"class order ({r.Subject}): the motion period has not started (A-file and record of proceedings not both received)"),
        ReasonCode.ClassMotionWindow => Sentence.Of($"class order ({r.Subject}): motion to reopen due {D(r.Date2):yyyy-MM-dd}"),
        ReasonCode.ClassNoMotionByDeadline => Sentence.Of($"class order ({r.Subject}): no motion to reopen filed by {D(r.Date2):yyyy-MM-dd}: the class stay ended"),
        ReasonCode.ClassMotionLate => Sentence.Of($"class order ({r.Subject}): motion to reopen filed {D(r.Date):yyyy-MM-dd} after {D(r.Date2):yyyy-MM-dd}: the class stay ended"),
        ReasonCode.ClassMotionPending => Sentence.Of($"class order ({r.Subject}): motion to reopen filed {D(r.Date):yyyy-MM-dd} in time is pending"),
        ReasonCode.ClassMotionGranted => Sentence.Of($"class order ({r.Subject}): motion to reopen granted on {D(r.Date):yyyy-MM-dd}"),
        ReasonCode.ClassAppealWindow => Sentence.Of($"class order ({r.Subject}): motion denied {D(r.Date):yyyy-MM-dd}; Board appeal due {D(r.Date2):yyyy-MM-dd}"),
        ReasonCode.ClassNoAppealByDeadline => Sentence.Of($"class order ({r.Subject}): no Board appeal filed by {D(r.Date2):yyyy-MM-dd}: the class stay ended"),
        ReasonCode.ClassAppealLate => Sentence.Of($"class order ({r.Subject}): Board appeal filed {D(r.Date):yyyy-MM-dd} after {D(r.Date2):yyyy-MM-dd}: the class stay ended"),
        ReasonCode.ClassAppealPending => Sentence.Of($"class order ({r.Subject}): Board appeal filed {D(r.Date):yyyy-MM-dd} in time is pending"),
        ReasonCode.ClassPetitionWindow => Sentence.Of($"class order ({r.Subject}): Board decided {D(r.Date):yyyy-MM-dd}; petition for review with stay motion due {D(r.Date2):yyyy-MM-dd}"),
        ReasonCode.ClassNoPetitionByDeadline => Sentence.Of($"class order ({r.Subject}): no petition for review with a stay motion by {D(r.Date2):yyyy-MM-dd}: the class stay ended"),
        ReasonCode.ClassPetitionLate => Sentence.Of($"class order ({r.Subject}): petition for review filed {D(r.Date):yyyy-MM-dd} after {D(r.Date2):yyyy-MM-dd}: the class stay ended"),
        ReasonCode.ClassPetitionWithoutStayMotion => Sentence.Of($"class order ({r.Subject}): petition for review filed without a stay motion by {D(r.Date2):yyyy-MM-dd}: the class stay ended"),
        ReasonCode.ClassStayMotionLate => Sentence.Of($"class order ({r.Subject}): stay motion filed {D(r.Date):yyyy-MM-dd} after {D(r.Date2):yyyy-MM-dd}: the class stay ended"),
        ReasonCode.ClassStayMotionPending => Sentence.Of($"class order ({r.Subject}): stay motion filed {D(r.Date):yyyy-MM-dd} with a timely petition awaits the court of appeals"),
        ReasonCode.ClassStayGranted => Sentence.Of($"class order ({r.Subject}): the court of appeals granted a stay on {D(r.Date):yyyy-MM-dd}; its stay replaces the class stay"),
        ReasonCode.ClassStayDenied => Sentence.Of($"class order ({r.Subject}): the court of appeals denied the stay on {D(r.Date):yyyy-MM-dd}: the class stay ended"),
        ReasonCode.ClassPetitionDecided => Sentence.Of($"class order ({r.Subject}): the petition for review was decided on {D(r.Date):yyyy-MM-dd}: the class stay ended"),
        ReasonCode.ClassStageNotCovered => Sentence.Of($"class order ({r.Subject}): its terms do not cover this stage (from {D(r.Date):yyyy-MM-dd})"),
        _ => Sentence.Verbatim(r.Code.ToString()),
    };
}
