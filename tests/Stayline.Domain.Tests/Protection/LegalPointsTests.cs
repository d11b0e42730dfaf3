using Stayline.Domain.Custody;
using Stayline.Domain.Deadlines;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using static Stayline.Domain.Tests.Protection.Facts;
using static Stayline.Domain.Tests.Protection.TestCourtCalendar;

namespace Stayline.Domain.Tests.Protection;

/// <summary>
/// The legal points decided in docs/protection-facts.md ("Legal points"), one table each, hand-worked on the federal
/// calendar.
/// </summary>
public class LegalPointsTests
{
    // ---- 8 CFR 1241.6(c) reaches only stays by an immigration judge or the Board granted after boarding.

    public static TheoryData<Adjudicator, bool> GrantorsAfterBoarding => new()
    {
        { Adjudicator.ImmigrationJudge, false },
        { Adjudicator.Board, false },
        { Adjudicator.CourtOfAppeals, true },
        { Adjudicator.DistrictCourt, true },
        { Adjudicator.Dhs, true },
    };

    [Theory]
    [MemberData(nameof(GrantorsAfterBoarding))]
    public void Evaluate_StayGrantedAfterBoarding_OnlyJudgeAndBoardStaysLoseEffect(Adjudicator grantor, bool stillBinds)
    {
        var status = APerson().WithOrder(1, "2005-01-10", appeal: AppealRight.Waived)
            .On(PersonEventKind.BoardedForRemoval, "2019-08-01")
            .With(new IndividualStayFacts(grantor, D("2019-08-02")))
            .At("2019-08-02");

        Assert.Equal(ProtectionState.NotProtected, status.State);
        Assert.Equal(stillBinds, status.BoardedDespiteStay);
        Assert.Equal(stillBinds ? 1 : 0, status.All.Length);
        Assert.Equal(stillBinds, status.Has(ReasonCode.CourtStayAfterBoarding));
        Assert.Equal(!stillBinds, status.Has(ReasonCode.StayAfterBoardingNoEffect));
        if (stillBinds)
        {
            Assert.Contains("still binds DHS", status.Summary, StringComparison.Ordinal);
            Assert.DoesNotContain("NOT protected: boarded", status.Summary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Evaluate_ClassOrderAfterBoarding_ListedAsBindingNotDropped()
    {
        var status = APerson().WithOrder(1, "1998-03-12")
            .On(PersonEventKind.BoardedForRemoval, "2017-07-20")
            .InClass(Hamama)
            .At("2017-07-24");

        Assert.Equal(ProtectionState.NotProtected, status.State);
        Assert.True(status.BoardedDespiteStay);
        Assert.Equal(ProtectionSource.ClassOrderStay, Assert.Single(status.All).Source);
        Assert.Contains(status.Reasons, r => r.Code == ReasonCode.CourtStayAfterBoarding && r.Date == D("2017-07-24") && r.Date2 == D("2017-07-20"));
    }

    // ---- Before the only recorded order there is no order in force: unknown, not a bare "NOT protected".

    [Theory]
    [InlineData("2017-02-28", ProtectionState.Unknown)]
    [InlineData("2017-03-01", ProtectionState.Protected)] // the order's own day: its appeal period
    public void Evaluate_DayBeforeTheOnlyOrder_UnknownNamingTheOrder(string asOf, ProtectionState state)
    {
        var status = APerson().WithOrder(1, "2017-03-01").At(asOf);

        Assert.Equal(state, status.State);
        if (state == ProtectionState.Unknown)
        {
            var missing = Assert.Single(status.Missing);
            Assert.Equal((ReasonCode.NoOrderInForceYet, D(asOf), D("2017-03-01")), (missing.Code, missing.Date, missing.Date2));
            Assert.StartsWith("Unknown — check: no removal order in force on 2017-02-28", status.Summary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Evaluate_BeforeTheOrderButInAClassStay_ProtectedByTheStay()
    {
        var status = APerson().WithOrder(1, "2017-09-01").InClass(Hamama).At("2017-08-01");

        Assert.Equal(ProtectionState.Protected, status.State);
    }

    // ---- A Board appeal accepted despite a recorded waiver (Matter of Rodriguez-Diaz).

    [Theory]
    [InlineData(false, ProtectionState.NotProtected)]
    [InlineData(true, ProtectionState.Protected)]
    public void Evaluate_WaivedButBoardAcceptedTheAppeal_StayedWhilePending(bool accepted, ProtectionState state)
    {
        var status = APerson().WithOrder(1, "2017-05-01", appeal: AppealRight.Waived)
            .With(Filed(2, MatterKind.BiaAppeal, "2017-05-20") with { AcceptedDespiteWaiver = accepted })
            .At("2017-07-01");

        Assert.Equal(state, status.State);
        Assert.Equal(accepted, status.Has(ReasonCode.AppealAcceptedDespiteWaiver));
        Assert.Equal(!accepted, status.Has(ReasonCode.AppealWaived));
        if (accepted)
        {
            Assert.Equal(ProtectionSource.BoardAppealStay, status.Primary?.Source);
        }
    }

    // ---- Who granted a stay against where the matter it lasts for is pending.

    [Theory]
    [InlineData(Adjudicator.Board, MatterKind.MotionToReopenIj, ProtectionState.Unknown)] // the Board cannot stay a motion before the judge
    [InlineData(Adjudicator.ImmigrationJudge, MatterKind.BiaAppeal, ProtectionState.Unknown)]
    [InlineData(Adjudicator.ImmigrationJudge, MatterKind.MotionToReopenIj, ProtectionState.Protected)]
    [InlineData(Adjudicator.Board, MatterKind.MotionToReopenBia, ProtectionState.Protected)]
    [InlineData(Adjudicator.DistrictCourt, MatterKind.MotionToReopenBia, ProtectionState.Protected)] // a court may stay pending any of them
    [InlineData(Adjudicator.Dhs, MatterKind.MotionToReopenIj, ProtectionState.Protected)]
    public void Evaluate_StayUntilDecisionOfMatter_GrantorMustBeWhereItIsPending(Adjudicator grantor, MatterKind kind, ProtectionState state)
    {
        var status = APerson().WithOrder(1, "2005-01-10", appeal: AppealRight.Waived)
            .With(Filed(2, kind, "2019-06-03"))
            .With(new IndividualStayFacts(grantor, D("2019-06-10")) { UntilDecisionOfMatter = 2 })
            .At("2019-07-01");

        Assert.Equal(state, status.State);
        Assert.Equal(state == ProtectionState.Unknown, status.Lacks(ReasonCode.StayGrantorNotWherePending));
    }

    // ---- Motions against an unappealed judge's decision run from the day it became final (8 CFR 1003.39, 1241.1(c)).

    [Theory]
    // Decision Tue 2025-11-25: appeal time ends Thu 12-25 (Christmas), Fri 12-26 closed, weekend: final Mon 12-29.
    // From 12-29: +90 = Sun 2026-03-29, so Mon 03-30; from the decision: +90 = Mon 2026-02-23 (safe date).
    [InlineData("2025-11-25", "mtr-ij", "2025-12-29", "2026-03-30", "2026-02-23")]
    // From 12-29: +30 = Wed 2026-01-28; from the decision: +30 = Thu 2025-12-25, so Mon 12-29 (safe date).
    [InlineData("2025-11-25", "reconsider-ij", "2025-12-29", "2026-01-28", "2025-12-29")]
    // Decision Wed 2017-03-01: +30 = Fri 03-31 final; +90 = Thu 06-29; from the decision +90 = Tue 05-30.
    [InlineData("2017-03-01", "mtr-ij", "2017-03-31", "2017-06-29", "2017-05-30")]
    public void Derive_AppealReservedAndNotTaken_MotionPeriodsRunFromFinalityWithSafeEarlierDate(
        string decision, string ruleId, string final, string due, string safe)
    {
        var facts = APerson().WithOrder(1, decision, appeal: AppealRight.Reserved);
        var list = new List<DerivedDeadline>();

        PersonDeadlines.Derive(facts, [], D(decision), CourtCalendar.Federal, list);

        var row = Assert.Single(list, d => d.RuleId == ruleId);
        Assert.Equal((D(decision), D(due)), (row.TriggerDate, row.DueDate));
        Assert.True(PersonDeadlines.CountsFromFinality(row.Citation));
        Assert.Equal(D(final), PersonDeadlines.FinalDay(D(decision), CourtCalendar.Federal));
        Assert.Equal(D(safe), PersonDeadlines.SafeDue(DeadlineRules.Get(ruleId), D(decision), CourtCalendar.Federal));
    }

    [Theory]
    [InlineData(AppealRight.Waived)]
    [InlineData(AppealRight.Unknown)]
    public void Derive_AppealWaivedOrNotRecorded_MotionPeriodsRunFromTheDecision(AppealRight appeal)
    {
        var list = new List<DerivedDeadline>();

        PersonDeadlines.Derive(APerson().WithOrder(1, "2017-03-01", appeal: appeal), [], D("2017-03-01"), CourtCalendar.Federal, list);

        var row = Assert.Single(list, d => d.RuleId == "mtr-ij");
        Assert.Equal((D("2017-03-01"), D("2017-05-30")), (row.TriggerDate, row.DueDate));
        Assert.False(PersonDeadlines.CountsFromFinality(row.Citation));
    }
}
