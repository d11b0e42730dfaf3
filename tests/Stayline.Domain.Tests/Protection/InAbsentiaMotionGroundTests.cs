using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using static Stayline.Domain.Tests.Protection.Facts;

namespace Stayline.Domain.Tests.Protection;

/// <summary>
/// INA 240(b)(5)(C): only a motion "described in clause (i) or (ii)" stays an in absentia order; 8 CFR 1003.23(b)(4)(ii).
/// Hand-worked 180-day limit (federal calendar): order Wed 2019-11-27; 3 days to 11-30, +31 Dec = 34, +31 Jan = 65,
/// +29 Feb (2020 is a leap year) = 94, +31 Mar = 125, +30 Apr = 155, +25 May = 180: Mon 2020-05-25, Memorial Day
/// (last Monday of May); the motion is due Tue 2020-05-26.
/// </summary>
public class InAbsentiaMotionGroundTests
{
    private const int Order = 1;

    private static ProtectionFacts Motion(string orderOn, string filedOn, MotionGround? ground) => APerson()
        .WithOrder(Order, orderOn, inAbsentia: true)
        .With(Filed(10, MatterKind.MotionToReopenIj, filedOn).OnGround(ground));

    [Theory]
    [InlineData(MotionGround.LackOfNotice, "INA 240(b)(5)(C)(ii); 8 CFR 1003.23(b)(4)(ii)")]
    [InlineData(MotionGround.InCustody, "INA 240(b)(5)(C)(ii); 8 CFR 1003.23(b)(4)(ii)")]
    public void Evaluate_NoticeOrCustodyMotionYearsLater_Protected(MotionGround ground, string citation)
    {
        var status = Motion("2010-04-07", "2019-08-05", ground).At("2019-08-06");

        Assert.Equal(ProtectionState.Protected, status.State);
        Assert.Equal(ProtectionSource.InAbsentiaMotionStay, status.Primary?.Source);
        Assert.Equal(UntilEvent.JudgeDecidesMotion, status.Primary?.Until);
        Assert.Equal(citation, status.Primary?.Citation);
    }

    [Theory]
    [InlineData("2020-05-26", ProtectionState.Protected)] // the adjusted 180th day
    [InlineData("2020-05-27", ProtectionState.NotProtected)]
    public void Evaluate_ExceptionalCircumstances_StaysOnlyWithin180Days(string filedOn, ProtectionState state)
    {
        var status = Motion("2019-11-27", filedOn, MotionGround.ExceptionalCircumstances).At("2020-05-28");

        Assert.Equal(state, status.State);
        Assert.Equal(state == ProtectionState.NotProtected, status.Has(ReasonCode.InAbsentiaMotionLate));
        if (state == ProtectionState.Protected)
        {
            Assert.Equal("INA 240(b)(5)(C)(i); 8 CFR 1003.23(b)(4)(ii)", status.Primary?.Citation);
        }
        else
        {
            Assert.Contains(status.Reasons, r => r.Code == ReasonCode.InAbsentiaMotionLate && r.Date2 == TestCourtCalendar.D("2020-05-26"));
        }
    }

    [Fact]
    public void Evaluate_ExceptionalCircumstancesYearsLate_NotProtected()
    {
        var status = Motion("2010-04-07", "2019-08-05", MotionGround.ExceptionalCircumstances).At("2019-08-06");

        Assert.Equal(ProtectionState.NotProtected, status.State);
        Assert.True(status.Has(ReasonCode.InAbsentiaMotionLate));
    }

    [Theory]
    [InlineData(MotionGround.ChangedCountryConditions)]
    [InlineData(MotionGround.Other)]
    public void Evaluate_OtherGround_NotProtected(MotionGround ground)
    {
        var status = Motion("2010-04-07", "2019-08-05", ground).At("2019-08-06");

        Assert.Equal(ProtectionState.NotProtected, status.State);
        Assert.True(status.Has(ReasonCode.InAbsentiaMotionGroundNoStay));
        Assert.Empty(status.All);
    }

    [Fact]
    public void Evaluate_GroundNotRecorded_UnknownAskingForTheGround()
    {
        var status = Motion("2010-04-07", "2019-08-05", null).At("2019-08-06");

        Assert.Equal(ProtectionState.Unknown, status.State);
        Assert.True(status.Lacks(ReasonCode.MotionGroundMissing));
        Assert.Contains("record the motion's ground", status.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2020-05-26", ProtectionState.Protected)] // filing day unknown, but today is within the 180 days
    [InlineData("2020-05-27", ProtectionState.Unknown)]
    public void Evaluate_ExceptionalCircumstancesFilingDateMissing_UnknownOnceTheLimitHasPassed(string asOf, ProtectionState state)
    {
        var status = Motion("2019-11-27", "2020-05-01", MotionGround.ExceptionalCircumstances)
            .Update(10, m => m with { FiledOn = null })
            .At(asOf);

        Assert.Equal(state, status.State);
    }

    [Fact]
    public void Evaluate_AppealOfDenialOfChangedConditionsMotion_StaysNothing()
    {
        var facts = Motion("2010-04-07", "2019-08-05", MotionGround.ChangedCountryConditions)
            .Update(10, m => m.Denied("2019-09-20"))
            .With(Filed(11, MatterKind.BiaAppeal, "2019-10-01").Against(10));

        var status = facts.At("2019-10-02");

        Assert.Equal(ProtectionState.NotProtected, status.State);
        Assert.True(status.Has(ReasonCode.DenialAppealDoesNotStay));
    }
}
