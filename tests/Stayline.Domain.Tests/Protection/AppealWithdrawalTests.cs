using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using static Stayline.Domain.Tests.Protection.Facts;
using static Stayline.Domain.Tests.Protection.TestCourtCalendar;

namespace Stayline.Domain.Tests.Protection;

/// <summary>
/// 8 CFR 1003.4: a withdrawn Board appeal leaves the judge's decision final "as though no appeal had been taken", so the
/// rest of the 30-day appeal period stays nothing. Hand-worked (federal calendar): decision Fri 2019-08-02; +30 = Sun
/// 2019-09-01; Mon 09-02 Labor Day; the appeal period would run to Tue 2019-09-03.
/// </summary>
public class AppealWithdrawalTests
{
    private static ProtectionFacts AppealWithdrawn(DateOnly? withdrawnOn) => APerson()
        .WithOrder(1, "2019-08-02")
        .With(Filed(10, MatterKind.BiaAppeal, "2019-08-20") with { Status = MatterStatus.Withdrawn, WithdrawnOn = withdrawnOn });

    [Theory]
    [InlineData("2019-08-22", ProtectionState.Protected)]
    [InlineData("2019-08-23", ProtectionState.NotProtected)] // the withdrawal day
    [InlineData("2019-09-03", ProtectionState.NotProtected)] // still inside the 30 days
    public void Evaluate_AppealWithdrawnInsideThirtyDays_NotProtectedFromWithdrawal(string asOf, ProtectionState state)
    {
        var status = AppealWithdrawn(D("2019-08-23")).At(asOf);

        Assert.Equal(state, status.State);
        if (state == ProtectionState.NotProtected)
        {
            Assert.Contains(status.Reasons, r => r.Code == ReasonCode.BoardAppealWithdrawn && r.Date == D("2019-08-23") && r.Date2 == D("2019-09-03"));
            Assert.Empty(status.All);
        }
        else
        {
            Assert.Equal(ProtectionSource.BoardAppealStay, status.Primary?.Source);
        }
    }

    [Fact]
    public void Evaluate_AppealWithdrawnUndated_Unknown()
    {
        var status = AppealWithdrawn(null).At("2019-08-30");

        Assert.Equal(ProtectionState.Unknown, status.State);
        Assert.True(status.Lacks(ReasonCode.WithdrawalDateMissing));
    }
}
