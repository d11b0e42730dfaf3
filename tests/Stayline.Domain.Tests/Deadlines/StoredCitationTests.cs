using Stayline.Domain.Deadlines;

namespace Stayline.Domain.Tests.Deadlines;

/// <summary>A derived row stores an empty citation when it is its rule's own, and reading it gives the rule's back.</summary>
public class StoredCitationTests
{
    public static TheoryData<string, string> CatalogueRules()
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in DeadlineRules.All)
        {
            data.Add(rule.Id, rule.Citation);
        }

        foreach (var clock in ClockDeadlines.All.Where(c => !DeadlineRules.TryGet(c.Id, out _)))
        {
            data.Add(clock.Id, clock.Citation);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CatalogueRules))]
    public void StoredCitation_RulesOwnCitation_IsEmptyAndReadsBackWhole(string ruleId, string citation)
    {
        // Never empty in the catalogue, so an empty stored citation can only mean "the rule's".
        Assert.NotEqual("", citation);

        var stored = PersonDeadlines.StoredCitation(ruleId, citation);

        Assert.Equal("", stored);
        Assert.Equal(citation, PersonDeadlines.CitationOf(ruleId, stored));
    }

    [Theory]
    [InlineData("mtr-ij", "from finality")]
    [InlineData("habeas-return", "court set")]
    [InlineData("class-mtr", "Hamama v. Adducci, (E.D. Mich. order of 2017-07-24: Preliminary injunction)")]
    [InlineData("manual", "8 CFR 1003.38(b)")]
    public void StoredCitation_OtherCitations_AreStoredWhole(string ruleId, string kind)
    {
        var citation = kind switch
        {
            "from finality" => PersonDeadlines.FromFinality(DeadlineRules.Get(ruleId)),
            "court set" => ClockDeadlines.CourtSetCitation,
            _ => kind,
        };

        var stored = PersonDeadlines.StoredCitation(ruleId, citation);

        Assert.Equal(citation, stored);
        Assert.Equal(citation, PersonDeadlines.CitationOf(ruleId, stored));
    }

    [Fact]
    public void CitationOf_EmptyCitationOfARuleNotInTheCatalogue_StaysEmpty() =>
        Assert.Equal("", PersonDeadlines.CitationOf("class-mtr", ""));
}
