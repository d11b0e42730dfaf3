using Stayline.Domain.Deadlines;
using Stayline.Domain.Protection;
using static Stayline.Domain.Tests.Protection.TestCourtCalendar;

namespace Stayline.Domain.Tests.Protection;

public class PeriodCountingTests
{
    [Theory]
    [InlineData("2017-09-25", 90, "2017-12-26")] // Sun 12-24, Mon 12-25 Christmas
    [InlineData("2018-01-19", 30, "2018-02-20")] // Sun 02-18, Mon 02-19 Washington's Birthday
    [InlineData("2019-08-02", 30, "2019-09-03")] // Sun 09-01, Mon 09-02 Labor Day
    [InlineData("2017-09-01", 90, "2017-11-30")] // Thursday: no move
    [InlineData("2017-10-12", 30, "2017-11-13")] // Sat 11-11 (Veterans Day observed Fri 11-10), Sun 11-12
    [InlineData("2019-12-02", 30, "2020-01-02")] // Wed 01-01 New Year's Day
    public void DueAfter_LastDayNotCourtDay_MovesToNextCourtDay(string trigger, int days, string due) =>
        Assert.Equal(D(due), PeriodCounting.DueAfter(D(trigger), days, CourtCalendar.Federal));
}
