using Stayline.Domain.Custody;
using Stayline.Domain.Deadlines;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using static Stayline.Domain.Tests.Protection.Facts;
using static Stayline.Domain.Tests.Protection.TestCourtCalendar;

namespace Stayline.Domain.Tests.Deadlines;

/// <summary>
/// Hand-worked rows the deadlines board and reminders get from the clocks: the habeas return (28 U.S.C. 2243, counted under
/// Fed. R. Civ. P. 6(a)), each bond case's dates, and the detention clocks. Only rows of these rules are compared.
/// </summary>
public class ClockDeadlinesTests
{
    private static readonly HashSet<string> ClockRules =
    [
        "habeas-return", "eoir43-notice", "eoir43-appeal", "bond-appeal", BondCase.StayLapseRuleId,
        "removal-period", "zadvydas", "custody-review-90", "custody-review-hq", "custody-review-annual",
    ];

    private static string Rows(ProtectionFacts facts, string asOf)
    {
        var output = new List<DerivedDeadline>();
        PersonDeadlines.Derive(facts, [], D(asOf), CourtCalendar.Federal, output);
        return string.Join("; ", output.Where(d => ClockRules.Contains(d.RuleId)).Select(d => $"{d.RuleId} {d.TriggerDate:yyyy-MM-dd}>{d.DueDate:yyyy-MM-dd} {d.State}"));
    }

    private static ProtectionFacts Habeas(string filed, string? osc, string? courtDate = null, MatterStatus status = MatterStatus.Pending, string? decided = null) =>
        APerson().With(Filed(1, MatterKind.HabeasPetition, filed) with
        {
            Status = status,
            DecidedOn = decided is null ? null : D(decided),
            ShowCauseOrderedOn = osc is null ? null : D(osc),
            ReturnDueOn = courtDate is null ? null : D(courtDate),
        });

    public static TheoryData<string, ProtectionFacts, string, string> HabeasCases => new()
    {
        // Mon 2026-03-02 + 3 = Thu 2026-03-05: every day counts (Rule 6(a)(1)(B)), no move.
        { "weekday", Habeas("2026-03-02", "2026-03-02"), "2026-03-02", "habeas-return 2026-03-02>2026-03-05 Open" },
        // Wed 2026-03-04 + 3 = Sat 03-07: on to Mon 2026-03-09 (Rule 6(a)(1)(C)).
        { "ends on a Saturday", Habeas("2026-03-04", "2026-03-04"), "2026-03-05", "habeas-return 2026-03-04>2026-03-09 Open" },
        // Fri 2026-01-16 + 3 = Mon 01-19, Martin Luther King Jr. Day: on to Tue 2026-01-20 (Rule 6(a)(6)(A)).
        { "ends on a federal holiday", Habeas("2026-01-15", "2026-01-16"), "2026-01-16", "habeas-return 2026-01-16>2026-01-20 Open" },
        // Tue 2026-06-16 + 3 = Fri 06-19, Juneteenth: Sat, Sun: Mon 2026-06-22.
        { "Juneteenth then a weekend", Habeas("2026-06-16", "2026-06-16"), "2026-06-16", "habeas-return 2026-06-16>2026-06-22 Open" },
        // Tue 2026-12-29 + 3 = Fri 2027-01-01, New Year's Day: Sat, Sun: Mon 2027-01-04 (year end).
        { "year end", Habeas("2026-12-28", "2026-12-29"), "2026-12-30", "habeas-return 2026-12-29>2027-01-04 Open" },
        // The court allowed twenty days: its date governs (Mon 2026-03-23), not counted.
        { "court's date", Habeas("2026-03-02", "2026-03-03", "2026-03-23"), "2026-03-10", "habeas-return 2026-03-03>2026-03-23 Open" },
        // The court's date is kept even on a Saturday (a date the order names, not a period to count).
        { "court's date on a Saturday", Habeas("2026-03-02", "2026-03-03", "2026-03-28"), "2026-03-10", "habeas-return 2026-03-03>2026-03-28 Open" },
        { "day passed", Habeas("2026-03-02", "2026-03-02"), "2026-03-06", "habeas-return 2026-03-02>2026-03-05 Reached" },
        { "no order to show cause yet", Habeas("2026-03-02", null), "2026-03-06", "" },
        { "order to show cause after the day asked", Habeas("2026-03-02", "2026-03-09"), "2026-03-06", "" },
        { "petition granted", Habeas("2026-03-02", "2026-03-02", status: MatterStatus.Granted, decided: "2026-03-04"), "2026-03-04", "" },
    };

    [Theory]
    [MemberData(nameof(HabeasCases))]
    public void Derive_HabeasReturn_HandWorked(string why, ProtectionFacts facts, string asOf, string expected) =>
        Assert.True(expected == Rows(facts, asOf), $"{why}: expected [{expected}], got [{Rows(facts, asOf)}]");

