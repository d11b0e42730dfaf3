using Stayline.Domain.Common;

namespace Stayline.Domain.Deadlines;

/// <summary>The legal public holidays of 5 U.S.C. 6103(a).</summary>
public enum FederalHoliday
{
    NewYearsDay,
    MartinLutherKingJrBirthday,
    WashingtonsBirthday,
    MemorialDay,
    JuneteenthNationalIndependenceDay,
    IndependenceDay,
    LaborDay,
    ColumbusDay,
    VeteransDay,
    ThanksgivingDay,
    ChristmasDay,
}

/// <summary>One holiday in one year: the day the statute names and the day it is observed.</summary>
public readonly record struct HolidayDate(FederalHoliday Holiday, DateOnly Date, DateOnly Observed)
{
    public string Name => FederalHolidays.NameOf(Holiday);

    public bool IsShifted => Date != Observed;
}

/// <summary>Federal legal holidays computed by rule, 5 U.S.C. 6103(a), with the observed-day shift of 6103(b).</summary>
public static class FederalHolidays
{
    public const string Citation = "5 U.S.C. 6103(a)";

    /// <summary>Pub. L. 98-144 created the holiday in 1983 and made it effective in 1986.</summary>
    public const int FirstMartinLutherKingJrYear = 1986;

    /// <summary>Pub. L. 117-17 (June 17, 2021) added Juneteenth; 2021 was observed on Friday June 18.</summary>
    public const int FirstJuneteenthYear = 2021;

    public static string NameOf(FederalHoliday holiday) => NameSaid(holiday).ToString();

    /// <summary>The holiday's name as the statute gives it, said in the reader's language on a page.</summary>
    public static Sentence NameSaid(FederalHoliday holiday) => holiday switch
    {
        FederalHoliday.NewYearsDay => Sentence.Of($"New Year's Day"),
        FederalHoliday.MartinLutherKingJrBirthday => Sentence.Of($"Birthday of Martin Luther King, Jr."),
        FederalHoliday.WashingtonsBirthday => Sentence.Of($"Washington's Birthday"),
        FederalHoliday.MemorialDay => Sentence.Of($"Memorial Day"),
        FederalHoliday.JuneteenthNationalIndependenceDay => Sentence.Of($"Juneteenth National Independence Day"),
        FederalHoliday.IndependenceDay => Sentence.Of($"Independence Day"),
        FederalHoliday.LaborDay => Sentence.Of($"Labor Day"),
        FederalHoliday.ColumbusDay => Sentence.Of($"Columbus Day"),
        FederalHoliday.VeteransDay => Sentence.Of($"Veterans Day"),
        FederalHoliday.ThanksgivingDay => Sentence.Of($"Thanksgiving Day"),
        FederalHoliday.ChristmasDay => Sentence.Of($"Christmas Day"),
        _ => throw new ArgumentOutOfRangeException(nameof(holiday)),
    };

    /// <summary>A legal holiday's name as a calendar entry records it ("Memorial Day", "Christmas Day (observed)",
    /// "Inauguration Day") as a sentence: the statute's holidays said in the reader's language, any other name as written.</summary>
    public static Sentence Said(string name) =>
        name.EndsWith(Observed, StringComparison.Ordinal) ? Sentence.Of($"{Said(name[..^Observed.Length])} (observed)")
        : ByName.TryGetValue(name, out var said) ? said
        : Sentence.Verbatim(name);

    /// <summary>The suffix of a holiday observed on another day than its date (5 U.S.C. 6103(b)).</summary>
    public const string Observed = " (observed)";

    private static readonly Dictionary<string, Sentence> ByName = Enum.GetValues<FederalHoliday>().Select(NameSaid)
        .Append(Sentence.Of($"Inauguration Day")).ToDictionary(s => s.ToString(), StringComparer.Ordinal);

    /// <summary>
    /// The holidays whose statutory date falls in <paramref name="year"/>, in date order. The observed day of
    /// New Year's Day can fall on December 31 of the year before.
    /// </summary>
    public static IReadOnlyList<HolidayDate> For(int year)
    {
        // Any Gregorian year works; the court calendar limits the range it promises.
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);
        var list = new List<HolidayDate>(11)
        {
            Fixed(FederalHoliday.NewYearsDay, new DateOnly(year, 1, 1)),
        };
        if (year >= FirstMartinLutherKingJrYear)
        {
            list.Add(Fixed(FederalHoliday.MartinLutherKingJrBirthday, NthWeekday(year, 1, DayOfWeek.Monday, 3)));
        }

        list.Add(Fixed(FederalHoliday.WashingtonsBirthday, NthWeekday(year, 2, DayOfWeek.Monday, 3)));
        list.Add(Fixed(FederalHoliday.MemorialDay, LastWeekday(year, 5, DayOfWeek.Monday)));
        if (year >= FirstJuneteenthYear)
        {
            list.Add(Fixed(FederalHoliday.JuneteenthNationalIndependenceDay, new DateOnly(year, 6, 19)));
        }

        list.Add(Fixed(FederalHoliday.IndependenceDay, new DateOnly(year, 7, 4)));
        list.Add(Fixed(FederalHoliday.LaborDay, NthWeekday(year, 9, DayOfWeek.Monday, 1)));
        list.Add(Fixed(FederalHoliday.ColumbusDay, NthWeekday(year, 10, DayOfWeek.Monday, 2)));
        list.Add(Fixed(FederalHoliday.VeteransDay, new DateOnly(year, 11, 11)));
        list.Add(Fixed(FederalHoliday.ThanksgivingDay, NthWeekday(year, 11, DayOfWeek.Thursday, 4)));
        list.Add(Fixed(FederalHoliday.ChristmasDay, new DateOnly(year, 12, 25)));
        return list;
    }

    /// <summary>Saturday holidays are observed the Friday before, Sunday ones the Monday after.</summary>
    public static DateOnly ObservedDay(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static HolidayDate Fixed(FederalHoliday holiday, DateOnly date) => new(holiday, date, ObservedDay(date));

    private static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek weekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var back = ((int)last.DayOfWeek - (int)weekday + 7) % 7;
        return last.AddDays(-back);
    }
}
