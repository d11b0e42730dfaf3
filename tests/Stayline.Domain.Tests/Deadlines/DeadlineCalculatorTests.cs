using Stayline.Domain.Deadlines;

namespace Stayline.Domain.Tests.Deadlines;

public class DeadlineCalculatorTests
{
    private static readonly CourtCalendar Calendar = CourtCalendar.Federal;

    public static TheoryData<string, string, string, string, string> Cases => RuleCases.All;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_HandWorkedCase_RawAndDueDatesMatch(string ruleId, string trigger, string raw, string due, string why)
    {
        var result = DeadlineCalculator.Compute(DeadlineRules.Get(ruleId), D(trigger), Calendar);

        Assert.Equal(DeadlineOutcome.Due, result.Outcome);
        Assert.Equal(D(trigger), result.TriggerDate);
        Assert.Equal(D(raw), result.RawDueDate);
        Assert.True(D(due) == result.DueDate, $"{ruleId} {trigger}: expected {due} ({why}), got {result.DueText}");
        Assert.Equal(due, result.DueText);
    }

    [Theory]
    [InlineData("bia-appeal", "2024-02-29", "2024-04-01")] // Mar 30 is a Saturday
    [InlineData("mtr-ij", "2024-02-29", "2024-05-29")]
    [InlineData("mtr-in-absentia", "2100-12-31", "2101-06-29")] // the last supported trigger still counts
    public void Compute_TriggerOnEdgeDay_CountsCalendarDays(string ruleId, string trigger, string due)
    {
        Assert.Equal(D(due), DeadlineCalculator.Compute(DeadlineRules.Get(ruleId), D(trigger), Calendar).DueDate);
    }

    [Theory]
    [InlineData("bia-appeal", 30, "8 CFR 1003.38(b),(c)")]
    [InlineData("reconsider-ij", 30, "8 CFR 1003.23(b)(1)")]
    [InlineData("reconsider-bia", 30, "8 CFR 1003.2(b)(2)")]
    [InlineData("mtr-ij", 90, "8 CFR 1003.23(b)(1); INA 240(c)(7)(C)(i)")]
    [InlineData("mtr-bia", 90, "8 CFR 1003.2(c)(2)")]
    [InlineData("mtr-in-absentia", 180, "8 CFR 1003.23(b)(4)(ii); INA 240(b)(5)(C)(i)")]
    [InlineData("pfr", 30, "8 U.S.C. 1252(b)(1),(2); FRAP 26(a)")]
    [InlineData("bond-appeal", 30, "8 CFR 1003.19(f); 1003.38(b),(c); 1236.1(d)(3)")]
    public void Get_EachRule_HasPeriodCitationAndExplanation(string ruleId, int days, string citation)
    {
        var rule = DeadlineRules.Get(ruleId);

        Assert.Equal(days, rule.PeriodDays);
        Assert.Equal(citation, rule.Citation);
        Assert.Equal(DeadlineCounting.CalendarDaysNextCourtDay, rule.Counting);
        Assert.False(string.IsNullOrWhiteSpace(rule.Explanation));
        Assert.Single(rule.TriggerEvents);
    }

    [Fact]
    public void All_ListsTwelveRulesInTableOrder() => Assert.Equal(
        ["bia-appeal", "reconsider-ij", "reconsider-bia", "mtr-ij", "mtr-bia", "mtr-in-absentia", "pfr", "bond-appeal", "eoir43-notice", "eoir43-appeal", "foia-response",
            "habeas-return"],
        DeadlineRules.Ids);