    private static ProtectionFacts Bond(BondCaseInput bond) => APerson() with { Bonds = [bond] };

    private static BondCaseInput Released(string decided, string? eoir43 = null, string? appeal = null, BoardBondOutcome board = BoardBondOutcome.Pending,
        string? boardOn = null) =>
        new(DhsCustodyDecision.NoBond, null, D(decided), BondDecision.BondSet, D(decided), 5_000m, null, eoir43 is null ? null : D(eoir43),
            appeal is null ? null : D(appeal), 0, board, boardOn is null ? null : D(boardOn));

    public static TheoryData<string, ProtectionFacts, string, string> BondCases => new()
    {
        // Bond order Fri 2026-09-04; Mon 09-07 is Labor Day: the one business day is Tue 2026-09-08. Ten business days:
        // 8, 9, 10, 11, 14, 15, 16, 17, 18, 21: Mon 2026-09-21.
        { "EOIR-43 on a Friday before a Monday holiday", Bond(Released("2026-09-04")), "2026-09-04",
            "eoir43-notice 2026-09-04>2026-09-08 Open" },
        { "EOIR-43 filed in time, appeal open", Bond(Released("2026-09-04", "2026-09-08")), "2026-09-10",
            "eoir43-notice 2026-09-04>2026-09-08 Met; eoir43-appeal 2026-09-04>2026-09-21 Open" },
        { "no EOIR-43 by its day", Bond(Released("2026-09-04")), "2026-09-09", "eoir43-notice 2026-09-04>2026-09-08 Reached" },
        // Year end: order Wed 2026-12-30: notice Thu 12-31; ten business days skipping New Year's Day and the weekends:
        // 12-31, 1-4, 5, 6, 7, 8, 11, 12, 13, 14: Thu 2027-01-14.
        { "year end", Bond(Released("2026-12-30", "2026-12-31")), "2026-12-31",
            "eoir43-notice 2026-12-30>2026-12-31 Met; eoir43-appeal 2026-12-30>2027-01-14 Open" },
        // DHS appealed Thu 2026-09-10: the stay lapses 90 calendar days later, Wed 2026-12-09, unless the Board decides.
        { "stay lapse counted from DHS's appeal", Bond(Released("2026-09-04", "2026-09-08", "2026-09-10")), "2026-09-11",
            "eoir43-notice 2026-09-04>2026-09-08 Met; eoir43-appeal 2026-09-04>2026-09-21 Met; bond-stay-lapse 2026-09-10>2026-12-09 Open" },
        { "stay lapsed", Bond(Released("2026-09-04", "2026-09-08", "2026-09-10")), "2026-12-09",
            "eoir43-notice 2026-09-04>2026-09-08 Met; eoir43-appeal 2026-09-04>2026-09-21 Met; bond-stay-lapse 2026-09-10>2026-12-09 Reached" },
        // The Board decided: the lapse day no longer applies (shown for the record, never as a day to act on).
        { "Board decided", Bond(Released("2026-09-04", "2026-09-08", "2026-09-10", BoardBondOutcome.ReleaseUpheld, "2026-10-01")), "2026-10-02",
            "eoir43-notice 2026-09-04>2026-09-08 Met; eoir43-appeal 2026-09-04>2026-09-21 Met; bond-stay-lapse 2026-09-10>2026-12-09 NotApplicable" },
        // Bond denied Fri 2026-12-04: the detainee's Board appeal, 30 days = Sun 2027-01-03: Mon 2027-01-04.
        { "bond denied at year end", Bond(new(DhsCustodyDecision.NoBond, null, D("2026-12-01"), BondDecision.Denied, D("2026-12-04"))), "2026-12-04",
            "bond-appeal 2026-12-04>2027-01-04 Open" },
        { "pending", Bond(new(DhsCustodyDecision.NoBond, null, D("2026-12-01"))), "2026-12-04", "" },
    };

    [Theory]
    [MemberData(nameof(BondCases))]
    public void Derive_BondCase_HandWorked(string why, ProtectionFacts facts, string asOf, string expected) =>
        Assert.True(expected == Rows(facts, asOf), $"{why}: expected [{expected}], got [{Rows(facts, asOf)}]");

