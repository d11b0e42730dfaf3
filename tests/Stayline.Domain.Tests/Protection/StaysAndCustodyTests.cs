using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using static Stayline.Domain.Tests.Protection.Facts;
using static Stayline.Domain.Tests.Protection.TestCourtCalendar;

namespace Stayline.Domain.Tests.Protection;

public class StaysAndCustodyTests
{
    /// <summary>A class member with a timely motion pending and a DHS stay: protected twice over.</summary>
    private static ProtectionFacts DoublyProtected() => APerson()
        .WithOrder(1, "1998-03-12")
        .InClass(Hamama)
        .With(Filed(10, MatterKind.MotionToReopenIj, "2017-11-06"))
        .With(new IndividualStayFacts(Adjudicator.Dhs, D("2017-11-20")));

    [Fact]
    public void Evaluate_BoardedForRemoval_NotProtectedDespiteStays()
    {
        var status = DoublyProtected().On(PersonEventKind.BoardedForRemoval, "2017-12-01").At("2017-12-01");

        Assert.Equal(ProtectionState.NotProtected, status.State);
        Assert.Null(status.Primary);
        Assert.Equal(2, status.All.Length); // kept so the screen can show which stays to enforce
        Assert.True(status.BoardedDespiteStay);
        Assert.Contains(status.Reasons, r => r.Code == ReasonCode.BoardedForRemoval && r.Citation == "8 CFR 1241.6(c)");
        Assert.True(status.Has(ReasonCode.StaysIgnoredAfterBoarding));
    }

    [Fact]
    public void Evaluate_BoardedThenTakenOffAndReleased_ProtectedAgain()
    {
        var facts = DoublyProtected()
            .On(PersonEventKind.BoardedForRemoval, "2017-12-01")
            .On(PersonEventKind.Released, "2017-12-02");

        Assert.Equal(ProtectionState.NotProtected, facts.At("2017-12-01").State);
        Assert.Equal(ProtectionState.Protected, facts.At("2017-12-02").State);
    }

    [Fact]
    public void Evaluate_Removed_NotProtected()
    {
        var status = DoublyProtected().On(PersonEventKind.Removed, "2017-12-03").At("2017-12-04");

        Assert.Equal(ProtectionState.NotProtected, status.State);
        Assert.True(status.Has(ReasonCode.Removed));
    }

    [Fact]
    public void Evaluate_SeveralProtections_PrimaryIsLongestAndAllListed()
    {
        var status = DoublyProtected().At("2017-12-01");

        Assert.Equal(2, status.All.Length);
        // Both are open-ended: the class order ranks first because its terms reach further.
        Assert.Equal(ProtectionSource.ClassOrderStay, status.Primary?.Source);
    }

    [Fact]
    public void Evaluate_DatedClassWindowAndLaterDatedStay_PrimaryIsTheLaterDate()
    {
        var facts = APerson().WithOrder(1, "1998-03-12").InClass(Hamama)
            .On(PersonEventKind.AFileReceived, "2017-08-14").On(PersonEventKind.RecordOfProceedingsReceived, "2017-09-25")
            .With(new IndividualStayFacts(Adjudicator.Dhs, D("2017-10-02")) { LastDay = D("2018-03-30") });

        var status = facts.At("2017-12-20");

        Assert.Equal(ProtectionSource.IndividualStay, status.Primary?.Source);
        Assert.Equal(D("2018-03-30"), status.Primary?.LastDay);
        Assert.False(status.EndsWithin7Days);
        Assert.Equal(D("2017-12-26"), status.NextDeadline?.Due);
    }

    [Theory]
    [InlineData("2019-10-28", ProtectionState.Protected, true)]
    [InlineData("2019-10-24", ProtectionState.Protected, false)]
    [InlineData("2019-11-01", ProtectionState.Protected, true)]
    [InlineData("2019-11-02", ProtectionState.NotProtected, false)]
    [InlineData("2019-07-31", ProtectionState.NotProtected, false)]
    public void Evaluate_DatedDhsStay_ProtectedThroughLastDay(string asOf, ProtectionState state, bool endsSoon)
    {
        var facts = APerson().WithOrder(1, "2005-01-10")
            .With(new IndividualStayFacts(Adjudicator.Dhs, D("2019-08-01")) { LastDay = D("2019-11-01") });

        var status = facts.At(asOf);

        Assert.Equal(state, status.State);
        Assert.Equal(endsSoon, status.EndsWithin7Days);
    }

    [Fact]
    public void Evaluate_StayLifted_NotProtectedFromThatDay()
    {
        var facts = APerson().WithOrder(1, "2005-01-10")
            .With(new IndividualStayFacts(Adjudicator.DistrictCourt, D("2019-08-01")) { LiftedOn = D("2019-09-01") });

        Assert.Equal(UntilEvent.StayLifted, facts.At("2019-08-31").Primary?.Until);
        var status = facts.At("2019-09-01");
        Assert.Equal(ProtectionState.NotProtected, status.State);
        Assert.True(status.Has(ReasonCode.IndividualStayLifted));
    }

