using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using static Stayline.Domain.Tests.Protection.Facts;

namespace Stayline.Domain.Tests.Protection;

/// <summary>
/// Orders older than the court calendar (it starts on 1980-01-01) are normal in this caseload. Their periods ended
/// decades ago: the engine treats them as over, never throws, and claims no exact day for them. Hand-worked raw last
/// days: 1975-06-02 + 30 = 1975-07-02; 1978-03-01 + 180 = 1978-08-28; 1979-11-01 + 30 = 1979-12-01;
/// 1979-12-20 + 30 = 1980-01-19.
/// </summary>
public class OldOrderTests
{
    [Fact]
    public void Evaluate_JudgeOrderFrom1975_NotProtectedWithoutThrowing()
    {
        var status = APerson().WithOrder(1, "1975-06-02").At("2017-06-11");

        Assert.Equal(ProtectionState.NotProtected, status.State);
        Assert.Contains(status.Reasons, r => r.Code == ReasonCode.AppealPeriodExpired && r.Date2 is null);
        Assert.Contains("before the court calendar begins in 1980", status.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1975-06-20", ProtectionState.Protected)] // by the raw 30th day: in time whatever the roll-forward
    [InlineData("1975-07-10", ProtectionState.Unknown)] // within 14 days after it: only the calendar could tell
    [InlineData("1975-07-20", ProtectionState.NotProtected)] // well after it: late
    public void Evaluate_BoardAppealOfOrderFrom1975_TimelinessWithoutCalendar(string filedOn, ProtectionState state)
    {
        var status = APerson().WithOrder(1, "1975-06-02")
            .With(Filed(10, MatterKind.BiaAppeal, filedOn))
            .At("2017-06-11");

        Assert.Equal(state, status.State);
        Assert.Equal(state == ProtectionState.Unknown, status.Lacks(ReasonCode.PeriodOutsideCalendar));
    }

    [Theory]
    [InlineData(MotionGround.LackOfNotice, ProtectionState.Protected)]
    [InlineData(MotionGround.ExceptionalCircumstances, ProtectionState.NotProtected)]
    public void Evaluate_MotionAgainstInAbsentiaOrderFrom1978_GroundDecides(MotionGround ground, ProtectionState state)
    {
        var status = APerson().WithOrder(1, "1978-03-01", inAbsentia: true, proceeding: ProceedingType.Deportation)
            .With(Filed(10, MatterKind.MotionToReopenIj, "2017-07-10").OnGround(ground))
            .At("2017-07-11");

        Assert.Equal(state, status.State);
        Assert.Equal(state == ProtectionState.NotProtected, status.Has(ReasonCode.InAbsentiaMotionLate));
    }

    [Fact]
    public void Evaluate_DenialFrom1979AppealedInTime_DeportationStayContinues()
    {
        var status = APerson().WithOrder(1, "1978-03-01", inAbsentia: true, proceeding: ProceedingType.Deportation)
            .With(Filed(10, MatterKind.MotionToReopenIj, "1979-06-01").OnGround(MotionGround.LackOfNotice).Denied("1979-11-01"))
            .With(Filed(11, MatterKind.BiaAppeal, "1979-11-20").Against(10))
            .At("2017-07-11");

        Assert.Equal(ProtectionState.Protected, status.State);
        Assert.Equal(UntilEvent.BoardDecidesAppeal, status.Primary?.Until);
    }

    [Fact]
    public void Evaluate_BondDecisionFrom1979_NoThrow()
    {
        var status = APerson().WithOrder(1, "1979-05-01", Adjudicator.Board)
            .WithOrder(2, "1979-12-20", type: DecisionType.BondOrCustody)
            .At("2017-06-11");

        Assert.Equal(ProtectionState.NotProtected, status.State);
    }

    [Fact]
    public void Evaluate_DayInsideAPeriodTheCalendarCannotCount_Unknown()
    {
        var status = APerson().WithOrder(1, "1979-12-20").At("1980-01-25");

        Assert.Equal(ProtectionState.Unknown, status.State);
        Assert.True(status.Lacks(ReasonCode.PeriodOutsideCalendar));
    }
}