    [Theory]
    [InlineData("mtr")]
    [InlineData("MTR-IJ")]
    [InlineData("")]
    public void Get_UnknownRule_ThrowsNamingValidRules(string id)
    {
        var error = Assert.Throws<KeyNotFoundException>(() => DeadlineRules.Get(id));
        Assert.Contains("mtr-in-absentia", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryGet_Span_FindsRuleWithoutString()
    {
        Assert.True(DeadlineRules.TryGet("x,pfr,y".AsSpan(2, 3), out var rule));
        Assert.Same(DeadlineRules.Pfr, rule);
        Assert.False(DeadlineRules.TryGet("pf".AsSpan(), out _));
    }

    [Fact]
    public void Explanation_RawDateOnWeekend_NamesEachSkippedDay()
    {
        var result = DeadlineCalculator.Compute(DeadlineRules.MtrIj, D("2025-09-28"), Calendar);

        Assert.EndsWith(
            "(2025-09-28), not counting that day, is 2025-12-27. 2025-12-27 is a Saturday; 2025-12-28 is a Sunday; next court day 2025-12-29.",
            result.Explanation,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Explanation_RawDateOnObservedHoliday_NamesHoliday()
    {
        var result = DeadlineCalculator.Compute(DeadlineRules.Pfr, D("2026-06-03"), Calendar);

        Assert.Contains(
            "2026-07-03 is Independence Day (observed); 2026-07-04 is a Saturday; 2026-07-05 is a Sunday; next court day 2026-07-06.",
            result.Explanation,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Explanation_RawDateOnClosure_NamesClosure()
    {
        var result = DeadlineCalculator.Compute(DeadlineRules.BiaAppeal, D("2025-11-24"), Calendar);

        Assert.Contains("2025-12-24 is a closure (Christmas Eve, closed by executive order); 2025-12-25 is Christmas Day;", result.Explanation, StringComparison.Ordinal);
        Assert.Equal(D("2025-12-29"), result.DueDate);
    }

    [Fact]
    public void Explanation_RawDateIsCourtDay_SaysSo()
    {
        var result = DeadlineCalculator.Compute(DeadlineRules.BiaAppeal, D("2024-12-01"), Calendar);

        Assert.EndsWith("is 2024-12-31, a court day.", result.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mtr-ij", "changed-country-conditions", "8 CFR 1003.23(b)(4)(i)")]
    [InlineData("mtr-ij", "joint-motion", "8 CFR 1003.23(b)(4)(iv)")]
    [InlineData("mtr-bia", "changed-country-conditions", "8 CFR 1003.2(c)(3)(ii)")]
    [InlineData("mtr-bia", "joint-motion", "8 CFR 1003.2(c)(3)(iii)")]
    [InlineData("mtr-in-absentia", "lack-of-notice", "8 CFR 1003.23(b)(4)(ii); INA 240(b)(5)(C)(ii)")]
    [InlineData("mtr-in-absentia", "in-custody", "8 CFR 1003.23(b)(4)(ii); INA 240(b)(5)(C)(ii)")]
    public void NoTimeLimit_Exemption_HasNoDateAndCitesExemption(string ruleId, string exemptionId, string citation)
    {
        var result = DeadlineCalculator.NoTimeLimit(DeadlineRules.Get(ruleId), exemptionId, D("2020-01-15"));

        Assert.Equal(DeadlineOutcome.NoTimeLimit, result.Outcome);
        Assert.Null(result.DueDate);
        Assert.Null(result.RawDueDate);
        Assert.Equal("no time limit", result.DueText);
        Assert.Equal(citation, result.Citation);
        Assert.StartsWith("No time limit: ", result.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bia-appeal", "joint-motion")]
    [InlineData("pfr", "changed-country-conditions")]
    [InlineData("mtr-ij", "in-custody")]
    public void NoTimeLimit_ExemptionNotInRule_Throws(string ruleId, string exemptionId)
    {
        Assert.Throws<ArgumentException>(() => DeadlineCalculator.NoTimeLimit(DeadlineRules.Get(ruleId), exemptionId));
    }

    [Theory]
    [InlineData("2017-10-02", "2017-11-15")]
    [InlineData("2017-11-15", "2017-10-02")]
    public void ComputeFromEvents_BothRecordsReceived_CountsFromLaterReceipt(string aFile, string rop)
    {
        var rule = DeadlineRules.AfterRecordsReceived("hamama-mtr", 90, "Hamama v. Adducci (E.D. Mich.)", "the Hamama order");

        var result = DeadlineCalculator.ComputeFromEvents(rule, [D(aFile), D(rop)], Calendar);

        Assert.Equal(DeadlineOutcome.Due, result.Outcome);
        Assert.Equal(D("2017-11-15"), result.TriggerDate);
        Assert.Equal(D("2018-02-13"), result.DueDate);
        Assert.Equal("Hamama v. Adducci (E.D. Mich.)", result.Citation);
    }

    [Theory]
    [InlineData("2017-10-02", null, "record of proceedings received")]
    [InlineData(null, "2017-10-02", "A-file received")]
    [InlineData(null, null, "A-file received and record of proceedings received")]
    public void ComputeFromEvents_RecordMissing_NotYetTriggeredWithoutDate(string? aFile, string? rop, string waitingFor)
    {
        var rule = DeadlineRules.AfterRecordsReceived("hamama-mtr", 90, "Hamama v. Adducci (E.D. Mich.)", "the Hamama order");

        var result = DeadlineCalculator.ComputeFromEvents(rule, [N(aFile), N(rop)], Calendar);

        Assert.Equal(DeadlineOutcome.NotYetTriggered, result.Outcome);
        Assert.Null(result.TriggerDate);
        Assert.Null(result.DueDate);
        Assert.Equal("not yet triggered", result.DueText);
        Assert.Contains("waiting for " + waitingFor + ".", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputeFromEvents_WrongNumberOfDates_Throws()
    {
        var rule = DeadlineRules.AfterRecordsReceived("hamama-mtr", 90, "Hamama v. Adducci (E.D. Mich.)", "the Hamama order");

        Assert.Throws<ArgumentException>(() => DeadlineCalculator.ComputeFromEvents(rule, [D("2017-10-02")], Calendar));
    }

    [Theory]
    [InlineData("1979-12-31")]
    [InlineData("2101-01-01")]
    public void Compute_TriggerOutsideSupportedYears_Throws(string trigger)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineCalculator.Compute(DeadlineRules.Pfr, D(trigger), Calendar));
    }

    [Fact]
    public void Compute_AdminClosureForThisCourt_MovesDueDate()
    {
        var detroit = new CourtId("EOIR-Detroit");
        var closures = new CourtCalendars([new CourtClosure(D("2026-02-02"), detroit, "snowstorm")]);

        // pfr from 2026-01-03: day 30 is Monday 2026-02-02.
        var inDetroit = DeadlineCalculator.Compute(DeadlineRules.Pfr, D("2026-01-03"), closures.For(new CourtId("eoir-detroit")));
        var elsewhere = DeadlineCalculator.Compute(DeadlineRules.Pfr, D("2026-01-03"), closures.For(new CourtId("ca6")));

        Assert.Equal(D("2026-02-03"), inDetroit.DueDate);
        Assert.Contains("2026-02-02 is a closure of eoir-detroit (snowstorm)", inDetroit.Explanation, StringComparison.Ordinal);
        Assert.Equal(D("2026-02-02"), elsewhere.DueDate);
    }

    [Fact]
    public void DueDates_Bulk_MatchesComputeOneByOne()
    {
        DateOnly[] triggers = [D("2025-09-28"), D("2026-04-04"), D("2021-10-02"), D("1999-12-01")];
        var due = new DateOnly[triggers.Length];

        DeadlineCalculator.DueDates(DeadlineRules.MtrIj, triggers, due, Calendar);

        Assert.Equal([D("2025-12-29"), D("2026-07-06"), D("2022-01-03"), D("2000-02-29")], due);
    }

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd");

    private static DateOnly? N(string? text) => text is null ? null : D(text);
}
