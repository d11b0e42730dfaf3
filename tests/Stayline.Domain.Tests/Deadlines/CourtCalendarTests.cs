using System.Globalization;
using Stayline.Domain.Deadlines;

namespace Stayline.Domain.Tests.Deadlines;

public class CourtCalendarTests
{
    [Theory]
    [InlineData(2017, "01-01>01-02 01-16 02-20 05-29 07-04 09-04 10-09 11-11>11-10 11-23 12-25")]
    [InlineData(2021, "01-01 01-18 02-15 05-31 06-19>06-18 07-04>07-05 09-06 10-11 11-11 11-25 12-25>12-24")]
    [InlineData(2022, "01-01>2021-12-31 01-17 02-21 05-30 06-19>06-20 07-04 09-05 10-10 11-11 11-24 12-25>12-26")]
    [InlineData(2025, "01-01 01-20 02-17 05-26 06-19 07-04 09-01 10-13 11-11 11-27 12-25")]
    [InlineData(2026, "01-01 01-19 02-16 05-25 06-19 07-04>07-03 09-07 10-12 11-11 11-26 12-25")]
    [InlineData(2100, "01-01 01-18 02-15 05-31 06-19>06-18 07-04>07-05 09-06 10-11 11-11 11-25 12-25>12-24")]
    [InlineData(1980, "01-01 02-18 05-26 07-04 09-01 10-13 11-11 11-27 12-25")]
    [InlineData(1986, "01-01 01-20 02-17 05-26 07-04 09-01 10-13 11-11 11-27 12-25")]
    public void FederalHolidaysFor_Year_DatesAndObservedDays(int year, string expected)
    {
        // "MM-dd" when observed on the day; "MM-dd>MM-dd" when shifted (a full date when the shift crosses the year).
        var actual = FederalHolidays.For(year).Select(h => h.IsShifted
            ? $"{h.Date:MM-dd}>{(h.Observed.Year == year ? h.Observed.ToString("MM-dd", CultureInfo.InvariantCulture) : h.Observed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}"
            : h.Date.ToString("MM-dd", CultureInfo.InvariantCulture));

        Assert.Equal(expected, string.Join(' ', actual));
    }

    [Fact]
    public void FederalHolidaysFor_2021_JuneteenthIncludedAndNamed()
    {
        var juneteenth = Assert.Single(FederalHolidays.For(2021), h => h.Holiday == FederalHoliday.JuneteenthNationalIndependenceDay);
        Assert.Equal("Juneteenth National Independence Day", juneteenth.Name);
        Assert.DoesNotContain(FederalHolidays.For(2020), h => h.Holiday == FederalHoliday.JuneteenthNationalIndependenceDay);
    }

