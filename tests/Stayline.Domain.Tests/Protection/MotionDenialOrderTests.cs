using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using static Stayline.Domain.Tests.Protection.Facts;

namespace Stayline.Domain.Tests.Protection;

/// <summary>
/// 8 CFR 1003.6(b): the automatic stay of 1003.6(a) does not reach the denial of a motion to reopen or reconsider.
/// The judge's merits order of 2005 is long final; the denial of 2019-08-02 (a Friday) is appealed 2019-08-20, within
/// its 30 days (due Tue 2019-09-03 after Sunday and Labor Day).
/// </summary>
public class MotionDenialOrderTests
{
    private static ProtectionFacts DenialAppealed(bool linked)
    {
        var appeal = Filed(10, MatterKind.BiaAppeal, "2019-08-20");
        return APerson()
            .WithOrder(1, "2005-01-10")
            .WithOrder(2, "2019-08-02", type: DecisionType.MotionDenial)
            .With(linked ? appeal.AgainstOrder(2) : appeal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // not linked: the latest decision before the appeal, the denial, is the one appealed
    public void Evaluate_AppealOfMotionDenialOrder_StaysNothing(bool linked)
    {
        var status = DenialAppealed(linked).At("2019-08-21");

        Assert.Equal(ProtectionState.NotProtected, status.State);
        Assert.Empty(status.All);
        Assert.True(status.Has(ReasonCode.MotionDenialNoStay));
        Assert.True(status.Has(ReasonCode.DenialAppealDoesNotStay));
    }

    [Fact]
    public void Evaluate_DenialWithinItsThirtyDays_NoAppealPeriodStay()
    {
        var status = APerson().WithOrder(1, "2005-01-10").WithOrder(2, "2019-08-02", type: DecisionType.MotionDenial).At("2019-08-05");

        Assert.Equal(ProtectionState.NotProtected, status.State);
        Assert.True(status.Has(ReasonCode.MotionDenialNoStay));
    }

    [Fact]
    public void Evaluate_OnlyAMotionDenialRecorded_UnknownUntilTheMeritsOrderIsRecorded()
    {
        var status = APerson().WithOrder(2, "2019-08-02", type: DecisionType.MotionDenial).At("2019-08-05");

        Assert.Equal(ProtectionState.Unknown, status.State);
        Assert.True(status.Lacks(ReasonCode.NoRemovalOrderRecorded));
    }
}
