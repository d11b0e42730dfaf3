using Stayline.Domain.Protection;
using static Stayline.Domain.Tests.Protection.Facts;

namespace Stayline.Domain.Tests.Protection;

/// <summary>
/// An in absentia order is final on entry (8 CFR 1241.1(e)): there is no appeal period for 8 CFR 1003.6(a) to stay,
/// although a limited appeal lies (Matter of Guzman).
/// </summary>
public class InAbsentiaFinalityTests
{
    [Fact]
    public void Evaluate_InAbsentiaOrderDayAfter_FinalOnEntryCitation()
    {
        var status = APerson().WithOrder(1, "2019-08-02", inAbsentia: true).At("2019-08-05");

        Assert.Equal(ProtectionState.NotProtected, status.State);
        var reason = Assert.Single(status.Reasons, r => r.Code == ReasonCode.InAbsentiaOrderNoAppealStay);
        Assert.StartsWith("8 CFR 1241.1(e); Matter of Guzman, 22 I&N Dec. 722 (BIA 1999)", reason.Citation, StringComparison.Ordinal);
        Assert.Contains("final on entry", reason.Text, StringComparison.Ordinal);
    }
}
