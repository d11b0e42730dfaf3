using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using static Stayline.Domain.Tests.Protection.Facts;

namespace Stayline.Domain.Tests.Protection;

/// <summary>
/// The stay through a Board appeal of the denial of an in absentia motion: written for deportation cases
/// (8 CFR 1003.23(b)(4)(iii)(C); Matter of Rivera-Claros); contested for removal orders (INA 240(b)(5)(C): "pending
/// disposition of the motion by the immigration judge"). Hand-worked (federal calendar): motion denied Fri
/// 2019-09-20; +30 = Sun 2019-10-20; the appeal is due Mon 2019-10-21.
/// </summary>
public class InAbsentiaProceedingTypeTests
{
    private const int Order = 1;

    private static ProtectionFacts DeniedAndAppealed(string orderOn, ProceedingType proceeding) => APerson()
        .WithOrder(Order, orderOn, inAbsentia: true, proceeding: proceeding)
        .With(Filed(10, MatterKind.MotionToReopenIj, "2019-08-05").OnGround(MotionGround.LackOfNotice).Denied("2019-09-20"))
        .With(Filed(11, MatterKind.BiaAppeal, "2019-10-21").Against(10));

    [Theory]
    [InlineData("1988-03-14", ProceedingType.Deportation)]
    [InlineData("2001-06-01", ProceedingType.Deportation)] // recorded: a case begun before IIRIRA
    public void Evaluate_DeportationOrderDenialAppealPending_ProtectedUnderRiveraClaros(string orderOn, ProceedingType proceeding)
    {
        var status = DeniedAndAppealed(orderOn, proceeding).At("2019-10-22");

        Assert.Equal(ProtectionState.Protected, status.State);
        Assert.Equal(UntilEvent.BoardDecidesAppeal, status.Primary?.Until);
        Assert.Equal("8 CFR 1003.23(b)(4)(iii)(C); Matter of Rivera-Claros, 21 I&N Dec. 232 (BIA 1996)", status.Primary?.Citation);
    }

    [Theory]
    [InlineData("1988-03-14")]
    [InlineData("1997-03-31")] // the last day before IIRIRA's effective date
    public void Evaluate_PreIirIraProceedingNotRecorded_UnknownRecordTheType(string orderOn)
    {
        var appealed = DeniedAndAppealed(orderOn, ProceedingType.Unknown).At("2019-10-22");
        var pending = APerson()
            .WithOrder(Order, orderOn, inAbsentia: true)
            .With(Filed(10, MatterKind.MotionToReopenIj, "2019-08-05").OnGround(MotionGround.LackOfNotice))
            .At("2019-08-06");

        foreach (var status in new[] { appealed, pending })
        {
            // Deportation would be stayed, exclusion would not: never guess "protected".
            Assert.Equal(ProtectionState.Unknown, status.State);
            Assert.True(status.Lacks(ReasonCode.ProceedingTypeMissing));
            Assert.Contains("record the proceeding type", status.Summary, StringComparison.Ordinal);
            Assert.Empty(status.All);
        }
    }

    [Fact]
    public void Evaluate_PreIirIraProceedingNotRecordedMotionLate_NotProtectedEitherWay()
    {
        // 1992-09-14 + 180 = 1993-03-13 (Saturday), due Monday 1993-03-15; a 2019 motion is late in deportation and
        // stays nothing in exclusion, so the unrecorded proceeding does not matter.
        var status = APerson()
            .WithOrder(Order, "1992-09-14", inAbsentia: true)
            .With(Filed(10, MatterKind.MotionToReopenIj, "2019-08-05").OnGround(MotionGround.ExceptionalCircumstances))
            .At("2019-08-06");

        Assert.Equal(ProtectionState.NotProtected, status.State);
        Assert.False(status.Lacks(ReasonCode.ProceedingTypeMissing));
    }

    [Theory]
    [InlineData("1997-04-01", ProceedingType.Unknown)] // from IIRIRA's effective date: derived as removal
    [InlineData("2010-04-07", ProceedingType.Removal)]
    public void Evaluate_RemovalOrderDenialAppealPending_UnknownAskTheBoard(string orderOn, ProceedingType proceeding)
    {
        var status = DeniedAndAppealed(orderOn, proceeding).At("2019-10-22");

        Assert.Equal(ProtectionState.Unknown, status.State);
        Assert.True(status.Lacks(ReasonCode.InAbsentiaAppealStayContested));
        Assert.Contains("ask the Board for a stay", status.Summary, StringComparison.Ordinal);
        Assert.Empty(status.All);
    }

    [Theory]
    [InlineData(ProceedingType.Deportation, ProtectionState.Protected)]
    [InlineData(ProceedingType.Removal, ProtectionState.Protected)]
    [InlineData(ProceedingType.Exclusion, ProtectionState.NotProtected)]
    public void Evaluate_MotionPendingBeforeJudge_StayedExceptInExclusion(ProceedingType proceeding, ProtectionState state)
    {
        var status = APerson()
            .WithOrder(Order, "1992-09-14", inAbsentia: true, proceeding: proceeding)
            .With(Filed(10, MatterKind.MotionToReopenIj, "2019-08-05").OnGround(MotionGround.LackOfNotice))
            .At("2019-08-06");

        Assert.Equal(state, status.State);
        Assert.Equal(proceeding == ProceedingType.Exclusion, status.Has(ReasonCode.InAbsentiaExclusionNoStay));
        if (proceeding == ProceedingType.Deportation)
        {
            Assert.Equal("8 CFR 1003.23(b)(4)(iii)(A),(C); former INA 242B(c)(3)", status.Primary?.Citation);
        }
    }

    [Theory]
    [InlineData("1997-03-31", ProceedingType.Unknown)] // deportation or exclusion: not guessed
    [InlineData("1997-04-01", ProceedingType.Removal)]
    [InlineData("1990-01-01", ProceedingType.Exclusion)]
    public void ProceedingOrDerived_RemovalFromIirIraDateUnknownBeforeUnlessRecorded(string issuedOn, ProceedingType expected)
    {
        var order = new RemovalOrderFacts(1, TestCourtCalendar.D(issuedOn), Adjudicator.ImmigrationJudge)
        {
            Proceeding = expected == ProceedingType.Exclusion ? ProceedingType.Exclusion : ProceedingType.Unknown,
        };

        Assert.Equal(expected, order.ProceedingOrDerived);
    }
}
