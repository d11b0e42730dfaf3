namespace Stayline.Domain.Deadlines;

/// <summary>
/// "Business days" (8 CFR 1003.6(c), 1003.19(i)(2)) and FOIA's "working days" (5 U.S.C. 552(a)(6)(A)(i): "excepting
/// Saturdays, Sundays, and legal public holidays"): every day that is not a Saturday, a Sunday or a legal public
/// holiday of 5 U.S.C. 6103(a) on its observed day (6103(b)).
/// These periods bind the government, and the client gains when they run out (an automatic stay of release lapses,
/// a FOIA request may go to court). So days the government was closed only by executive order, Inauguration Day
/// (a holiday only in the Washington area, 6103(c)) and a court's own closures are counted as business days: the
/// reading that gives the government the shorter time. The explanation names every such day and the date the
/// government could claim without it, so counsel can judge whether to rely on the earlier one.
/// </summary>
public static class BusinessDays
{
    public const string Citation = "5 U.S.C. 6103(a),(b)";

    private static readonly int FirstDayNumber = CourtCalendar.FirstDay.DayNumber;
    private static readonly int DayCount = CourtCalendar.LastDay.DayNumber - FirstDayNumber + 1;
    private static readonly Dictionary<DateOnly, string> Holidays = BuildHolidays();
    private static readonly ulong[] ClosedBits = BuildBits();

    // Counted[i]: business days among the first i days of the range. The n-th business day after a trigger is then a
    // binary search instead of a walk: a bulk run of FOIA periods costs about what calendar-day rules cost.
    private static readonly int[] Counted = BuildCounts();

    /// <summary>False on Saturdays, Sundays and the observed day of a legal public holiday; true on every other day.</summary>
    public static bool IsBusinessDay(DateOnly day)
    {
        var index = (uint)(day.DayNumber - FirstDayNumber);
        if (index >= (uint)DayCount)
        {
            throw CourtCalendar.OutOfRange(day);
        }

        return (ClosedBits[index >> 6] & (1UL << (int)(index & 63))) == 0;
    }

    /// <summary>The <paramref name="days"/>-th business day after <paramref name="trigger"/> (the trigger day itself never counts).</summary>
    public static DateOnly After(DateOnly trigger, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var t = trigger.DayNumber - FirstDayNumber;
        if ((uint)t >= (uint)DayCount)
        {
            throw CourtCalendar.OutOfRange(trigger);
        }

        // Smallest k > t + 1 with Counted[k] reaching the target; the day is k - 1, always a business day.
        var target = Counted[t + 1] + days;
        // n business days never span more than 2n + 30 calendar days (weekends plus the longest run of holidays).
        int lo = t + 2, hi = Math.Min(Counted.Length - 1, t + 2 + (2 * days) + 30);
        if (Counted[hi] < target)
        {
            throw CourtCalendar.OutOfRange(trigger);
        }

        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (Counted[mid] >= target)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return DateOnly.FromDayNumber(FirstDayNumber + lo - 1);
    }

    /// <summary>
    /// The same count when days closed by executive order and Inauguration Day are left out too: the date the
    /// government could argue for. Equal to <see cref="After(DateOnly, int)"/> when no such day falls in the count.
    /// </summary>
    public static DateOnly AfterLeavingOutClosures(DateOnly trigger, int days)
    {
        var board = CourtCalendar.Federal.Board;
        return After(trigger, days, day => IsBusinessDay(day) && board.IsCourtDay(day));
    }

    /// <summary>Why <paramref name="day"/> is not a business day ("a Saturday", "Christmas Day"), or null when it is one.</summary>
    public static string? ReasonNotBusinessDay(DateOnly day)
    {
        if (IsBusinessDay(day))
        {
            return null;
        }

        return day.DayOfWeek switch
        {
            DayOfWeek.Saturday => "a Saturday",
            DayOfWeek.Sunday => "a Sunday",
            _ => Holidays[day],
        };
    }

    /// <summary>Why a business day was a closure the government could claim (executive order, Inauguration Day), or null.</summary>
    public static string? ClosureCountedAnyway(DateOnly day)
    {
        if (!IsBusinessDay(day) || CourtCalendar.Federal.Board.IsCourtDay(day))
        {
            return null;
        }

        foreach (var (date, reason) in ExecutiveOrderClosures.All)
        {
            if (date == day)
            {
                return reason;
            }
        }

        return CourtCalendar.Federal.Board.ReasonClosed(day);
    }

    private static DateOnly After(DateOnly trigger, int days, Func<DateOnly, bool> counts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var day = trigger;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (counts(day))
            {
                counted++;
            }
        }

        return day;
    }

    private static int[] BuildCounts()
    {
        var counts = new int[DayCount + 1];
        for (var i = 0; i < DayCount; i++)
        {
            counts[i + 1] = counts[i] + ((ClosedBits[i >> 6] & (1UL << (i & 63))) == 0 ? 1 : 0);
        }

        return counts;
    }

    private static Dictionary<DateOnly, string> BuildHolidays()
    {
        var holidays = new Dictionary<DateOnly, string>();
        // One year either side: New Year's Day of the next year may be observed on December 31.
        for (var year = CourtCalendar.FirstYear; year <= CourtCalendar.LastDay.Year + 1; year++)
        {
            foreach (var holiday in FederalHolidays.For(year))
            {
                if (holiday.Observed >= CourtCalendar.FirstDay && holiday.Observed <= CourtCalendar.LastDay)
                {
                    holidays[holiday.Observed] = holiday.IsShifted ? holiday.Name + " (observed)" : holiday.Name;
                }
            }
        }

        return holidays;
    }

    private static ulong[] BuildBits()
    {
        var bits = new ulong[(DayCount + 63) / 64];
        for (var day = CourtCalendar.FirstDay; day <= CourtCalendar.LastDay; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || Holidays.ContainsKey(day))
            {
                var index = day.DayNumber - FirstDayNumber;
                bits[index >> 6] |= 1UL << (index & 63);
            }
        }

        return bits;
    }
}
