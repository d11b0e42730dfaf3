using System.Globalization;
using Stayline.Domain.Common;

namespace Stayline.Domain.Matching;

/// <summary>
/// A birth date as a source wrote it: maybe only a year, maybe ambiguous between month-first and
/// day-first (03/04/1980), maybe the 1 January placeholder that officials use when the day is unknown.
/// An ambiguous date keeps both readings; the comparer accepts either.
/// </summary>
public readonly record struct BirthDate
{
    private BirthDate(int year, int month, int day, int altMonth, int altDay)
    {
        Year = year;
        Month = month;
        Day = day;
        AltMonth = altMonth;
        AltDay = altDay;
    }

    /// <summary>0 when unknown.</summary>
    public int Year { get; }

    /// <summary>0 when only the year is known.</summary>
    public int Month { get; }

    public int Day { get; }

    /// <summary>The other reading of an ambiguous numeric date, or 0.</summary>
    public int AltMonth { get; }

    public int AltDay { get; }

    public static BirthDate Missing => default;

    public bool IsMissing => Year == 0;

    public bool IsYearOnly => Year != 0 && Month == 0;

    public bool IsAmbiguous => AltMonth != 0;

    /// <summary>1 January is what a form gets when nobody knew the day (and sometimes the month).</summary>
    public bool IsPlaceholder => Month == 1 && Day == 1;

    public static BirthDate Exact(int year, int month, int day) => new(year, month, day, 0, 0);

    public static BirthDate YearOnly(int year) => new(year, 0, 0, 0, 0);

    public override string ToString()
    {
        if (IsMissing)
        {
            return string.Empty;
        }

        if (IsYearOnly)
        {
            return Year.ToString("D4", CultureInfo.InvariantCulture);
        }

        var main = string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}");
        return IsAmbiguous ? string.Create(CultureInfo.InvariantCulture, $"{main} or {Year:D4}-{AltMonth:D2}-{AltDay:D2}") : main;
    }

    /// <summary>
    /// Reads yyyy-mm-dd, mm/dd/yyyy, dd/mm/yyyy (also with '.' or '-' between parts), yyyy-mm, or yyyy.
    /// Empty text is a missing date, not an error.
    /// </summary>
    public static bool TryParse(string? text, out BirthDate value, out string? error)
    {
        var ok = TryParse(text, BirthDateLabel, out value, out var sentence);
        error = sentence?.ToString();
        return ok;
    }

    private static readonly Sentence BirthDateLabel = Sentence.Of($"Birth date");

    /// <summary>As <see cref="TryParse(string?, out BirthDate, out string?)"/>, the error naming the date as
    /// <paramref name="what"/> ("Birth date", "Date") and kept as a sentence to be said in the reader's language.</summary>
    public static bool TryParse(string? text, Sentence what, out BirthDate value, out Sentence? error)
    {
        value = Missing;
        error = null;
        var s = text.AsSpan().Trim();
        if (s.IsEmpty)
        {
            return true;
        }

        Span<int> parts = stackalloc int[3];
        Span<int> widths = stackalloc int[3];
        var count = 0;
        var pos = 0;
        while (pos < s.Length)
        {
            var start = pos;
            while (pos < s.Length && char.IsAsciiDigit(s[pos]))
            {
                pos++;
            }

            if (pos == start || pos - start > 4 || count == 3)
            {
                error = Sentence.Of($"{what} \"{text}\" is not a date; expected yyyy-mm-dd, mm/dd/yyyy or dd/mm/yyyy.");
                return false;
            }

            parts[count] = int.Parse(s[start..pos], NumberStyles.None, CultureInfo.InvariantCulture);
            widths[count] = pos - start;
            count++;
            if (pos < s.Length)
            {
                if (s[pos] is not ('-' or '/' or '.'))
                {
                    error = Sentence.Of($"{what} \"{text}\" contains \"{s[pos]}\"; expected yyyy-mm-dd, mm/dd/yyyy or dd/mm/yyyy.");
                    return false;
                }

                pos++;
            }
        }

        if (count == 1 && widths[0] == 4)
        {
            return Build(text, what, parts[0], 0, 0, 0, 0, out value, out error);
        }

        if (count == 2 && widths[0] == 4)
        {
            return Build(text, what, parts[0], parts[1], 0, 0, 0, out value, out error);
        }

        if (count == 3 && widths[0] == 4)
        {
            return Build(text, what, parts[0], parts[1], parts[2], 0, 0, out value, out error);
        }

        if (count == 3 && widths[2] == 4)
        {
            var (a, b, year) = (parts[0], parts[1], parts[2]);
            if (a > 12 && b <= 12)
            {
                return Build(text, what, year, b, a, 0, 0, out value, out error);
            }

            if (b > 12 || a == b)
            {
                return Build(text, what, year, a, b, 0, 0, out value, out error);
            }

            // Both readings are valid dates: keep month-first as the main reading (US forms), day-first as the other.
            return Build(text, what, year, a, b, b, a, out value, out error);
        }

        error = Sentence.Of($"{what} \"{text}\" is not a date; expected yyyy-mm-dd, mm/dd/yyyy or dd/mm/yyyy.");
        return false;
    }

    private static bool Build(string? text, Sentence what, int year, int month, int day, int altMonth, int altDay, out BirthDate value, out Sentence? error)
    {
        value = Missing;
        if (year is < 1880 or > 2200)
        {
            error = Sentence.Of($"{what} \"{text}\" has year {year}; expected a four-digit year.");
            return false;
        }

        if (month == 0 && day == 0)
        {
            // yyyy, or yyyy-00-00 as some exports write an unknown day and month.
            error = null;
            value = new BirthDate(year, 0, 0, 0, 0);
            return true;
        }

        if (month is < 1 or > 12 || (day != 0 && day > DateTime.DaysInMonth(year, month)))
        {
            error = Sentence.Of($"{what} \"{text}\" is not a calendar date.");
            return false;
        }

        if (day == 0)
        {
            // Month known, day not: keep the year only; a month alone rarely survives re-typing anyway.
            error = null;
            value = new BirthDate(year, 0, 0, 0, 0);
            return true;
        }

        error = null;
        value = new BirthDate(year, month, day, altMonth, altDay);
        return true;
    }

    /// <summary>Compares two birth dates; see <see cref="BirthDateLevel"/>.</summary>
    public static BirthDateLevel Compare(BirthDate a, BirthDate b)
    {
        if (a.IsMissing || b.IsMissing)
        {
            return BirthDateLevel.Missing;
        }

        if (a.IsYearOnly || b.IsYearOnly)
        {
            return a.Year == b.Year ? BirthDateLevel.YearOnly : BirthDateLevel.Different;
        }

        // Up to two readings each (an ambiguous date); the best agreement wins. No allocation: this runs per candidate pair.
        var best = CompareReadings(a.Year, a.Month, a.Day, b.Year, b.Month, b.Day);
        if (b.IsAmbiguous)
        {
            best = Min(best, CompareReadings(a.Year, a.Month, a.Day, b.Year, b.AltMonth, b.AltDay));
        }

        if (a.IsAmbiguous)
        {
            best = Min(best, CompareReadings(a.Year, a.AltMonth, a.AltDay, b.Year, b.Month, b.Day));
            if (b.IsAmbiguous)
            {
                best = Min(best, CompareReadings(a.Year, a.AltMonth, a.AltDay, b.Year, b.AltMonth, b.AltDay));
            }
        }

        return best;
    }

    private static BirthDateLevel Min(BirthDateLevel x, BirthDateLevel y) => x < y ? x : y;

    private static BirthDateLevel CompareReadings(int ay, int am, int ad, int by, int bm, int bd)
    {
        var aPlaceholder = am == 1 && ad == 1;
        var bPlaceholder = bm == 1 && bd == 1;
        if (ay == by && am == bm && ad == bd)
        {
            // Two 1 January dates agree on the year only: the day was invented twice.
            return aPlaceholder ? BirthDateLevel.Placeholder : BirthDateLevel.Exact;
        }

        if (ay == by && am == bd && ad == bm)
        {
            return BirthDateLevel.DayMonthSwapped;
        }

        if (ay == by && (aPlaceholder || bPlaceholder))
        {
            return BirthDateLevel.Placeholder;
        }

        // Exactly one part typed wrong: one digit or one unit off (1971-06-24 / 1971-05-24, 1976 / 1977).
        var differing = (ay != by ? 1 : 0) + (am != bm ? 1 : 0) + (ad != bd ? 1 : 0);
        if (differing == 1 && !aPlaceholder && !bPlaceholder)
        {
            var (x, y) = ay != by ? (ay, by) : am != bm ? (am, bm) : (ad, bd);
            if (Typo(x, y))
            {
                return BirthDateLevel.Close;
            }
        }

        if (ay == by)
        {
            return BirthDateLevel.SameYear;
        }

        // Two parts each typed wrong (1977-09-13 / 1976-09-15): its own level, whose weight the data decides
        // (expectation maximisation), rather than counting as unrelated dates.
        if (differing == 2 && !aPlaceholder && !bPlaceholder && Typo(ay, by) && (am == bm ? Typo(ad, bd) : ad == bd && Typo(am, bm)))
        {
            return BirthDateLevel.TwoPartsClose;
        }

        return BirthDateLevel.Different;
    }

    private static bool Typo(int x, int y) => Math.Abs(x - y) == 1 || OneDigitApart(x, y) || DigitsTransposed(x, y);

    /// <summary>Two adjacent digits swapped: 1980 / 1908, 1975 / 1957, day 12 / 21.</summary>
    private static bool DigitsTransposed(int x, int y)
    {
        Span<int> dx = stackalloc int[4];
        Span<int> dy = stackalloc int[4];
        for (var i = 0; i < 4; i++)
        {
            dx[i] = x % 10;
            dy[i] = y % 10;
            x /= 10;
            y /= 10;
        }

        for (var i = 0; i < 3; i++)
        {
            if (dx[i] != dy[i])
            {
                // The first difference from the right must be a swap with its left neighbour, and the rest equal.
                if (dx[i] != dy[i + 1] || dx[i + 1] != dy[i])
                {
                    return false;
                }

                for (var k = i + 2; k < 4; k++)
                {
                    if (dx[k] != dy[k])
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        return false;
    }

    private static bool OneDigitApart(int x, int y)
    {
        var differing = 0;
        for (var i = 0; i < 4; i++)
        {
            if (x % 10 != y % 10)
            {
                differing++;
            }

            x /= 10;
            y /= 10;
        }

        return differing == 1;
    }
}

/// <summary>Agreement levels of two birth dates, strongest first.</summary>
public enum BirthDateLevel
{
    Exact,
    DayMonthSwapped,
    /// <summary>Same year and one side (or both) is 1 January.</summary>
    Placeholder,
    /// <summary>Same year; one side knows only the year.</summary>
    YearOnly,
    /// <summary>One of year, month, day is one off, has one digit mistyped or two adjacent digits swapped (1975 / 1957); the others agree.</summary>
    Close,
    /// <summary>Same year; both full dates, month and day disagree.</summary>
    SameYear,
    /// <summary>The year and one other part each one off, one digit mistyped or two digits swapped; the third part agrees.</summary>
    TwoPartsClose,
    Different,
    Missing,
}
