using System.Collections.Concurrent;
using System.Globalization;
using Stayline.Domain.Common;

namespace Stayline.Domain.Deadlines;

public enum CalendarEntryKind
{
    LegalHoliday,
    ExecutiveOrderClosure,
    CourtClosure,
}

/// <summary>
/// One day a court is closed other than a weekend. <paramref name="Day"/> is the day closed (for a holiday,
/// the observed day); <paramref name="HolidayDate"/> is the statutory date of a holiday.
/// </summary>
public sealed record CalendarEntry(
    DateOnly Day,
    CalendarEntryKind Kind,
    string Name,
    string Source,
    DateOnly? HolidayDate = null,
    CourtId? Court = null);

/// <summary>
/// Court days for one court (or for any court when <see cref="Court"/> is null): not a weekend, not a federal
/// legal holiday on its observed day, not an executive-order closure, not an admin closure that applies.
/// Immutable and so safe to share between threads; the whole range is precomputed as a bitmap (about 5 KB)
/// because deadline recomputation asks <see cref="IsCourtDay"/> millions of times.
/// </summary>
public sealed class CourtCalendar : ICourtCalendar
{
    public const int FirstYear = 1980;
    public const int LastYear = 2100;

    // The bitmap runs a year past LastYear so that a deadline triggered late in 2100 can still be counted.
    private const int LastCountedYear = LastYear + 1;

    private static readonly int FirstDayNumber = new DateOnly(FirstYear, 1, 1).DayNumber;
    private static readonly int DayCount = new DateOnly(LastCountedYear, 12, 31).DayNumber - FirstDayNumber + 1;
    private static readonly CalendarEntry[] FederalEntries = BuildFederalEntries();
    private static readonly ulong[] FederalBits = BuildFederalBits();
    private static readonly Dictionary<DateOnly, Sentence> FederalReasons = BuildReasons(FederalEntries);

    private readonly ulong[] closedBits;
    private readonly CalendarEntry[] adminEntries;
    private readonly Dictionary<DateOnly, Sentence> adminReasons;
    private readonly CourtClosure[] closures;
    private CourtCalendar? board;

    private CourtCalendar(CourtId? court, CalendarEntry[] adminEntries, CourtClosure[] closures)
    {
        Court = court;
        this.closures = closures;
        this.adminEntries = adminEntries;
        adminReasons = BuildReasons(adminEntries);
        if (adminEntries.Length == 0)
        {
            closedBits = FederalBits;
            return;
        }

        closedBits = (ulong[])FederalBits.Clone();
        foreach (var entry in adminEntries)
        {
            SetBit(closedBits, entry.Day);
        }
    }

    /// <summary>Weekends, federal legal holidays and executive-order closures; no admin closures.</summary>
    public static CourtCalendar Federal { get; } = new(null, [], []);

    /// <summary>The first day <see cref="IsCourtDay"/> answers for.</summary>
    public static DateOnly FirstDay => new(FirstYear, 1, 1);

    /// <summary>The last day <see cref="IsCourtDay"/> answers for (one year past <see cref="LastYear"/> for roll-forward).</summary>
    public static DateOnly LastDay => new(LastCountedYear, 12, 31);

    /// <summary>The court this calendar is for; null means only closures for all courts apply.</summary>
    public CourtId? Court { get; }

    /// <summary>
    /// A calendar with admin closures: those for all courts and those for <paramref name="court"/>. Closures for
    /// other courts, and closures outside the supported range, are ignored.
    /// </summary>
    public static CourtCalendar Create(IEnumerable<CourtClosure> closures, CourtId? court = null)
    {
        ArgumentNullException.ThrowIfNull(closures);
        var all = closures.ToArray();
        var entries = all
            .Where(c => c.AppliesTo(court) && c.Date >= FirstDay && c.Date <= LastDay)
            .Select(c => new CalendarEntry(c.Date, CalendarEntryKind.CourtClosure, c.Reason, "admin closure", Court: c.Court))
            .Concat(court == CourtId.Board ? InaugurationDays() : [])
            .OrderBy(e => e.Day)
            .ToArray();
        return new CourtCalendar(court, entries, all);
    }

    /// <summary>
    /// Filings with the Board count the Board's own closed days: Inauguration Day is a legal holiday for federal
    /// employees in the Washington area, Falls Church included (5 U.S.C. 6103(c)). Which immigration court or circuit
    /// a filing goes to is not recorded, so those forums get this calendar (closures for all courts): a closure of one
    /// court can only make its true deadline later than the one shown, never earlier.
    /// </summary>
    public ICourtCalendar For(Forum forum) => forum == Forum.Board ? Board : this;

    /// <summary>The calendar for filings with the Board: this one's closures, the Board's own, and Inauguration Day.</summary>
    public CourtCalendar Board => Court == CourtId.Board ? this : board ??= Create(closures, CourtId.Board);

    /// <summary>
    /// January 20 of each fourth year after 1965; when it falls on a Sunday, the Monday after. On a Saturday there is
    /// no substitute day (5 U.S.C. 6103(c)).
    /// </summary>
    private static IEnumerable<CalendarEntry> InaugurationDays()
    {
        for (var year = 1969; year <= LastCountedYear; year += 4)
        {
            var date = new DateOnly(year, 1, 20);
            var day = date.DayOfWeek == DayOfWeek.Sunday ? date.AddDays(1) : date;
            if (date.DayOfWeek != DayOfWeek.Saturday && day >= FirstDay)
            {
                var name = day == date ? "Inauguration Day" : "Inauguration Day" + FederalHolidays.Observed;
                yield return new CalendarEntry(day, CalendarEntryKind.LegalHoliday, name, "5 U.S.C. 6103(c)", date, CourtId.Board);
            }
        }
    }

