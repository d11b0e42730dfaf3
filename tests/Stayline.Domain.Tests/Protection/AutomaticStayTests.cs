using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using static Stayline.Domain.Tests.Protection.Facts;
using static Stayline.Domain.Tests.Protection.TestCourtCalendar;

namespace Stayline.Domain.Tests.Protection;

/// <summary>
/// 8 CFR 1003.6 and the in absentia stay. Hand-worked dates (federal calendar):
/// - judge's decision Fri 2019-08-02: +30 = Sun 2019-09-01; Mon 09-02 Labor Day; appeal due Tue 2019-09-03.
/// - in absentia motion denied Fri 2019-09-20: +30 = Sun 2019-10-20; appeal due Mon 2019-10-21.
/// </summary>
public class AutomaticStayTests
{
    private const int Order = 1;

    private static ProtectionFacts JudgeDecision(AppealRight appeal = AppealRight.Reserved) =>
        APerson().WithOrder(Order, "2019-08-02", appeal: appeal);

    [Theory]
    [InlineData("2019-08-02", ProtectionState.Protected)]
    [InlineData("2019-09-03", ProtectionState.Protected)]
    [InlineData("2019-09-04", ProtectionState.NotProtected)]
    public void Evaluate_MeritsDecisionAppealReserved_ProtectedThroughAdjustedDay30(string asOf, ProtectionState state)
    {
        var status = JudgeDecision().At(asOf);

        Assert.Equal(state, status.State);
        if (state == ProtectionState.Protected)
        {
            Assert.Equal(ProtectionSource.AppealPeriodStay, status.Primary?.Source);
            Assert.Equal(D("2019-09-03"), status.Primary?.LastDay);
        }
        else
        {
            Assert.True(status.Has(ReasonCode.AppealPeriodExpired));
        }
    }

    [Theory]
    [InlineData("2019-08-26", false)]
    [InlineData("2019-08-27", true)]
    public void EndsWithin7Days_AppealPeriod_CountsToLastDay(string asOf, bool expected) =>
        Assert.Equal(expected, JudgeDecision().At(asOf).EndsWithin7Days);

    [Fact]
    public void Evaluate_AppealWaived_NotProtected()
    {
        var status = JudgeDecision(AppealRight.Waived).At("2019-08-05");

        Assert.Equal(ProtectionState.NotProtected, status.State);
        Assert.True(status.Has(ReasonCode.AppealWaived));
    }

    [Theory]
    [InlineData("2019-08-05", ProtectionState.Unknown)]
    [InlineData("2019-09-04", ProtectionState.NotProtected)]
    public void Evaluate_AppealWaiverNotRecorded_UnknownOnlyWhileItMatters(string asOf, ProtectionState state)
    {
        var status = JudgeDecision(AppealRight.Unknown).At(asOf);

        Assert.Equal(state, status.State);
        Assert.Equal(state == ProtectionState.Unknown, status.Lacks(ReasonCode.AppealWaiverUnknown));
    }

    [Fact]
    public void Evaluate_TimelyBoardAppealPending_ProtectedUntilBoardDecides()
    {
        var facts = JudgeDecision().With(Filed(10, MatterKind.BiaAppeal, "2019-08-30"));

        var during = facts.At("2019-08-30");
        Assert.Equal(ProtectionSource.BoardAppealStay, during.Primary?.Source);
        Assert.Equal(2, during.All.Length);

        var later = facts.At("2019-12-02");
        Assert.Equal(ProtectionState.Protected, later.State);
        Assert.Equal(UntilEvent.BoardDecidesAppeal, later.Primary?.Until);
        Assert.Equal("automatic stay while the Board appeal is pending until the Board decides the appeal", later.Primary?.Describe());
    }

    [Theory]
    [InlineData(null, ProtectionState.NotProtected)]
    [InlineData(true, ProtectionState.Protected)]
    public void Evaluate_BoardAppealFiledAfterDay30_OnlyProtectedIfAcceptedAsTimely(bool? filedInTime, ProtectionState state)
    {
        var facts = JudgeDecision().With(Filed(10, MatterKind.BiaAppeal, "2019-09-04") with { FiledInTime = filedInTime });

        var status = facts.At("2019-09-05");

        Assert.Equal(state, status.State);
        Assert.Equal(state == ProtectionState.NotProtected, status.Has(ReasonCode.BoardAppealLate));
    }

