using Stayline.Domain.Deadlines;

namespace Stayline.Domain.Tests.Deadlines;

/// <summary>
/// Hand-worked cases for the rules counted in business days (worked from a printed calendar): weekends and legal public
/// holidays are left out; days closed by executive order and Inauguration Day are counted, and the second date is the
/// one the government could claim if they were not.
/// </summary>
public class BusinessDayRuleTests
{
    /// <summary>rule, trigger, due, due if closures are not counted, why.</summary>
    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // eoir43-notice: one business day after the bond order
        { "eoir43-notice", "2025-12-01", "2025-12-02", "2025-12-02", "Monday order: Tuesday" },
        { "eoir43-notice", "2025-12-05", "2025-12-08", "2025-12-08", "Friday order: weekend, Monday" },
        { "eoir43-notice", "2025-12-06", "2025-12-08", "2025-12-08", "Saturday order: Sunday, Monday" },
        { "eoir43-notice", "2025-08-29", "2025-09-02", "2025-09-02", "Friday before Labor Day: weekend, holiday, Tuesday" },
        { "eoir43-notice", "2025-01-17", "2025-01-21", "2025-01-21", "Friday before MLK Day (also Inauguration Day 2025): Tuesday" },
        { "eoir43-notice", "2021-01-15", "2021-01-19", "2021-01-19", "Friday before MLK Day 2021: Tuesday (Inauguration Day is Wednesday)" },
        { "eoir43-notice", "2017-01-19", "2017-01-20", "2017-01-23", "Inauguration Day (Fri) counts; without it Monday" },
        { "eoir43-notice", "2025-12-23", "2025-12-24", "2025-12-29", "Christmas Eve closure counts; without it Christmas, closure, weekend" },
        { "eoir43-notice", "2025-12-24", "2025-12-26", "2025-12-29", "Christmas skipped; Dec 26 closure counts" },
        { "eoir43-notice", "2025-12-31", "2026-01-02", "2026-01-02", "year end: New Year's Day (Thu) skipped" },
        { "eoir43-notice", "2021-12-30", "2022-01-03", "2022-01-03", "New Year's Day 2022 (Sat) observed Fri 2021-12-31; weekend" },
        { "eoir43-notice", "2026-07-02", "2026-07-06", "2026-07-06", "Independence Day 2026 (Sat) observed Fri; weekend" },
        // eoir43-appeal: ten business days after the bond order
        { "eoir43-appeal", "2025-12-01", "2025-12-15", "2025-12-15", "two plain weeks" },
        { "eoir43-appeal", "2025-01-17", "2025-02-03", "2025-02-03", "MLK Day skipped" },
        { "eoir43-appeal", "2025-11-07", "2025-11-24", "2025-11-24", "Veterans Day skipped" },
        { "eoir43-appeal", "2025-11-20", "2025-12-05", "2025-12-05", "Thanksgiving skipped, the Friday after counts" },
        { "eoir43-appeal", "2025-12-19", "2026-01-06", "2026-01-08", "year end: Christmas and New Year's Day skipped; Dec 24 and 26 closures count" },
        { "eoir43-appeal", "2022-12-16", "2023-01-03", "2023-01-03", "year end: Christmas and New Year's Day (Sundays) observed Mondays" },
        { "eoir43-appeal", "2026-06-26", "2026-07-13", "2026-07-13", "Independence Day observed Fri 2026-07-03" },
        { "eoir43-appeal", "2020-12-31", "2021-01-15", "2021-01-15", "New Year's Day (Fri) skipped" },
        // foia-response: 20 working days after receipt
        { "foia-response", "2025-12-01", "2025-12-30", "2026-01-02", "Christmas skipped; Dec 24 and 26 closures count" },
        { "foia-response", "2025-06-02", "2025-07-01", "2025-07-01", "Juneteenth skipped" },
        { "foia-response", "2025-01-03", "2025-02-03", "2025-02-04", "MLK Day skipped; Carter mourning day (Jan 9) counts" },
        { "foia-response", "2024-12-16", "2025-01-15", "2025-01-17", "year end: Christmas, New Year's Day skipped; Dec 24 and Jan 9 closures count" },
        { "foia-response", "2025-10-31", "2025-12-02", "2025-12-02", "Veterans Day and Thanksgiving skipped" },
        { "foia-response", "1984-12-27", "1985-01-25", "1985-01-28", "year end; MLK Day not yet a holiday; Inauguration Day observed Mon 1985-01-21 counts" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_HandWorkedBusinessDayCase_DueAndLongerReadingMatch(string ruleId, string trigger, string due, string longer, string why)
    {
        var result = DeadlineCalculator.Compute(DeadlineRules.Get(ruleId), D(trigger), CourtCalendar.Federal);

        Assert.True(D(due) == result.DueDate, $"{ruleId} {trigger}: expected {due} ({why}), got {result.DueText}");
        Assert.Equal(D(due), result.RawDueDate);
        Assert.Equal(D(longer), result.DueIfClosuresNotCounted);
    }

    [Fact]
    public void Compute_AdminClosureForAllCourts_DoesNotExtendTheGovernmentsTime()
    {
        var closed = CourtCalendar.Create([new CourtClosure(D("2025-12-02"), null, "snowstorm")]);

        var result = DeadlineCalculator.Compute(DeadlineRules.Eoir43Notice, D("2025-12-01"), closed);

        Assert.Equal(D("2025-12-02"), result.DueDate);
    }

    [Fact]
    public void Explanation_FridayBeforeMondayHoliday_NamesSkippedDaysAndSaysHowClosuresCount()
    {
        var result = DeadlineCalculator.Compute(DeadlineRules.Eoir43Notice, D("2025-08-29"), CourtCalendar.Federal);

        Assert.StartsWith("1 business day after the immigration judge's order authorizing release (the bond order) (2025-08-29), not counting that day, is 2025-09-02.", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("Not counted: 2025-08-30 (a Saturday), 2025-08-31 (a Sunday), 2025-09-01 (Labor Day).", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("closed only by executive order", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("protects the client", result.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("Counted although", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Explanation_ClosureByExecutiveOrderInCount_NamesItAndTheLongerDate()
    {
        var result = DeadlineCalculator.Compute(DeadlineRules.Eoir43Appeal, D("2025-12-19"), CourtCalendar.Federal);

        Assert.Contains("Counted although offices were closed: 2025-12-24 (Christmas Eve, closed by executive order), 2025-12-26 (Day after Christmas, closed by executive order).", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("If those days were left out, the last day would be 2026-01-08.", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void FoiaResponse_UnusualCircumstances_TenMoreWorkingDaysExplained()
    {
        // 2025-12-30 plus ten working days: Dec 31, Jan 2, 5, 6, 7, 8, 9, 12, 13, 14 (New Year's Day skipped).
        var result = DeadlineCalculator.Compute(DeadlineRules.FoiaResponse, D("2025-12-01"), CourtCalendar.Federal);

        Assert.Equal(D("2026-01-14"), result.ExtendedDueDate);
        Assert.Contains("ten more working days", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("With it the last day is 2026-01-14 (5 U.S.C. 552(a)(6)(B)(i)).", result.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eoir43-notice", 1, "8 CFR 1003.19(i)(2)")]
    [InlineData("eoir43-appeal", 10, "8 CFR 1003.6(c)(1)")]
    [InlineData("foia-response", 20, "5 U.S.C. 552(a)(6)(A)(i)")]
    public void Get_BusinessDayRule_HasPeriodCitationAndCounting(string ruleId, int days, string citation)
    {
        var rule = DeadlineRules.Get(ruleId);

        Assert.Equal(days, rule.PeriodDays);
        Assert.Equal(citation, rule.Citation);
        Assert.Equal(DeadlineCounting.BusinessDays, rule.Counting);
        Assert.Equal(BusinessDays.Citation, rule.CountingCitation);
    }

    [Fact]
    public void BondAppeal_CountedLikeBiaAppeal_SameForumAndRollForward()
    {
        Assert.Equal(DeadlineRules.BiaAppeal.Forum, DeadlineRules.BondAppeal.Forum);
        Assert.Equal(DeadlineRules.BiaAppeal.CountingCitation, DeadlineRules.BondAppeal.CountingCitation);
        Assert.Null(DeadlineCalculator.Compute(DeadlineRules.BondAppeal, D("2025-11-24"), CourtCalendar.Federal).DueIfClosuresNotCounted);
    }

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
