using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using static Stayline.Domain.Tests.Protection.Facts;
using static Stayline.Domain.Tests.Protection.TestCourtCalendar;

namespace Stayline.Domain.Tests.Protection;

/// <summary>
/// One class member followed step by step. Dates worked by hand (federal calendar: weekends, observed holidays, executive-order closures):
/// - A-file 2017-08-14, ROP 2017-09-25 (the later): +90 = Sun 2017-12-24; Mon 12-25 Christmas; due Tue 2017-12-26.
/// - Motion denied Fri 2018-01-19: +30 = Sun 2018-02-18; Mon 02-19 Washington's Birthday; Board appeal due Tue 2018-02-20.
/// - Board dismissed Fri 2018-06-29: +30 = Sun 2018-07-29; petition for review due Mon 2018-07-30.
/// The Hamama-like terms cover both 30-day windows (ThroughBoardAppealPeriod, ThroughPetitionPeriod).
/// </summary>
public class HamamaScenarioTests
{
    private const int Order = 1, Motion = 10, Appeal = 11, Petition = 12;

    private static ProtectionFacts Stage(string stage) => stage switch
    {
        "arrested" => APerson().WithOrder(Order, "1998-03-12").On(PersonEventKind.Arrested, "2017-06-11"),
        "class-order" => Stage("arrested").InClass(Hamama),
        "afile-only" => Stage("class-order").On(PersonEventKind.AFileReceived, "2017-08-14"),
        "files" => Stage("afile-only").On(PersonEventKind.RecordOfProceedingsReceived, "2017-09-25"),
        "mtr-filed" => Stage("files").With(Filed(Motion, MatterKind.MotionToReopenIj, "2017-11-06").AgainstOrder(Order)),
        "mtr-late" => Stage("files").With(Filed(Motion, MatterKind.MotionToReopenIj, "2017-12-27").AgainstOrder(Order)),
        "mtr-denied" => Stage("mtr-filed").Update(Motion, m => m.Denied("2018-01-19")),
        "appeal-late" => Stage("mtr-denied").With(Filed(Appeal, MatterKind.BiaAppeal, "2018-02-21").Against(Motion)),
        "appeal-filed" => Stage("mtr-denied").With(Filed(Appeal, MatterKind.BiaAppeal, "2018-02-16").Against(Motion)),
        "appeal-dismissed" => Stage("appeal-filed").Update(Appeal, m => m.Denied("2018-06-29")),
        "pfr-stay" => Stage("appeal-dismissed").With(Filed(Petition, MatterKind.PetitionForReview, "2018-07-20").Against(Appeal).WithStayMotion()),
        "stay-denied" => Stage("pfr-stay").Update(Petition, m => m.WithStayMotion(StayMotionOutcome.Denied, "2018-08-15")),
        "stay-granted" => Stage("pfr-stay").Update(Petition, m => m.WithStayMotion(StayMotionOutcome.Granted, "2018-08-15")),
        "pfr-no-stay" => Stage("appeal-dismissed").With(Filed(Petition, MatterKind.PetitionForReview, "2018-07-20").Against(Appeal)),
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    [Theory]
    // Arrested on an old order whose appeal period ended in 1998: nothing protects.
    [InlineData("arrested", "2017-06-12", ProtectionState.NotProtected, null, null, UntilEvent.None, ReasonCode.AppealPeriodExpired)]
    // Class order: protected until the motion period has run, which starts only once both files arrive.
    [InlineData("class-order", "2017-07-24", ProtectionState.Protected, ProtectionSource.ClassOrderStay, null, UntilEvent.FilesReceived, ReasonCode.ClassFilesAwaited)]
    [InlineData("class-order", "2017-07-23", ProtectionState.NotProtected, null, null, UntilEvent.None, ReasonCode.AppealPeriodExpired)]
    [InlineData("afile-only", "2017-09-01", ProtectionState.Protected, ProtectionSource.ClassOrderStay, null, UntilEvent.FilesReceived, ReasonCode.ClassFilesAwaited)]
    [InlineData("files", "2017-09-25", ProtectionState.Protected, ProtectionSource.ClassOrderStay, "2017-12-26", UntilEvent.None, ReasonCode.ClassMotionWindow)]
    [InlineData("files", "2017-12-26", ProtectionState.Protected, ProtectionSource.ClassOrderStay, "2017-12-26", UntilEvent.None, ReasonCode.ClassMotionWindow)]
    // Branch: no motion by the class deadline: not protected the day after.
    [InlineData("files", "2017-12-27", ProtectionState.NotProtected, null, null, UntilEvent.None, ReasonCode.ClassNoMotionByDeadline)]
    [InlineData("mtr-late", "2017-12-27", ProtectionState.NotProtected, null, null, UntilEvent.None, ReasonCode.ClassMotionLate)]
    // Motion filed in time: protected while it is pending, however long that takes.
    [InlineData("mtr-filed", "2017-11-06", ProtectionState.Protected, ProtectionSource.ClassOrderStay, null, UntilEvent.JudgeDecidesMotion, ReasonCode.ClassMotionPending)]
    [InlineData("mtr-filed", "2018-03-01", ProtectionState.Protected, ProtectionSource.ClassOrderStay, null, UntilEvent.JudgeDecidesMotion, ReasonCode.ClassMotionPending)]
    // Motion denied: protected through the Board appeal period only.
    [InlineData("mtr-denied", "2018-01-19", ProtectionState.Protected, ProtectionSource.ClassOrderStay, "2018-02-20", UntilEvent.None, ReasonCode.ClassAppealWindow)]
    [InlineData("mtr-denied", "2018-02-20", ProtectionState.Protected, ProtectionSource.ClassOrderStay, "2018-02-20", UntilEvent.None, ReasonCode.ClassAppealWindow)]
    [InlineData("mtr-denied", "2018-02-21", ProtectionState.NotProtected, null, null, UntilEvent.None, ReasonCode.ClassNoAppealByDeadline)]
    // Branch: Board appeal filed a day late.
    [InlineData("appeal-late", "2018-02-21", ProtectionState.NotProtected, null, null, UntilEvent.None, ReasonCode.ClassAppealLate)]
    // Board appeal in time: protected while pending.
    [InlineData("appeal-filed", "2018-02-16", ProtectionState.Protected, ProtectionSource.ClassOrderStay, null, UntilEvent.BoardDecidesAppeal, ReasonCode.ClassAppealPending)]
    [InlineData("appeal-filed", "2018-05-01", ProtectionState.Protected, ProtectionSource.ClassOrderStay, null, UntilEvent.BoardDecidesAppeal, ReasonCode.ClassAppealPending)]
    // Appeal dismissed: the Hamama-like terms keep the stay through the petition period.
    [InlineData("appeal-dismissed", "2018-06-29", ProtectionState.Protected, ProtectionSource.ClassOrderStay, "2018-07-30", UntilEvent.None, ReasonCode.ClassPetitionWindow)]
    [InlineData("appeal-dismissed", "2018-07-31", ProtectionState.NotProtected, null, null, UntilEvent.None, ReasonCode.ClassNoPetitionByDeadline)]
    // Petition with a stay motion: protected until the court of appeals decides the stay motion.
    [InlineData("pfr-stay", "2018-07-20", ProtectionState.Protected, ProtectionSource.ClassOrderStay, null, UntilEvent.CourtDecidesStayMotion, ReasonCode.ClassStayMotionPending)]
    [InlineData("pfr-stay", "2018-09-10", ProtectionState.Protected, ProtectionSource.ClassOrderStay, null, UntilEvent.CourtDecidesStayMotion, ReasonCode.ClassStayMotionPending)]
    [InlineData("stay-denied", "2018-08-14", ProtectionState.Protected, ProtectionSource.ClassOrderStay, null, UntilEvent.CourtDecidesStayMotion, ReasonCode.ClassStayMotionPending)]
    [InlineData("stay-denied", "2018-08-15", ProtectionState.NotProtected, null, null, UntilEvent.None, ReasonCode.ClassStayDenied)]
    [InlineData("stay-granted", "2018-08-15", ProtectionState.Protected, ProtectionSource.IndividualStay, null, UntilEvent.CourtDecidesPetition, ReasonCode.ClassStayGranted)]
    // A petition without a stay motion keeps nothing alive once the petition period has run.
    [InlineData("pfr-no-stay", "2018-07-25", ProtectionState.Protected, ProtectionSource.ClassOrderStay, "2018-07-30", UntilEvent.None, ReasonCode.PetitionDoesNotStay)]
    [InlineData("pfr-no-stay", "2018-07-31", ProtectionState.NotProtected, null, null, UntilEvent.None, ReasonCode.ClassPetitionWithoutStayMotion)]
    // The complete record read as of earlier days gives the answers of those days.
    [InlineData("stay-denied", "2017-09-25", ProtectionState.Protected, ProtectionSource.ClassOrderStay, "2017-12-26", UntilEvent.None, ReasonCode.ClassMotionWindow)]
    [InlineData("stay-denied", "2017-12-27", ProtectionState.Protected, ProtectionSource.ClassOrderStay, null, UntilEvent.JudgeDecidesMotion, ReasonCode.ClassMotionPending)]
    [InlineData("stay-denied", "2018-01-25", ProtectionState.Protected, ProtectionSource.ClassOrderStay, "2018-02-20", UntilEvent.None, ReasonCode.ClassAppealWindow)]
    public void Evaluate_ClassMemberStep_GivesHandWorkedStatus(
        string stage, string asOf, ProtectionState state, ProtectionSource? source, string? lastDay, UntilEvent until, ReasonCode reason)
    {
        var status = Stage(stage).At(asOf);

        Assert.Equal(state, status.State);
        Assert.Equal(source, status.Primary?.Source);
        Assert.Equal(lastDay is null ? null : D(lastDay), status.Primary?.LastDay);
        Assert.Equal(until, status.Primary?.Until ?? UntilEvent.None);
        Assert.True(status.Has(reason), string.Join(" | ", status.Reasons));
    }

    [Theory]
    [InlineData("class-order", "2017-07-24", ClassDeadlineStep.MotionToReopen, null)]
    [InlineData("files", "2017-09-25", ClassDeadlineStep.MotionToReopen, "2017-12-26")]
    [InlineData("mtr-denied", "2018-01-25", ClassDeadlineStep.BoardAppeal, "2018-02-20")]
    [InlineData("appeal-dismissed", "2018-07-02", ClassDeadlineStep.PetitionForReviewWithStayMotion, "2018-07-30")]
    public void Evaluate_ClassMember_ExposesNextDeadline(string stage, string asOf, ClassDeadlineStep step, string? due)
    {
        var deadline = Stage(stage).At(asOf).NextDeadline;

        Assert.NotNull(deadline);
        Assert.Equal(step, deadline.Value.Step);
        Assert.Equal(due is null ? null : D(due), deadline.Value.Due);
    }

    [Fact]
    public void NextDeadline_AfterFilesReceived_ExplainsRuleAndOrder()
    {
        var text = Stage("files").At("2017-09-25").NextDeadline!.Value.Describe();

        Assert.Equal(
            "motion to reopen due 2017-12-26 (90 days after A-file and ROP received, moved to the next court day if needed; class order in Hamama v. Adducci)",
            text);
    }

    [Theory]
    [InlineData("mtr-filed", "2017-11-06")]
    [InlineData("appeal-filed", "2018-02-16")]
    [InlineData("pfr-stay", "2018-07-20")]
    public void Evaluate_PendingStepBeyondFiling_HasNoNextDeadline(string stage, string asOf) =>
        Assert.Null(Stage(stage).At(asOf).NextDeadline);

    [Theory]
    [InlineData("2017-12-18", false)] // 8 days before the last protected day
    [InlineData("2017-12-19", true)]  // 7 days
    [InlineData("2017-12-26", true)]
    public void EndsWithin7Days_ClassMotionWindow_CountsFromAsOf(string asOf, bool expected) =>
        Assert.Equal(expected, Stage("files").At(asOf).EndsWithin7Days);

    [Fact]
    public void EndsWithin7Days_OpenEndedProtection_IsFalse() =>
        Assert.False(Stage("mtr-filed").At("2017-11-06").EndsWithin7Days);

    [Fact]
    public void Evaluate_MotionPending_ChainCitesClassOrderAndSaysMotionAloneStaysNothing()
    {
        var status = Stage("mtr-filed").At("2017-11-07");

        Assert.Contains(status.Reasons, r => r.Code == ReasonCode.ClassMotionPending && r.Citation == Hamama.Citation);
        Assert.Contains(status.Reasons, r => r.Code == ReasonCode.MotionDoesNotStay && r.Citation.Contains("1003.23(b)(1)(v)", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_BoardAppealOfDenial_SaysItStaysNothingByItself()
    {
        var status = Stage("appeal-filed").At("2018-03-01");

        Assert.Contains(status.Reasons, r => r.Code == ReasonCode.DenialAppealDoesNotStay && r.Citation == "8 CFR 1003.6(b)");
    }

    [Theory]
    [InlineData("appeal-dismissed", "2018-06-29")]
    [InlineData("pfr-stay", "2018-09-10")]
    [InlineData("stay-denied", "2018-08-15")]
    public void Evaluate_LinksLeftOut_InfersTheSameChain(string stage, string asOf)
    {
        var explicitLinks = Stage(stage);
        var inferred = explicitLinks with
        {
            Matters = [.. explicitLinks.Matters.Select(m => m with { ChallengesMatter = null, ChallengesOrder = null })],
        };

        var a = explicitLinks.At(asOf);
        var b = inferred.At(asOf);

        Assert.Equal(a.State, b.State);
        Assert.Equal(a.Primary, b.Primary);
    }

    [Fact]
    public void Evaluate_TermsWithoutPetitionPeriod_EndStayWhenBoardDismisses()
    {
        var narrow = Hamama with { Terms = ClassStayTerms.HamamaLike with { ThroughPetitionPeriod = false } };
        var facts = Stage("appeal-dismissed") with { Classes = [new(narrow)] };

        var status = facts.At("2018-06-29");

        Assert.Equal(ProtectionState.NotProtected, status.State);
        Assert.True(status.Has(ReasonCode.ClassStageNotCovered));
        Assert.Equal(D("2018-07-30"), status.NextDeadline?.Due);
    }

    [Fact]
    public void Evaluate_OrderWithLastDayInForce_EndsClassStayAfterIt()
    {
        var vacated = Hamama with { LastDayInForce = D("2018-04-03") };
        var facts = Stage("appeal-filed") with { Classes = [new(vacated)] };

        Assert.Equal(ProtectionState.Protected, facts.At("2018-04-03").State);
        var after = facts.At("2018-04-04");
        Assert.Equal(ProtectionState.NotProtected, after.State);
        Assert.True(after.Has(ReasonCode.ClassOrderEnded));
    }

    [Fact]
    public void Evaluate_MotionGranted_NoOrderToExecute()
    {
        var status = Stage("mtr-filed").Update(Motion, m => m.Granted("2018-01-19")).At("2018-01-22");

        Assert.Equal(ProtectionState.Protected, status.State);
        Assert.Equal(ProtectionSource.OrderSetAside, status.Primary?.Source);
        Assert.Equal(UntilEvent.NewDecision, status.Primary?.Until);
    }
}
