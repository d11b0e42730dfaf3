using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using static Stayline.Domain.Tests.Protection.Facts;
using static Stayline.Domain.Tests.Protection.TestCourtCalendar;

namespace Stayline.Domain.Tests.Protection;

/// <summary>
/// 8 CFR 1241.6 voids a stay granted or communicated after boarding, not one granted before: the state stays
/// NotProtected (the person is on the plane) but the earlier stays remain listed so the team can demand compliance.
/// </summary>
public class BoardingTests
{
    private static ProtectionFacts BoardedWithStays() => APerson()
        .WithOrder(1, "2005-01-10")
        .With(new IndividualStayFacts(Adjudicator.CourtOfAppeals, D("2019-07-30")))
        .With(new IndividualStayFacts(Adjudicator.Board, D("2019-08-02")))
        .On(PersonEventKind.BoardedForRemoval, "2019-08-01");

    [Fact]
    public void Evaluate_BoardedAfterAStay_NotProtectedButTheEarlierStayIsListed()
    {
        var status = BoardedWithStays().At("2019-08-02");

        Assert.Equal(ProtectionState.NotProtected, status.State);
        Assert.True(status.BoardedDespiteStay);
        var kept = Assert.Single(status.All); // the Board's stay of 08-02 came after boarding
        Assert.Equal("the court of appeals", kept.Subject?.ToString());
        Assert.Contains(status.Reasons, r => r.Code == ReasonCode.StaysIgnoredAfterBoarding && r.Date == D("2019-07-30"));
        Assert.Contains("demand compliance now", status.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_StayOnTheBoardingDay_ListedToCheck()
    {
        var status = APerson().WithOrder(1, "2005-01-10")
            .With(new IndividualStayFacts(Adjudicator.Dhs, D("2019-08-01")))
            .On(PersonEventKind.BoardedForRemoval, "2019-08-01")
            .At("2019-08-01");

        Assert.Equal(ProtectionState.NotProtected, status.State);
        Assert.True(status.BoardedDespiteStay);
        Assert.Single(status.All);
        Assert.Contains("if it came before boarding", status.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BoardedWithoutAnyStay_NoFlag()
    {
        var status = APerson().WithOrder(1, "2005-01-10").On(PersonEventKind.BoardedForRemoval, "2019-08-01").At("2019-08-02");

        Assert.Equal(ProtectionState.NotProtected, status.State);
        Assert.False(status.BoardedDespiteStay);
        Assert.Empty(status.All);
    }
}