    [Theory]
    [InlineData("2025-12-29", true)] // Monday
    [InlineData("2025-12-27", false)] // Saturday
    [InlineData("2025-12-28", false)] // Sunday
    [InlineData("2021-12-31", false)] // New Year's Day 2022 observed
    [InlineData("2022-01-03", true)]
    [InlineData("2026-07-03", false)] // Independence Day observed
    [InlineData("2021-06-18", false)] // first Juneteenth, observed
    [InlineData("2020-06-19", true)] // before Juneteenth was a holiday
    [InlineData("2022-06-20", false)] // Juneteenth observed Monday
    [InlineData("1985-01-21", true)] // third Monday of January before 1986
    [InlineData("1986-01-20", false)]
    [InlineData("2025-11-28", true)] // Friday after Thanksgiving is open
    [InlineData("2018-12-05", false)] // executive order
    [InlineData("2007-01-02", false)] // executive order
    [InlineData("2014-12-26", false)] // executive order
    [InlineData("2025-01-09", false)] // executive order
    [InlineData("2025-12-26", false)] // executive order
    [InlineData("2023-12-26", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("2101-12-31", false)] // Saturday; last day covered
    [InlineData("1980-01-01", false)] // New Year's Day; first day covered
    public void IsCourtDay_Federal_MatchesCalendar(string day, bool expected)
    {
        Assert.Equal(expected, CourtCalendar.Federal.IsCourtDay(D(day)));
    }

    [Theory]
    [InlineData("1979-12-31")]
    [InlineData("2102-01-01")]
    public void IsCourtDay_OutsideRange_Throws(string day)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CourtCalendar.Federal.IsCourtDay(D(day)));
    }

    [Theory]
    [InlineData("2025-12-27", "a Saturday")]
    [InlineData("2023-01-02", "New Year's Day (observed)")]
    [InlineData("2025-01-20", "Birthday of Martin Luther King, Jr.")]
    [InlineData("2025-01-09", "a closure (National day of mourning for President Jimmy Carter, closed by executive order)")]
    public void ReasonClosed_ClosedDay_Phrased(string day, string reason)
    {
        Assert.Equal(reason, CourtCalendar.Federal.ReasonClosed(D(day)));
    }

    [Fact]
    public void ReasonClosed_CourtDay_Null() => Assert.Null(CourtCalendar.Federal.ReasonClosed(D("2025-12-29")));

    [Fact]
    public void EntriesFor_2021_IncludesNextNewYearObservedOnDecember31()
    {
        var last = CourtCalendar.Federal.EntriesFor(2021)[^1];

        Assert.Equal(D("2021-12-31"), last.Day);
        Assert.Equal(D("2022-01-01"), last.HolidayDate);
        Assert.Equal("New Year's Day (observed)", last.Name);
        Assert.Equal(last, CourtCalendar.Federal.EntriesFor(2022)[0]);
    }

    [Fact]
    public void EntriesFor_2025_HolidaysThenClosuresInDateOrder()
    {
        var entries = CourtCalendar.Federal.EntriesFor(2025);

        Assert.Equal(14, entries.Count);
        Assert.Equal(
            ["2025-01-09", "2025-12-24", "2025-12-26"],
            entries.Where(e => e.Kind == CalendarEntryKind.ExecutiveOrderClosure).Select(e => e.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Equal(entries.OrderBy(e => e.Day), entries);
    }

    [Fact]
    public void Create_ClosureForOneCourt_ClosesOnlyThatCourt()
    {
        var storm = new CourtClosure(D("2026-02-02"), new CourtId("eoir-detroit"), "snowstorm");
        var calendars = new CourtCalendars([storm]);

        Assert.False(calendars.For(new CourtId("EOIR-DETROIT")).IsCourtDay(D("2026-02-02")));
        Assert.True(calendars.For(new CourtId("ca6")).IsCourtDay(D("2026-02-02")));
        Assert.True(calendars.For(null).IsCourtDay(D("2026-02-02")));
        Assert.True(CourtCalendar.Federal.IsCourtDay(D("2026-02-02")));
        Assert.Contains(calendars.For(new CourtId("eoir-detroit")).EntriesFor(2026), e => e.Kind == CalendarEntryKind.CourtClosure);
        Assert.DoesNotContain(calendars.For(new CourtId("ca6")).EntriesFor(2026), e => e.Kind == CalendarEntryKind.CourtClosure);
    }

    [Fact]
    public void Create_ClosureForAllCourts_ClosesEveryCourt()
    {
        var calendars = new CourtCalendars([new CourtClosure(D("2026-02-02"), null, "federal network outage")]);

        Assert.False(calendars.For(new CourtId("ca6")).IsCourtDay(D("2026-02-02")));
        Assert.False(calendars.For(null).IsCourtDay(D("2026-02-02")));
        Assert.Equal("a closure of all courts (federal network outage)", calendars.For(null).ReasonClosed(D("2026-02-02")));
    }

    [Fact]
    public void For_Board_AddsBoardClosuresAndInaugurationDayOnly()
    {
        var closures = new[]
        {
            new CourtClosure(D("2026-02-02"), CourtId.Board, "snowstorm in Falls Church"),
            new CourtClosure(D("2026-02-03"), new CourtId("eoir-detroit"), "snowstorm in Detroit"),
        };
        var all = CourtCalendar.Create(closures);
        var board = all.For(Forum.Board);

        Assert.False(board.IsCourtDay(D("2026-02-02")));
        Assert.True(board.IsCourtDay(D("2026-02-03")));
        Assert.False(board.IsCourtDay(D("2017-01-20"))); // Inauguration Day, a Friday
        Assert.True(all.IsCourtDay(D("2026-02-02")));
        Assert.True(all.IsCourtDay(D("2017-01-20")));
        Assert.Same(all, all.For(Forum.ImmigrationCourt));
        Assert.Same(board, all.For(Forum.Board));
        Assert.Equal("Inauguration Day", ((CourtCalendar)board).ReasonClosed(D("2017-01-20")));
        Assert.Equal("Inauguration Day (observed)", ((CourtCalendar)board).ReasonClosed(D("1985-01-21")));
    }

    [Fact]
    public void For_SameCourt_ReturnsSharedInstance()
    {
        var calendars = new CourtCalendars([]);

        Assert.Same(calendars.For(new CourtId("ca6")), calendars.For(new CourtId("CA6")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void CourtId_Blank_Throws(string value) => Assert.ThrowsAny<ArgumentException>(() => new CourtId(value));

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd");
}
