using Stayline.Domain.Deadlines;
using Stayline.Domain.Matters;

namespace Stayline.Domain.Tests.Matters;

/// <summary>
/// DHS's automatic stay of a release order, worked by hand on the federal calendar (5 U.S.C. 6103):
/// order Fri 2027-01-15; Mon 01-18 is Martin Luther King Jr. Day, so Form EOIR-43 is due Tue 2027-01-19 (one business day,
/// 8 CFR 1003.19(i)(2)) and the notice of appeal Mon 2027-02-01 (ten business days: 01-19..01-22, 01-25..01-29, 02-01;
/// 1003.6(c)(1)). A notice of appeal of Fri 2027-01-29 limits the stay to 90 days: it lapses Thu 2027-04-29 (1003.6(c)(4));
/// with 21 days of briefing extension at the detainee's request, Thu 2027-05-20.
/// </summary>
public class BondCaseTests
{
    private static readonly DateOnly Today = new(2027, 12, 31);
    private static readonly DateOnly Order = new(2027, 1, 15);

    private static BondCase Case(string? eoir43 = null, string? appeal = null, int extension = 0, DhsCustodyDecision dhs = DhsCustodyDecision.NoBond,
        decimal? dhsAmount = null, BondDecision decision = BondDecision.BondSet, BoardBondOutcome board = BoardBondOutcome.Pending, string? boardOn = null)
    {
        var (c, errors) = BondCase.Create(1, new BondCaseInput(dhs, dhsAmount, new DateOnly(2027, 1, 4), decision, Order, decision == BondDecision.BondSet ? 7_500m : null,
            null, eoir43 is null ? null : DateOnly.Parse(eoir43), appeal is null ? null : DateOnly.Parse(appeal), extension, board,
            boardOn is null ? null : DateOnly.Parse(boardOn)), Today);
        Assert.Empty(errors);
        return c!;
    }

    private static BondState On(BondCase c, string day) => c.Evaluate(DateOnly.Parse(day), CourtCalendar.Federal);

    [Theory]
    // No EOIR-43 yet: the day after the order DHS may still file; the day after the due day, no stay.
    [InlineData(null, null, 0, "2027-01-19", false, null, "by the end of 2027-01-19")]
    [InlineData(null, null, 0, "2027-01-20", false, null, "No automatic stay: DHS filed no Form EOIR-43 by 2027-01-19")]
    // A notice one day late (the holiday does not count, the next day does) gives no stay.
    [InlineData("2027-01-20", null, 0, "2027-01-21", false, null, "came after 2027-01-19")]
    // In time: stayed, but only until the appeal day unless DHS appeals.
    [InlineData("2027-01-19", null, 0, "2027-01-20", true, "2027-02-02", "unless DHS files its notice of appeal by 2027-02-01")]
    [InlineData("2027-01-19", null, 0, "2027-02-02", false, null, "lapsed after 2027-02-01")]
    [InlineData("2027-01-19", "2027-02-02", 0, "2027-02-03", false, null, "lapsed after 2027-02-01")]
    // Appealed in time: the 90-day limit, extended by the detainee's briefing extension.
    [InlineData("2027-01-19", "2027-01-29", 0, "2027-03-01", true, "2027-04-29", "lapses on 2027-04-29")]
    [InlineData("2027-01-19", "2027-01-29", 0, "2027-04-29", false, null, "lapsed on 2027-04-29, 90 days after")]
    [InlineData("2027-01-19", "2027-01-29", 21, "2027-04-29", true, "2027-05-20", "lapses on 2027-05-20 (with 21 days of briefing extension")]
    public void Evaluate_AutomaticStay(string? eoir43, string? appeal, int extension, string asOf, bool stayed, string? lapses, string says)
    {
        var state = On(Case(eoir43, appeal, extension), asOf);
        Assert.Equal((stayed, lapses is null ? (DateOnly?)null : DateOnly.Parse(lapses)), (state.ReleaseStayed, state.StayLapsesOn));
        Assert.Contains(says, state.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DhsBondUnderTenThousand_CannotBeStayedAutomatically()
    {
        var state = On(Case("2027-01-19", "2027-01-29", dhs: DhsCustodyDecision.BondSet, dhsAmount: 5_000m), "2027-02-10");
        Assert.False(state.ReleaseStayed);
        Assert.Contains("cannot stay the release automatically", state.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BoardDecided_StayEndsWithTheAppeal()
    {
        var state = On(Case("2027-01-19", "2027-01-29", board: BoardBondOutcome.ReleaseUpheld, boardOn: "2027-03-10"), "2027-03-11");
        Assert.False(state.ReleaseStayed);
        Assert.Contains("release upheld", state.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Denied_BondAppealRollsPastSundayAndWashingtonsBirthday()
    {
        // 2027-01-15 + 30 = Sun 02-14; Mon 02-15 is Washington's Birthday: Tue 2027-02-16.
        var state = On(Case(decision: BondDecision.Denied), "2027-01-20");
        var line = Assert.Single(state.Lines);
        Assert.Equal((new DateOnly(2027, 2, 16), "open"), (line.Day!.Value, line.State));
    }

    [Fact]
    public void Evaluate_OrderOnNewYearsEve_NoticeDueTheNextMonday()
    {
        // Thu 2026-12-31; Fri 2027-01-01 is New Year's Day: Form EOIR-43 due Mon 2027-01-04.
        var (c, _) = BondCase.Create(1, new BondCaseInput(DhsCustodyDecision.NoBond, null, new DateOnly(2026, 12, 20), BondDecision.ReleasedOnRecognizance,
            new DateOnly(2026, 12, 31)), Today);
        Assert.Equal(new DateOnly(2027, 1, 4), Assert.Single(c!.Evaluate(new DateOnly(2027, 1, 2), CourtCalendar.Federal).Lines).Day);
    }

    [Theory]
    [InlineData(DhsCustodyDecision.BondSet, null, BondDecision.Pending, null, "DhsAmount")]
    [InlineData(DhsCustodyDecision.NoBond, null, BondDecision.BondSet, null, "Amount")]
    [InlineData(DhsCustodyDecision.NoBond, null, BondDecision.Denied, 5000.0, "Amount")]
    public void Create_AmountsMustMatchTheDecisions(DhsCustodyDecision dhs, double? dhsAmount, BondDecision decision, double? amount, string field)
    {
        var (c, errors) = BondCase.Create(1, new BondCaseInput(dhs, (decimal?)dhsAmount, new DateOnly(2027, 1, 4), decision,
            decision == BondDecision.Pending ? null : Order, (decimal?)amount), Today);
        Assert.Null(c);
        Assert.Equal(field, Assert.Single(errors).Field);
    }
}