    public bool IsCourtDay(DateOnly day)
    {
        var index = (uint)(day.DayNumber - FirstDayNumber);
        if (index >= (uint)DayCount)
        {
            throw OutOfRange(day);
        }

        return (closedBits[index >> 6] & (1UL << (int)(index & 63))) == 0;
    }

    public DateOnly NextCourtDayOnOrAfter(DateOnly day)
    {
        while (!IsCourtDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>Why the court is closed that day, phrased to follow "X is ...", or null on a court day.</summary>
    public string? ReasonClosed(DateOnly day) => ReasonClosedSaid(day)?.ToString();

    /// <summary><see cref="ReasonClosed"/> as a sentence: weekdays and the statute's holidays said in the reader's language,
    /// the names of closures as they were entered.</summary>
    public Sentence? ReasonClosedSaid(DateOnly day)
    {
        if (IsCourtDay(day))
        {
            return null;
        }

        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return day.DayOfWeek == DayOfWeek.Saturday ? Sentence.Of($"a Saturday") : Sentence.Of($"a Sunday");
        }

        return FederalReasons.TryGetValue(day, out var federal) ? federal : adminReasons[day];
    }

    /// <summary>
    /// Holidays and closures of <paramref name="year"/> in date order: every entry whose closed day or statutory
    /// holiday date is in that year (so a New Year's Day observed on December 31 appears in both years).
    /// </summary>
    public IReadOnlyList<CalendarEntry> EntriesFor(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastYear);
        return FederalEntries
            .Concat(adminEntries)
            .Where(e => e.Day.Year == year || e.HolidayDate?.Year == year)
            .Where(e => e.Day >= FirstDay)
            .OrderBy(e => e.Day)
            .ThenBy(e => e.Kind)
            .ToArray();
    }

    internal static ArgumentOutOfRangeException OutOfRange(DateOnly day) => new(
        nameof(day),
        day,
        string.Create(CultureInfo.InvariantCulture, $"The court calendar covers {FirstDay:yyyy-MM-dd} to {LastDay:yyyy-MM-dd}."));

    private static CalendarEntry[] BuildFederalEntries()
    {
        var entries = new List<CalendarEntry>();
        // LastCountedYear + 1: its New Year's Day may be observed on December 31 of the last counted year.
        for (var year = FirstYear; year <= LastCountedYear + 1; year++)
        {
            foreach (var holiday in FederalHolidays.For(year))
            {
                var name = holiday.IsShifted ? holiday.Name + FederalHolidays.Observed : holiday.Name;
                entries.Add(new CalendarEntry(holiday.Observed, CalendarEntryKind.LegalHoliday, name, FederalHolidays.Citation, holiday.Date));
            }
        }

        foreach (var (date, reason) in ExecutiveOrderClosures.All)
        {
            entries.Add(new CalendarEntry(date, CalendarEntryKind.ExecutiveOrderClosure, reason, "executive order"));
        }

        return [.. entries.Where(e => e.Day <= LastDay).OrderBy(e => e.Day)];
    }

    private static ulong[] BuildFederalBits()
    {
        var bits = new ulong[(DayCount + 63) / 64];
        for (var day = FirstDay; day <= LastDay; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                SetBit(bits, day);
            }
        }

        foreach (var entry in FederalEntries)
        {
            if (entry.Day >= FirstDay)
            {
                SetBit(bits, entry.Day);
            }
        }

        return bits;
    }

    private static Dictionary<DateOnly, Sentence> BuildReasons(IEnumerable<CalendarEntry> entries)
    {
        var reasons = new Dictionary<DateOnly, Sentence>();
        foreach (var entry in entries)
        {
            var phrase = entry.Kind switch
            {
                CalendarEntryKind.LegalHoliday => FederalHolidays.Said(entry.Name),
                CalendarEntryKind.CourtClosure when entry.Court is { } court => Sentence.Of($"a closure of {court.Value} ({entry.Name})"),
                CalendarEntryKind.CourtClosure => Sentence.Of($"a closure of all courts ({entry.Name})"),
                _ => Sentence.Of($"a closure ({entry.Name})"),
            };
            reasons[entry.Day] = reasons.TryGetValue(entry.Day, out var earlier) ? Sentence.Of($"{earlier} and {phrase}") : phrase;
        }

        return reasons;
    }

    private static void SetBit(ulong[] bits, DateOnly day)
    {
        var index = day.DayNumber - FirstDayNumber;
        bits[index >> 6] |= 1UL << (index & 63);
    }
}

/// <summary>Calendars per court built from one list of admin closures, created once per court and shared.</summary>
public sealed class CourtCalendars(IEnumerable<CourtClosure> closures)
{
    private readonly CourtClosure[] closures = [.. closures];
    private readonly ConcurrentDictionary<CourtId, CourtCalendar> byCourt = new();
    private CourtCalendar? allCourts;

    public IReadOnlyList<CourtClosure> Closures => closures;

    public CourtCalendar For(CourtId? court) => court is { } id
        ? byCourt.GetOrAdd(id, static (key, list) => CourtCalendar.Create(list, key), closures)
        : allCourts ??= CourtCalendar.Create(closures);
}
