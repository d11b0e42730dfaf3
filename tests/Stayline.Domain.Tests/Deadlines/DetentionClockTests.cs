using Stayline.Domain.Custody;
using Stayline.Domain.Deadlines;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using static Stayline.Domain.Tests.Protection.Facts;
using static Stayline.Domain.Tests.Protection.TestCourtCalendar;

namespace Stayline.Domain.Tests.Deadlines;

/// <summary>Hand-worked detention clocks (calendar days and months, no move off weekends: periods of detention).</summary>
public class DetentionClockTests
{
    private static string Clocks(ProtectionFacts facts, string asOf) => string.Join("; ",
        DetentionClocks.For(facts, D(asOf), CourtCalendar.Federal).Select(c => $"{c.Id} {c.Date:yyyy-MM-dd} {c.State}"));

    public static TheoryData<string, ProtectionFacts, string, string> Cases => new()
    {
        // 1998-03-12 + 90 = 1998-06-10. Re-detained 2017-06-11: + 6 months = 2017-12-11; first review 90 days after
        // detention began (the removal period long over) = 2017-09-09; + 3 months = 2017-12-09; + 1 year = 2018-12-09.
        { "old order, re-detained years later", APerson().WithOrder(1, "1998-03-12", appeal: AppealRight.Unknown).On(PersonEventKind.Arrested, "2017-06-11"), "2017-09-01",
            "removal-period 1998-06-10 Reached; zadvydas 2017-12-11 Ahead; custody-review-90 2017-09-09 Ahead; custody-review-hq 2017-12-09 Ahead; custody-review-annual 2018-12-09 Ahead" },
        // Appeal reserved, not taken: decision Tue 2025-11-25, final Mon 2025-12-29 (appeal time ran to the Christmas closures).
        // + 90 = 2026-03-29 (year end crossed); + 6 months = 2026-06-29; the first review by the end of the removal period.
        { "appeal reserved, detained before the order", APerson().WithOrder(1, "2025-11-25", appeal: AppealRight.Reserved).On(PersonEventKind.Arrested, "2025-10-01"), "2026-01-15",
            "removal-period 2026-03-29 Ahead; zadvydas 2026-06-29 Ahead; custody-review-90 2026-03-29 Ahead; custody-review-hq 2026-06-29 Ahead; custody-review-annual 2027-06-29 Ahead" },
        // Board dismissed the appeal Fri 2019-05-31: + 90 = 2019-08-29; + 6 months = 2019-11-30 (no November 31).
        { "Board dismissed the appeal", APerson().WithOrder(1, "2019-01-15", appeal: AppealRight.Reserved).On(PersonEventKind.Arrested, "2019-01-10")
            .With(Filed(2, MatterKind.BiaAppeal, "2019-02-01").Denied("2019-05-31")), "2019-09-01",
            "removal-period 2019-08-29 Reached; zadvydas 2019-11-30 Ahead; custody-review-90 2019-08-29 Reached; custody-review-hq 2019-11-29 Ahead; custody-review-annual 2020-11-29 Ahead" },
        // In absentia: final on entry 2024-02-29 (leap day): + 90 = 2024-05-29; + 6 months = 2024-08-29.
        { "in absentia, leap day", APerson().WithOrder(1, "2024-02-29", inAbsentia: true).On(PersonEventKind.Arrested, "2024-02-29"), "2024-05-29",
            "removal-period 2024-05-29 Reached; zadvydas 2024-08-29 Ahead; custody-review-90 2024-05-29 Reached; custody-review-hq 2024-08-29 Ahead; custody-review-annual 2025-08-29 Ahead" },
        // Earlier custody after the same order counts (protective reading): held 2015-12-20 to 2016-01-10 across the order of
        // 2016-01-04 (7 days after it: Jan 4-10), and 2016-02-01 to 2016-03-03 (29 + 3 = 32 days, 2016 a leap year): 39 days.
        // Re-detained 2017-06-11: 2017-12-11 less 39 days = 2017-11-02. Custody before the order (2015) does not count.
        { "earlier post-order custody counts", APerson().WithOrder(1, "2016-01-04", appeal: AppealRight.Waived)
            .On(PersonEventKind.Arrested, "2015-12-20").On(PersonEventKind.Released, "2016-01-10")
            .On(PersonEventKind.Arrested, "2016-02-01").On(PersonEventKind.Released, "2016-03-03").On(PersonEventKind.Arrested, "2017-06-11"), "2017-09-01",
            "removal-period 2016-04-03 Reached; zadvydas 2017-11-02 Ahead; custody-review-90 2017-09-09 Ahead; custody-review-hq 2017-12-09 Ahead; custody-review-annual 2018-12-09 Ahead" },
        // Custody only before the order: nothing to subtract. Order 2016-01-04 waived; held 2015-10-01 to 2015-12-01.
        { "pre-order custody does not count", APerson().WithOrder(1, "2016-01-04", appeal: AppealRight.Waived)
            .On(PersonEventKind.Arrested, "2015-10-01").On(PersonEventKind.Released, "2015-12-01").On(PersonEventKind.Arrested, "2017-06-11"), "2017-09-01",
            "removal-period 2016-04-03 Reached; zadvydas 2017-12-11 Ahead; custody-review-90 2017-09-09 Ahead; custody-review-hq 2017-12-09 Ahead; custody-review-annual 2018-12-09 Ahead" },
        { "released", APerson().WithOrder(1, "2019-01-15", appeal: AppealRight.Waived).On(PersonEventKind.Arrested, "2019-01-10").On(PersonEventKind.Released, "2019-03-01"), "2019-04-01", "" },
        { "Board appeal pending: no final order", APerson().WithOrder(1, "2019-01-15", appeal: AppealRight.Reserved).On(PersonEventKind.Arrested, "2019-01-10")
            .With(Filed(2, MatterKind.BiaAppeal, "2019-02-01")), "2019-04-01", "" },
        { "motion to reopen granted: no final order", APerson().WithOrder(1, "2019-01-15", appeal: AppealRight.Waived).On(PersonEventKind.Arrested, "2019-01-10")
            .With(Filed(2, MatterKind.MotionToReopenIj, "2019-02-01").Granted("2019-03-01")), "2019-04-01", "" },
        { "no order: pre-order detention", APerson().On(PersonEventKind.Arrested, "2019-01-10"), "2019-04-01", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void For_HandWorkedCase_DatesAndStates(string why, ProtectionFacts facts, string asOf, string expected)
    {
        Assert.True(expected == Clocks(facts, asOf), $"{why}: expected [{expected}], got [{Clocks(facts, asOf)}]");
    }

    [Fact]
    public void For_EarlierPostOrderCustody_ExplainsTheCountedDaysAndTheLaterReading()
    {
        var zadvydas = DetentionClocks.For(APerson().WithOrder(1, "2016-01-04", appeal: AppealRight.Waived)
            .On(PersonEventKind.Arrested, "2016-02-01").On(PersonEventKind.Released, "2016-03-03").On(PersonEventKind.Arrested, "2017-06-11"),
            D("2017-09-01"), CourtCalendar.Federal).Single(c => c.Id == "zadvydas");

        Assert.Equal(D("2017-11-09"), zadvydas.Date); // 2017-12-11 less 32 days
        Assert.Contains("detained 32 days after the same order", zadvydas.Explanation, StringComparison.Ordinal);
        Assert.Contains("not 2017-12-11", zadvydas.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void For_UnrecordedAppealRight_ExplainsTheEarlierReadingAndCitesEachClock()
    {
        var clocks = DetentionClocks.For(APerson().WithOrder(1, "1998-03-12", appeal: AppealRight.Unknown).On(PersonEventKind.Arrested, "2017-06-11"),
            D("2017-09-01"), CourtCalendar.Federal);

        Assert.Contains("the earlier reading", clocks[0].Explanation, StringComparison.Ordinal);
        Assert.Equal(["INA 241(a)(1)(A),(B), 241(a)(2), 241(a)(6)", "Zadvydas v. Davis, 533 U.S. 678 (2001); 8 CFR 241.13", "8 CFR 241.4(k)(1)",
            "8 CFR 241.4(k)(2)(ii)", "8 CFR 241.4(k)(2)(iii)"], clocks.Select(c => c.Citation));
    }
}