    [Fact]
    public void Evaluate_BoardDismissedAndPetitionWithoutStay_NotProtected()
    {
        var facts = JudgeDecision()
            .With(Filed(10, MatterKind.BiaAppeal, "2019-08-30").Denied("2020-01-10"))
            .With(Filed(11, MatterKind.PetitionForReview, "2020-01-21"));

        var status = facts.At("2020-01-22");

        Assert.Equal(ProtectionState.NotProtected, status.State);
        Assert.True(status.Has(ReasonCode.BoardAppealDismissed));
        Assert.Contains(status.Reasons, r => r.Code == ReasonCode.PetitionDoesNotStay && r.Citation.Contains("Nken v. Holder, 556 U.S. 418 (2009)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(StayMotionOutcome.Pending, null, ProtectionState.NotProtected)]
    [InlineData(StayMotionOutcome.Granted, "2020-02-03", ProtectionState.Protected)]
    [InlineData(StayMotionOutcome.Denied, "2020-02-03", ProtectionState.NotProtected)]
    [InlineData(StayMotionOutcome.Granted, "2020-02-05", ProtectionState.NotProtected)] // granted after the day asked about
    public void Evaluate_PetitionWithStayMotion_ProtectedOnlyOnceGranted(StayMotionOutcome outcome, string? decidedOn, ProtectionState state)
    {
        var facts = JudgeDecision()
            .With(Filed(10, MatterKind.BiaAppeal, "2019-08-30").Denied("2020-01-10"))
            .With(Filed(11, MatterKind.PetitionForReview, "2020-01-21").WithStayMotion(outcome, decidedOn));

        var status = facts.At("2020-02-04");

        Assert.Equal(state, status.State);
        if (state == ProtectionState.Protected)
        {
            Assert.Equal(ProtectionSource.IndividualStay, status.Primary?.Source);
            Assert.Equal(UntilEvent.CourtDecidesPetition, status.Primary?.Until);
            Assert.Equal("the court of appeals", status.Primary?.Subject?.ToString());
        }
    }

    [Fact]
    public void Evaluate_BondDecision_NoAutomaticStay()
    {
        var facts = APerson()
            .WithOrder(1, "2016-05-10", Adjudicator.Board)
            .WithOrder(2, "2019-08-02", type: DecisionType.BondOrCustody);

        var status = facts.At("2019-08-05");

        Assert.Equal(ProtectionState.NotProtected, status.State);
        Assert.True(status.Has(ReasonCode.BondDecisionNoStay));
        Assert.True(status.Has(ReasonCode.BoardOrderNoAutomaticStay));
    }

    [Fact]
    public void Evaluate_InAbsentiaOrderWithinThirtyDays_NoAppealPeriodStay()
    {
        var status = APerson().WithOrder(Order, "2019-08-02", inAbsentia: true).At("2019-08-05");

        Assert.Equal(ProtectionState.NotProtected, status.State);
        Assert.True(status.Has(ReasonCode.InAbsentiaOrderNoAppealStay));
    }

    private static ProtectionFacts InAbsentiaMotion() => APerson()
        .WithOrder(Order, "2010-04-07", inAbsentia: true)
        .With(Filed(10, MatterKind.MotionToReopenIj, "2019-08-05").OnGround(MotionGround.LackOfNotice));

    [Fact]
    public void Evaluate_InAbsentiaMotionPending_ProtectedUntilJudgeDecides()
    {
        var status = InAbsentiaMotion().At("2019-08-05");

        Assert.Equal(ProtectionState.Protected, status.State);
        Assert.Equal(ProtectionSource.InAbsentiaMotionStay, status.Primary?.Source);
        Assert.Equal(UntilEvent.JudgeDecidesMotion, status.Primary?.Until);
        Assert.Equal("INA 240(b)(5)(C)(ii); 8 CFR 1003.23(b)(4)(ii)", status.Primary?.Citation);
        Assert.False(status.Has(ReasonCode.MotionDoesNotStay));
    }

    [Theory]
    [InlineData(null, "2019-09-23", ProtectionState.NotProtected, ReasonCode.InAbsentiaDenialAppealWindow)]
    [InlineData(null, "2019-10-22", ProtectionState.NotProtected, ReasonCode.InAbsentiaStayEnded)]
    [InlineData("2019-10-21", "2019-10-21", ProtectionState.Unknown, ReasonCode.InAbsentiaAppealStayContested)] // 2010: a removal order
    [InlineData("2019-10-22", "2019-10-22", ProtectionState.NotProtected, ReasonCode.BoardAppealLate)]
    public void Evaluate_InAbsentiaMotionDenied_NoStayUnlessTimelyAppeal(
        string? appealFiled, string asOf, ProtectionState state, ReasonCode reason)
    {
        var facts = InAbsentiaMotion().Update(10, m => m.Denied("2019-09-20"));
        if (appealFiled is not null)
        {
            facts = facts.With(Filed(11, MatterKind.BiaAppeal, appealFiled));
        }

        var status = facts.At(asOf);

        Assert.Equal(state, status.State);
        Assert.True(status.Has(reason) || status.Lacks(reason), string.Join(" | ", status.Reasons));
    }

    [Theory]
    [InlineData(MatterKind.MotionToReopenIj)]
    [InlineData(MatterKind.MotionToReopenBia)]
    [InlineData(MatterKind.MotionToReconsiderIj)]
    public void Evaluate_OtherMotionPending_StaysNothing(MatterKind kind)
    {
        var status = APerson().WithOrder(Order, "2005-01-10").With(Filed(10, kind, "2019-08-05")).At("2019-08-06");

        Assert.Equal(ProtectionState.NotProtected, status.State);
        Assert.True(status.Has(ReasonCode.MotionDoesNotStay));
    }

    [Fact]
    public void Evaluate_BoardMotionWithGrantedStay_ProtectedUntilBoardDecidesMotion()
    {
        var facts = APerson().WithOrder(Order, "2005-01-10", Adjudicator.Board)
            .With(Filed(10, MatterKind.MotionToReopenBia, "2019-08-05").WithStayMotion(StayMotionOutcome.Granted, "2019-08-07"));

        Assert.Equal(ProtectionState.NotProtected, facts.At("2019-08-06").State);
        var status = facts.At("2019-08-07");
        Assert.Equal(ProtectionSource.IndividualStay, status.Primary?.Source);
        Assert.Equal(UntilEvent.BoardDecidesMotion, status.Primary?.Until);

        var decided = facts.Update(10, m => m.Denied("2019-10-01"));
        Assert.Equal(ProtectionState.NotProtected, decided.At("2019-10-01").State);
    }
}
