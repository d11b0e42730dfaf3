using Stayline.Domain.Deadlines;

namespace Stayline.Domain.Tests.Deadlines;

/// <summary>
/// Which rule moves a last day off a weekend or holiday depends on the forum: 8 CFR 1001.1(h) for motions before the
/// immigration court or the Board, 8 CFR 1003.38(b) for Board appeals, FRAP 26(a)(1) for petitions for review.
/// </summary>
public class CountingCitationTests
{
    [Theory]
    [InlineData("bia-appeal", "8 CFR 1003.38(b)")]
    [InlineData("reconsider-ij", "8 CFR 1001.1(h); Monsalvo Velázquez v. Bondi (U.S. 2025)")]
    [InlineData("reconsider-bia", "8 CFR 1001.1(h); Monsalvo Velázquez v. Bondi (U.S. 2025)")]
    [InlineData("mtr-ij", "8 CFR 1001.1(h); Monsalvo Velázquez v. Bondi (U.S. 2025)")]
    [InlineData("mtr-bia", "8 CFR 1001.1(h); Monsalvo Velázquez v. Bondi (U.S. 2025)")]
    [InlineData("mtr-in-absentia", "8 CFR 1001.1(h); Monsalvo Velázquez v. Bondi (U.S. 2025)")]
    [InlineData("pfr", "FRAP 26(a)(1)")]
    public void Get_EachRule_CitesItsRollForwardRule(string ruleId, string counting) =>
        Assert.Equal(counting, DeadlineRules.Get(ruleId).CountingCitation);

    [Fact]
    public void AfterRecordsReceived_CourtOrderMotion_CountedAsAMotionBeforeTheCourt() =>
        Assert.Equal(
            DeadlineRules.MotionCounting,
            DeadlineRules.AfterRecordsReceived("hamama-mtr", 90, "Hamama v. Adducci", "Hamama").CountingCitation);

    [Fact]
    public void BiaAppeal_Trigger_IsMailingOrElectronicNotification()
    {
        var rule = DeadlineRules.BiaAppeal;

        Assert.Contains("notified electronically", rule.TriggerDescription, StringComparison.Ordinal);
        Assert.DoesNotContain("served", rule.TriggerDescription, StringComparison.Ordinal);
    }
}
