using Stayline.Domain.Protection;
using static Stayline.Domain.Tests.Protection.Facts;
using static Stayline.Domain.Tests.Protection.TestCourtCalendar;

namespace Stayline.Domain.Tests.Protection;

/// <summary>
/// Appeal periods that end on executive-order closures, which a hand-typed holiday list missed. Hand-worked:
/// - decision Mon 2018-11-05: 25 days to 11-30, +5 = Wed 2018-12-05, closed (mourning for President George H. W. Bush):
///   the appeal period runs to Thu 2018-12-06;
/// - decision Fri 2018-11-23: 7 days to 11-30, +23 = Sun 2018-12-23; Mon 12-24 closed by executive order; Tue 12-25
///   Christmas: the appeal period runs to Wed 2018-12-26.
/// </summary>
public class FederalCalendarProtectionTests
{
    [Theory]
    [InlineData("2018-11-05", "2018-12-06", "2018-12-07")]
    [InlineData("2018-11-23", "2018-12-26", "2018-12-27")]
    public void Evaluate_AppealPeriodEndingOnClosure_ProtectedThroughNextCourtDay(string decidedOn, string lastDay, string dayAfter)
    {
        var facts = APerson().WithOrder(1, decidedOn);

        var last = facts.At(lastDay);
        var after = facts.At(dayAfter);

        Assert.Equal(ProtectionState.Protected, last.State);
        Assert.Equal(D(lastDay), last.Primary?.LastDay);
        Assert.Equal(ProtectionState.NotProtected, after.State);
    }
}
