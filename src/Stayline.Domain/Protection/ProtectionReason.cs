using System.Globalization;
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
    ReasonCode Code, string Citation, DateOnly? Date = null, DateOnly? Date2 = null, string? Subject = null)
{
    /// <summary>A fact whose absence keeps the answer at Unknown.</summary>
    public bool IsMissingFact => Code is ReasonCode.NoRemovalOrderRecorded or ReasonCode.NoOrderInForceYet or ReasonCode.StayGrantorNotWherePending or ReasonCode.AppealWaiverUnknown
        or ReasonCode.FiledDateMissing or ReasonCode.DecisionDateMissing or ReasonCode.StayGrantedTermsMissing
        or ReasonCode.StayMatterMissing or ReasonCode.MotionGroundMissing or ReasonCode.ProceedingTypeMissing or ReasonCode.WithdrawalDateMissing
        or ReasonCode.PeriodOutsideCalendar
        or ReasonCode.InAbsentiaAppealStayContested;

    public string Text => ProtectionText.Reason(this);

    public override string ToString() => Text + " (" + Citation + ")";
}

/// <summary>Citations and plain-language text. Kept apart so evaluation allocates no strings.</summary>
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

    private static string D(DateOnly? day) => day is { } d ? Day(d) : "(date not recorded)";

    /// <summary>A last day; null: a period the court calendar (1980-2100) cannot count, long over.</summary>
    private static string Due(DateOnly? day) => day is { } d ? Day(d) : "(a day before the court calendar begins in 1980)";

    public static string Kind(MatterKind kind) => kind switch
    {
        MatterKind.MotionToReopenIj => "motion to reopen (judge)",
        MatterKind.MotionToReopenBia => "motion to reopen (Board)",
        MatterKind.MotionToReconsiderIj => "motion to reconsider (judge)",
        MatterKind.MotionToReconsiderBia => "motion to reconsider (Board)",
        MatterKind.StayMotion => "stay motion",
        MatterKind.BiaAppeal => "Board appeal",
        MatterKind.PetitionForReview => "petition for review",
        MatterKind.HabeasPetition => "habeas petition",
        MatterKind.BondHearing => "bond hearing",
        _ => "FOIA request",
    };

    public static string Grantor(Adjudicator by) => by switch
    {
        Adjudicator.ImmigrationJudge => "the immigration judge",
        Adjudicator.Board => "the Board",
        Adjudicator.DistrictCourt => "the district court",
        Adjudicator.CourtOfAppeals => "the court of appeals",
        _ => "DHS",
    };

    public static string Event(UntilEvent until) => until switch
    {
        UntilEvent.FilesReceived => "the A-file and the record of proceedings are received and the motion period runs out",
        UntilEvent.JudgeDecidesMotion => "the immigration judge decides the motion to reopen",
        UntilEvent.BoardDecidesMotion => "the Board decides the motion to reopen",
        UntilEvent.BoardDecidesAppeal => "the Board decides the appeal",
        UntilEvent.CourtDecidesStayMotion => "the court of appeals decides the stay motion",
        UntilEvent.CourtDecidesPetition => "the court of appeals decides the petition for review",
        UntilEvent.MatterDecided => "the matter is decided",
        UntilEvent.StayLifted => "the stay is lifted",
        UntilEvent.NewDecision => "a new decision is made in the reopened or remanded case",
        _ => "(no event)",
    };

    public static string Source(ProtectionSource source, string? subject) => source switch
    {
        ProtectionSource.AppealPeriodStay => "automatic stay during the Board appeal period",
        ProtectionSource.BoardAppealStay => "automatic stay while the Board appeal is pending",
        ProtectionSource.InAbsentiaMotionStay => "automatic stay of the in absentia order while the motion to reopen is pending",
        ProtectionSource.IndividualStay => "stay granted by " + (subject ?? "an adjudicator"),
        ProtectionSource.ClassOrderStay => "class-order stay (" + subject + ")",
        _ => "no order to execute (" + subject + " granted)",
    };

    public static string Reason(in ProtectionReason r) => r.Code switch
    {
        ReasonCode.Removed => $"removed on {D(r.Date)}",
        ReasonCode.BoardedForRemoval => $"boarded for removal on {D(r.Date)}: a stay by an immigration judge or the Board granted or communicated after boarding has no effect (a court's stay is not affected)",
        ReasonCode.StaysIgnoredAfterBoarding => r.Date == r.Date2
            ? $"boarded on {D(r.Date2)}, the day of a stay ({r.Subject}): if it came before boarding, demand compliance now"
            : $"boarded despite a stay granted before boarding ({r.Subject}, since {D(r.Date)}): demand compliance now",
        ReasonCode.StayAfterBoardingNoEffect => $"{r.Subject} since {D(r.Date)} came after boarding on {D(r.Date2)}: a stay by an immigration judge or the Board granted or communicated after boarding has no effect",
        ReasonCode.CourtStayAfterBoarding => $"{r.Subject} since {D(r.Date)} came after boarding on {D(r.Date2)}: the rule that voids such stays covers only immigration judges and the Board; a court's order still binds DHS: tell DHS and the court now and ask that the removal be halted or the person returned",
        ReasonCode.NoOrderInForceYet => $"no removal order in force on {D(r.Date)}: the first recorded order is of {D(r.Date2)}; whether the person could be removed before it (an earlier order, expedited removal) is not recorded",
        ReasonCode.StayGrantorNotWherePending => $"a stay recorded as granted on {D(r.Date)} by {r.Subject}: a judge or the Board can stay removal only in a matter before them; check the order and record who granted it",
        ReasonCode.NoRemovalOrderRecorded => "no removal order recorded: record the order (date, judge or Board, in absentia, appeal waived or reserved)",
        ReasonCode.BondDecisionNoStay => $"bond/custody decision of {D(r.Date)}: no automatic stay of removal",
        ReasonCode.MotionDenialNoStay => $"denial of a motion to reopen or reconsider of {D(r.Date)}: no automatic stay, and an appeal of it stays nothing by itself",
        ReasonCode.BoardOrderNoAutomaticStay => $"Board order of {D(r.Date)} is final: no automatic stay; a petition for review stops nothing without a court stay",
        ReasonCode.InAbsentiaOrderNoAppealStay => $"in absentia order of {D(r.Date)} is final on entry: no appeal period stay; only a motion to rescind it before the judge stays it",
        ReasonCode.AppealPeriodStay => $"judge's decision of {D(r.Date)}: not executed during the appeal period ending {D(r.Date2)}",
        ReasonCode.AppealWaived => $"appeal of the judge's decision of {D(r.Date)} waived: no automatic stay",
        ReasonCode.AppealAcceptedDespiteWaiver => $"appeal recorded as waived, but the Board accepted the appeal filed {D(r.Date)}: the waiver does not end the automatic stay",
        ReasonCode.AppealWaiverUnknown => $"whether appeal of the judge's decision of {D(r.Date)} was waived or reserved is not recorded",
        ReasonCode.AppealPeriodExpired => $"no Board appeal filed by {Due(r.Date2)}: the automatic stay ended",
        ReasonCode.BoardAppealPendingStay => $"Board appeal filed {D(r.Date)} in time (due {Due(r.Date2)}) is pending",
        ReasonCode.BoardAppealLate => $"Board appeal filed {D(r.Date)} after its deadline {Due(r.Date2)}: no automatic stay",
        ReasonCode.BoardAppealDismissed => $"Board decided the appeal on {D(r.Date)}: the automatic stay ended",
        ReasonCode.BoardAppealWithdrawn => $"Board appeal withdrawn on {D(r.Date)}: the judge's decision is final as though no appeal had been taken; no automatic stay from that day (the appeal period would have run to {Due(r.Date2)})",
        ReasonCode.OrderSetAside => $"{r.Subject} granted on {D(r.Date)}: the removal order is reopened, reversed or vacated",
        ReasonCode.InAbsentiaMotionPendingStay => $"motion to reopen the in absentia order filed {D(r.Date)} is pending before the judge",
        ReasonCode.InAbsentiaDenialAppealPendingStay => $"Board appeal (filed {D(r.Date)}) of the denial of the in absentia motion is pending: the stay continues",
        ReasonCode.InAbsentiaDenialAppealWindow => $"in absentia motion denied {D(r.Date)}: no stay unless a Board appeal is filed, due {D(r.Date2)}",
        ReasonCode.InAbsentiaExclusionNoStay => $"motion to reopen the in absentia exclusion order filed {D(r.Date)}: no automatic stay in exclusion cases; ask for a stay",
        ReasonCode.InAbsentiaAppealStayContested => $"Board appeal (filed {D(r.Date)}) of the denial of the in absentia motion in removal proceedings: whether the motion's stay continues is contested: ask the Board for a stay",
        ReasonCode.InAbsentiaStayEnded => $"in absentia motion stay ended on {D(r.Date)}",
        ReasonCode.InAbsentiaMotionLate => $"motion to reopen the in absentia order for exceptional circumstances filed {D(r.Date)} after the 180-day limit ({Due(r.Date2)}): it does not stay removal",
        ReasonCode.InAbsentiaMotionGroundNoStay => $"motion to reopen the in absentia order filed {D(r.Date)} rests on a ground other than exceptional circumstances, lack of notice or custody: it does not stay removal by itself",
        ReasonCode.MotionGroundMissing => $"the ground of the motion to reopen the in absentia order filed {D(r.Date)} is not recorded: record the motion's ground (exceptional circumstances, no notice, in custody, or other); only a motion to rescind the order stays removal",
        ReasonCode.ProceedingTypeMissing => $"the in absentia order of {D(r.Date)} predates 1997-04-01 and its proceeding is not recorded: in deportation proceedings a motion to rescind stays removal, in exclusion proceedings it does not; record the proceeding type (see the order or the record of proceedings)",
        ReasonCode.MotionDoesNotStay => $"a pending {r.Subject} does not stay removal by itself",
        ReasonCode.DenialAppealDoesNotStay => "an appeal of the denial of a motion to reopen or reconsider stays nothing by itself",
        ReasonCode.PetitionDoesNotStay => "a petition for review does not stay removal unless the court orders a stay",
        ReasonCode.StayMotionPending => $"stay motion in the {r.Subject} is pending: no protection until granted",
        ReasonCode.StayMotionGranted => $"stay granted on {D(r.Date)} in the {r.Subject}",
        ReasonCode.StayMotionDenied => $"stay denied on {D(r.Date)} in the {r.Subject}",
        ReasonCode.StayGrantedTermsMissing => $"a {r.Subject} was granted on {D(r.Date)}: record the stay and its terms",
        ReasonCode.IndividualStayInForce => $"stay granted by {r.Subject} on {D(r.Date)}",
        ReasonCode.IndividualStayExpired => $"stay granted by {r.Subject} ended on {D(r.Date2)}",
        ReasonCode.IndividualStayLifted => $"stay granted by {r.Subject} lifted on {D(r.Date)}",
        ReasonCode.StayMatterMissing => $"a stay granted by {r.Subject} on {D(r.Date)} lasts until a matter is decided, but that matter is not recorded",
        ReasonCode.MatterWithdrawn => $"the {r.Subject} was withdrawn on {D(r.Date)}: it keeps no stay alive from then on",
        ReasonCode.PeriodOutsideCalendar => $"a period counted from {D(r.Date)} falls outside the court calendar (1980-2100): check the dates by hand",
        ReasonCode.WithdrawalDateMissing => $"the {r.Subject} is marked withdrawn but the withdrawal date is not recorded, and a stay lasted while it was pending: record the date",
        ReasonCode.FiledDateMissing => $"filing date of the {r.Subject} is not recorded, and its timeliness decides protection",
        ReasonCode.DecisionDateMissing => $"the {r.Subject} is marked decided but the decision date is not recorded",
        ReasonCode.ClassMembershipEnded => $"class membership ({r.Subject}) ended on {D(r.Date)}",
        ReasonCode.ClassOrderEnded => $"class order ({r.Subject}) in force only until {D(r.Date)}",
        ReasonCode.ClassFilesAwaited => $"class order ({r.Subject}): the motion period has not started (A-file and record of proceedings not both received)",
        ReasonCode.ClassMotionWindow => $"class order ({r.Subject}): motion to reopen due {D(r.Date2)}",
        ReasonCode.ClassNoMotionByDeadline => $"class order ({r.Subject}): no motion to reopen filed by {D(r.Date2)}: the class stay ended",
        ReasonCode.ClassMotionLate => $"class order ({r.Subject}): motion to reopen filed {D(r.Date)} after {D(r.Date2)}: the class stay ended",
        ReasonCode.ClassMotionPending => $"class order ({r.Subject}): motion to reopen filed {D(r.Date)} in time is pending",
        ReasonCode.ClassMotionGranted => $"class order ({r.Subject}): motion to reopen granted on {D(r.Date)}",
        ReasonCode.ClassAppealWindow => $"class order ({r.Subject}): motion denied {D(r.Date)}; Board appeal due {D(r.Date2)}",
        ReasonCode.ClassNoAppealByDeadline => $"class order ({r.Subject}): no Board appeal filed by {D(r.Date2)}: the class stay ended",
        ReasonCode.ClassAppealLate => $"class order ({r.Subject}): Board appeal filed {D(r.Date)} after {D(r.Date2)}: the class stay ended",
        ReasonCode.ClassAppealPending => $"class order ({r.Subject}): Board appeal filed {D(r.Date)} in time is pending",
        ReasonCode.ClassPetitionWindow => $"class order ({r.Subject}): Board decided {D(r.Date)}; petition for review with stay motion due {D(r.Date2)}",
        ReasonCode.ClassNoPetitionByDeadline => $"class order ({r.Subject}): no petition for review with a stay motion by {D(r.Date2)}: the class stay ended",
        ReasonCode.ClassPetitionLate => $"class order ({r.Subject}): petition for review filed {D(r.Date)} after {D(r.Date2)}: the class stay ended",
        ReasonCode.ClassPetitionWithoutStayMotion => $"class order ({r.Subject}): petition for review filed without a stay motion by {D(r.Date2)}: the class stay ended",
        ReasonCode.ClassStayMotionLate => $"class order ({r.Subject}): stay motion filed {D(r.Date)} after {D(r.Date2)}: the class stay ended",
        ReasonCode.ClassStayMotionPending => $"class order ({r.Subject}): stay motion filed {D(r.Date)} with a timely petition awaits the court of appeals",
        ReasonCode.ClassStayGranted => $"class order ({r.Subject}): the court of appeals granted a stay on {D(r.Date)}; its stay replaces the class stay",
        ReasonCode.ClassStayDenied => $"class order ({r.Subject}): the court of appeals denied the stay on {D(r.Date)}: the class stay ended",
        ReasonCode.ClassPetitionDecided => $"class order ({r.Subject}): the petition for review was decided on {D(r.Date)}: the class stay ended",
        ReasonCode.ClassStageNotCovered => $"class order ({r.Subject}): its terms do not cover this stage (from {D(r.Date)})",
        _ => r.Code.ToString(),
    };
}
