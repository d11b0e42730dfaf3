using Stayline.Domain.Deadlines;

namespace Stayline.Domain.Tests.Deadlines;

/// <summary>
/// Every trigger from 1980 to 2100 with every rule, checked against an oracle built independently of the
/// calendar's bitmap: weekends, observed holidays from <see cref="FederalHolidays"/>, and the closure list.
/// </summary>
public class DeadlinePropertyTests
{
    [Fact]
    public void DueDate_EveryTriggerAndRule_IsFirstCourtDayOnOrAfterTriggerPlusPeriod()
    {
        var closed = ClosedDays([]);
        var failures = CheckAll(CourtCalendar.Federal, forum => forum == Forum.Board ? WithInaugurations(closed) : closed);

        Assert.Empty(failures);
    }

    [Fact]
    public void DueDate_WithRandomAdminClosures_NeverLandsOnClosure()
    {
        var random = new Random(20170611);
        var first = new DateOnly(1980, 1, 1).DayNumber;
        var last = new DateOnly(2100, 12, 31).DayNumber;
        var closures = Enumerable.Range(0, 2000)
            .Select(_ => new CourtClosure(DateOnly.FromDayNumber(random.Next(first, last)), new CourtId("ca6"), "test closure"))
            .ToArray();
        var calendar = CourtCalendar.Create(closures, new CourtId("ca6"));

        // The closures are the sixth circuit's: Board filings see only the federal days and Inauguration Day.
        var ca6 = ClosedDays(closures.Select(c => c.Date));
        var failures = CheckAll(calendar, forum => forum == Forum.Board ? WithInaugurations(ClosedDays([])) : ca6);

        Assert.Empty(failures);
    }

    [Fact]
    public void DueDate_BusinessDayRules_CountExactlyThePeriodInBusinessDaysWhateverTheAdminClosures()
    {
        // Oracle: weekends and observed legal public holidays only; closures by executive order and admin closures count.
        var holidays = new HashSet<DateOnly>();
        for (var year = 1980; year <= 2102; year++)
        {
            holidays.UnionWith(FederalHolidays.For(year).Select(h => h.Observed));
        }

        var closedEverywhere = CourtCalendar.Create(ExecutiveOrderClosures.All.Select(c => new CourtClosure(c.Date.AddDays(1), null, "test")));
        var failures = new List<string>();
        for (var trigger = DeadlineCalculator.FirstTrigger; trigger <= DeadlineCalculator.LastTrigger; trigger = trigger.AddDays(1))
        {
            foreach (var rule in DeadlineRules.All.Where(r => r.Counting == DeadlineCounting.BusinessDays))
            {
                var due = DeadlineCalculator.DueDate(rule, trigger, closedEverywhere);
                var counted = 0;
                for (var day = trigger.AddDays(1); day <= due; day = day.AddDays(1))
                {
                    if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day))
                    {
                        counted++;
                    }
                }

                var lastIsBusinessDay = due.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(due);
                if ((counted != rule.PeriodDays || !lastIsBusinessDay) && failures.Count < 20)
                {
                    failures.Add($"{rule.Id} {trigger:yyyy-MM-dd} -> {due:yyyy-MM-dd} ({counted} business days)");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void ClosedDays_Oracle_SeesTheHandPickedHolidays()
    {
        // Guards the oracle itself: if it saw no holidays the properties above would prove little.
        var closed = ClosedDays([]);

        Assert.Contains(new DateOnly(2021, 12, 31), closed);
        Assert.Contains(new DateOnly(2025, 12, 26), closed);
        Assert.DoesNotContain(new DateOnly(2025, 12, 29), closed);
    }

    private static List<string> CheckAll(CourtCalendar calendar, Func<Forum, HashSet<DateOnly>> closedIn)
    {
        var failures = new List<string>();
        for (var trigger = DeadlineCalculator.FirstTrigger; trigger <= DeadlineCalculator.LastTrigger; trigger = trigger.AddDays(1))
        {
            foreach (var rule in DeadlineRules.All.Where(r => r.Counting == DeadlineCounting.CalendarDaysNextCourtDay))
            {
                var closed = closedIn(rule.Forum);
                var due = DeadlineCalculator.DueDate(rule, trigger, calendar);
                var raw = trigger.AddDays(rule.PeriodDays);
                var ok = due >= raw && !IsClosed(due, closed);
                for (var day = raw; ok && day < due; day = day.AddDays(1))
                {
                    ok = IsClosed(day, closed);
                }

                if (!ok && failures.Count < 20)
                {
                    failures.Add($"{rule.Id} {trigger:yyyy-MM-dd} -> {due:yyyy-MM-dd}");
                }
            }
        }

        return failures;
    }

    private static bool IsClosed(DateOnly day, HashSet<DateOnly> closed) =>
        day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || closed.Contains(day);

    /// <summary>5 U.S.C. 6103(c): January 20 after each presidential election year (1981, 1985...), a Sunday moved to Monday, a Saturday dropped.</summary>
    private static HashSet<DateOnly> WithInaugurations(HashSet<DateOnly> closed)
    {
        var board = new HashSet<DateOnly>(closed);
        for (var year = 1981; year <= 2101; year += 4)
        {
            var day = new DateOnly(year, 1, 20);
            if (day.DayOfWeek != DayOfWeek.Saturday)
            {
                board.Add(day.DayOfWeek == DayOfWeek.Sunday ? day.AddDays(1) : day);
            }
        }

        return board;
    }

    private static HashSet<DateOnly> ClosedDays(IEnumerable<DateOnly> adminClosures)
    {
        var closed = new HashSet<DateOnly>(adminClosures);
        for (var year = 1980; year <= 2102; year++)
        {
            closed.UnionWith(FederalHolidays.For(year).Select(h => h.Observed));
        }

        closed.UnionWith(ExecutiveOrderClosures.All.Select(c => c.Date));
        return closed;
    }
}
