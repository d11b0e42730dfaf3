using System.Globalization;
using Stayline.Domain.Deadlines;

namespace Stayline.Domain.Tests.Protection;

/// <summary>Weekends plus the observed federal holidays these tests cross, typed by hand from 5 U.S.C. 6103(a).</summary>
internal sealed class TestCourtCalendar : ICourtCalendar
{
    public static readonly TestCourtCalendar Instance = new();

    private static readonly HashSet<DateOnly> Holidays =
    [
        D("2017-07-04"), D("2017-09-04"), D("2017-10-09"), D("2017-11-10"), D("2017-11-23"), D("2017-12-25"),
        D("2018-01-01"), D("2018-01-15"), D("2018-02-19"), D("2018-05-28"), D("2018-07-04"), D("2018-09-03"),
        D("2019-07-04"), D("2019-09-02"), D("2019-10-14"), D("2019-11-11"), D("2019-11-28"), D("2019-12-25"),
        D("2020-01-01"), D("2020-01-20"),
    ];

    public bool IsCourtDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(day);

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