    [Fact]
    public void Evaluate_StayUntilDecisionOfMatter_EndsOnTheDecisionDay()
    {
        var facts = APerson().WithOrder(1, "2019-01-10", Adjudicator.Board)
            .With(Filed(20, MatterKind.PetitionForReview, "2019-02-01"))
            .With(new IndividualStayFacts(Adjudicator.CourtOfAppeals, D("2019-02-15")) { UntilDecisionOfMatter = 20 });

        var pending = facts.At("2019-06-03");
        Assert.Equal(ProtectionState.Protected, pending.State);
        Assert.Equal(UntilEvent.CourtDecidesPetition, pending.Primary?.Until);
        Assert.Equal("stay granted by the court of appeals until the court of appeals decides the petition for review", pending.Primary?.Describe());

        var decided = facts.Update(20, m => m.Denied("2019-09-16"));
        Assert.Equal(ProtectionState.Protected, decided.At("2019-09-15").State);
        Assert.Equal(ProtectionState.NotProtected, decided.At("2019-09-16").State);
    }

    [Fact]
    public void Evaluate_ClassMembershipEnded_NotProtectedAfterLastDay()
    {
        var facts = APerson().WithOrder(1, "1998-03-12") with { Classes = [new(Hamama) { MemberUntil = D("2017-08-31") }] };

        Assert.Equal(ProtectionState.Protected, facts.At("2017-08-31").State);
        Assert.True(facts.At("2017-09-01").Has(ReasonCode.ClassMembershipEnded));
    }
}

public class BoardOrderClassMemberTests
{
    /// <summary>
    /// The last order came from the Board, so the motion goes to the Board and its denial leads straight to a
    /// petition. Denied Fri 2018-03-02: +30 = Sun 2018-04-01; petition due Mon 2018-04-02.
    /// </summary>
    [Theory]
    [InlineData("2018-03-02", ProtectionState.Protected, "2018-04-02", ReasonCode.ClassPetitionWindow)]
    [InlineData("2018-04-02", ProtectionState.Protected, "2018-04-02", ReasonCode.ClassPetitionWindow)]
    [InlineData("2018-04-03", ProtectionState.NotProtected, null, ReasonCode.ClassNoPetitionByDeadline)]
    public void Evaluate_BoardMotionDenied_PetitionWindowThenEnds(string asOf, ProtectionState state, string? lastDay, ReasonCode reason)
    {
        var facts = APerson().WithOrder(1, "2003-05-20", Adjudicator.Board).InClass(Hamama)
            .On(PersonEventKind.AFileReceived, "2017-08-14").On(PersonEventKind.RecordOfProceedingsReceived, "2017-09-25")
            .With(Filed(10, MatterKind.MotionToReopenBia, "2017-12-01").Denied("2018-03-02"));

        var status = facts.At(asOf);

        Assert.Equal(state, status.State);
        Assert.Equal(lastDay is null ? null : D(lastDay), status.Primary?.LastDay);
        Assert.True(status.Has(reason), string.Join(" | ", status.Reasons));
    }

    [Fact]
    public void Evaluate_StayGrantedAfterBoarding_NoComplianceReason()
    {
        var facts = APerson().WithOrder(1, "2005-01-10")
            .On(PersonEventKind.BoardedForRemoval, "2019-08-01")
            .With(new IndividualStayFacts(Adjudicator.Board, D("2019-08-02")));

        var status = facts.At("2019-08-02");

        Assert.Equal(ProtectionState.NotProtected, status.State);
        Assert.True(status.Has(ReasonCode.BoardedForRemoval));
        Assert.False(status.Has(ReasonCode.StaysIgnoredAfterBoarding));
        Assert.False(status.BoardedDespiteStay);
        Assert.Empty(status.All);
    }

    /// <summary>
    /// A stay motion recorded as a matter of its own (not inside a motion to reopen) stops nothing while pending, and
    /// its reason names the day it was filed; inside another matter it names that matter.
    /// </summary>
    [Fact]
    public void Evaluate_StandaloneStayMotionPending_NotProtected_ReasonNamesTheFilingDay()
    {
        var standalone = APerson().WithOrder(1, "2005-01-10").With(Filed(10, MatterKind.StayMotion, "2018-01-02")).At("2018-03-01");
        var inMotion = APerson().WithOrder(1, "2005-01-10")
            .With(Filed(10, MatterKind.MotionToReopenIj, "2018-01-02").WithStayMotion()).At("2018-03-01");

        Assert.Equal(ProtectionState.NotProtected, standalone.State);
        var reason = Assert.Single(standalone.Reasons, r => r.Code == ReasonCode.StayMotionPending);
        Assert.Equal("stay motion filed 2018-01-02 is pending: no protection until granted", reason.Text);
        var nested = Assert.Single(inMotion.Reasons, r => r.Code == ReasonCode.StayMotionPending);
        Assert.StartsWith("stay motion in the motion to reopen", nested.Text, StringComparison.Ordinal);
    }
}