    public static TheoryData<string, ProtectionFacts, string, string> DetentionCases => new()
    {
        // Appeal waived Tue 2026-05-26, detained since 2026-05-01: + 90 = Mon 2026-08-24; six months = Thu 2026-11-26,
        // Thanksgiving, and it stays there (a period of detention is not moved off a holiday); HQ review + 3 months of
        // the first = Tue 2026-11-24; yearly one 2027-11-24.
        { "Zadvydas on Thanksgiving", APerson().WithOrder(1, "2026-05-26", appeal: AppealRight.Waived).On(PersonEventKind.Arrested, "2026-05-01"), "2026-11-20",
            "removal-period 2026-05-26>2026-08-24 Reached; zadvydas 2026-05-26>2026-11-26 Open; custody-review-90 2026-05-26>2026-08-24 Reached; "
            + "custody-review-hq 2026-08-24>2026-11-24 Open; custody-review-annual 2026-11-24>2027-11-24 Open" },
        // Appeal reserved, decision Tue 2025-11-25, final Mon 2025-12-29: + 90 = Sun 2026-03-29 (a weekend day, kept; year end crossed).
        { "removal period across the year end, on a Sunday", APerson().WithOrder(1, "2025-11-25", appeal: AppealRight.Reserved).On(PersonEventKind.Arrested, "2025-10-01"), "2026-01-15",
            "removal-period 2025-12-29>2026-03-29 Open; zadvydas 2025-12-29>2026-06-29 Open; custody-review-90 2025-12-29>2026-03-29 Open; "
            + "custody-review-hq 2026-03-29>2026-06-29 Open; custody-review-annual 2026-06-29>2027-06-29 Open" },
        // Re-detained long after the order: the six months and the first review count from the new detention.
        { "re-detained years later", APerson().WithOrder(1, "1998-03-12", appeal: AppealRight.Unknown).On(PersonEventKind.Arrested, "2017-06-11"), "2017-09-01",
            "removal-period 1998-03-12>1998-06-10 Reached; zadvydas 2017-06-11>2017-12-11 Open; custody-review-90 2017-06-11>2017-09-09 Open; "
            + "custody-review-hq 2017-09-09>2017-12-09 Open; custody-review-annual 2017-12-09>2018-12-09 Open" },
        // Held 2016-02-01 to 2016-03-03 after the order of 2016-01-04 (32 days): the board's row carries the earlier day,
        // 2017-12-11 less 32 = 2017-11-09, from the same trigger.
        { "earlier post-order custody", APerson().WithOrder(1, "2016-01-04", appeal: AppealRight.Waived).On(PersonEventKind.Arrested, "2016-02-01")
            .On(PersonEventKind.Released, "2016-03-03").On(PersonEventKind.Arrested, "2017-06-11"), "2017-09-01",
            "removal-period 2016-01-04>2016-04-03 Reached; zadvydas 2017-06-11>2017-11-09 Open; custody-review-90 2017-06-11>2017-09-09 Open; "
            + "custody-review-hq 2017-09-09>2017-12-09 Open; custody-review-annual 2017-12-09>2018-12-09 Open" },
        { "released: no clocks", APerson().WithOrder(1, "2019-01-15", appeal: AppealRight.Waived).On(PersonEventKind.Arrested, "2019-01-10")
            .On(PersonEventKind.Released, "2019-03-01"), "2019-04-01", "" },
    };

    [Theory]
    [MemberData(nameof(DetentionCases))]
    public void Derive_DetentionClocks_HandWorked(string why, ProtectionFacts facts, string asOf, string expected) =>
        Assert.True(expected == Rows(facts, asOf), $"{why}: expected [{expected}], got [{Rows(facts, asOf)}]");

    [Fact]
    public void Explain_ZadvydasWithEarlierCustody_SaysWhyTheDayIsEarlier()
    {
        Assert.True(ClockDeadlines.TryGet("zadvydas", out var rule));
        Assert.Contains("reached on 2017-11-09, earlier than 2017-12-11 because days held in earlier custody", rule.Explain(D("2017-06-11"), D("2017-11-09")),
            StringComparison.Ordinal);
        Assert.DoesNotContain("earlier than", rule.Explain(D("2017-06-11"), D("2017-12-11")), StringComparison.Ordinal);
    }

    [Fact]
    public void TryGet_EveryClockRowRule_HasWordsAndTheCitationTheRowCarries()
    {
        var output = new List<DerivedDeadline>();
        var detained = APerson().WithOrder(1, "2026-05-26", appeal: AppealRight.Waived).On(PersonEventKind.Arrested, "2026-05-01");
        PersonDeadlines.Derive(detained with { Bonds = [Released("2026-09-04", "2026-09-08", "2026-09-10")] }, [], D("2026-09-11"), CourtCalendar.Federal, output);
        foreach (var row in output.Where(d => !DeadlineRules.TryGet(d.RuleId, out _) && d.RuleId != PersonDeadlines.ClassMotionRuleId))
        {
            Assert.True(ClockDeadlines.TryGet(row.RuleId, out var rule), row.RuleId);
            Assert.Equal(rule.Citation, row.Citation);
            Assert.Contains(row.DueDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), rule.Explain(row.TriggerDate!.Value, row.DueDate.Value),
                StringComparison.Ordinal);
        }
    }
}
