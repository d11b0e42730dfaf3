using Stayline.Domain.Matching;

namespace Stayline.Domain.Tests.Matching;

/// <summary>
/// Session 18's name forms: an Abd compound compared by the name it serves (and its "abd" never read as the digraph
/// dh or dj), and the Latvian -s a Russian name takes in a Latvian record. Each with hard negatives: brothers sharing
/// family and father's names, namesakes with different birth dates (the record pairs are in <see cref="NamingChainTests.Pairs"/>).
/// </summary>
public class NameFormsTests
{
    [Theory]
    // The d of "abd" and the h or j that begins the served name are two letters, not ذ (dh) or the j of dj.
    [InlineData("Abdul Hussein Hamama", "عبد الحسين حمامة", NameLevel.Exact)]
    [InlineData("Abdul Jabbar Al-Jaburi", "عبد الجبار الجبوري", NameLevel.Exact)]
    [InlineData("Abdulhussein Yousif Hamama", "Abd al-Husayn Yousif Hamama", NameLevel.Strong)]
    // Latvian: Sergey -> Sergejs, Lavrov -> Lavrovs, Dmitry -> Dmitrijs, Medvedev -> Medvedevs.
    [InlineData("Sergejs Lavrovs", "Sergey Lavrov", NameLevel.Strong)]
    [InlineData("Dmitrijs Medvedevs", "Dmitry Medvedev", NameLevel.Good)]
    public void NameLevelOf_OneNameInTwoForms(string a, string b, NameLevel expected)
    {
        Assert.Equal(expected, MatchModel.NameLevelOf(NamingChainTests.Chain(a, b)));
        Assert.Equal(expected, MatchModel.NameLevelOf(NamingChainTests.Chain(b, a)));
    }

    [Theory]
    [InlineData("Sergejs Lavrovs", "Sergey Viktorovich LAVROV")]
    [InlineData("Dmitrijs Medvedevs", "Dmitriy Anatolyevich Medvedev")]
    [InlineData("Aleksejs Ivanovs", "Aleksey Ivanov")]
    // What the Abd rule must keep: one name in its spellings, and Abdullah (too short a served name to compare alone).
    [InlineData("Abdul Karim Hamama", "Abdelkarim Hamama")]
    [InlineData("Abdul Kareem Hamama", "عبد الكريم حمامة")]
    [InlineData("Abdullah Ali", "عبدالله علي")]
    public void Similarity_OneNameInTwoForms_AtLeastMatchThreshold(string a, string b)
    {
        var score = NameComparer.Similarity(a, b);
        Assert.True(score >= NameComparer.MatchThreshold, $"{a} ~ {b}: {score:0.000}");
    }

    [Theory]
    // Brothers: the same father and family, given names that are Abd compounds of different names.
    [InlineData("Abdul Hussein Yousif Hamama", "Abdul Hassan Yousif Hamama")]
    [InlineData("Abdul Hadi Yousif Hamama", "Abdul Hamid Yousif Hamama")]
    [InlineData("Abdul Hakim Ali Al-Jaburi", "Abdul Halim Ali Al-Jaburi")]
    [InlineData("Abdul Karim Ali Al-Jaburi", "Abdul Rahim Ali Al-Jaburi")]
    // Brothers in Latvian and Russian forms: the same patronymic and family, two given names.
    [InlineData("Aleksejs Viktorovich Lavrovs", "Sergey Viktorovich Lavrov")]
    [InlineData("Andrejs Ivanovs", "Sergey Ivanov")]
    public void Similarity_Brothers_BelowMatchThresholdAndConflicting(string a, string b)
    {
        var c = NamingChainTests.Chain(a, b);
        Assert.True(c.Score < NameComparer.MatchThreshold, $"{a} ~ {b}: {c}");
        Assert.Equal(NameLevel.Conflicting, MatchModel.NameLevelOf(c));
    }

    [Fact]
    public void Similarity_EnglishSurnameFromAGivenName_NotRaisedByTheLatvianEnding()
    {
        // Williams is "son of William" in English: only the shapes of a Russian name take the Latvian reading.
        Assert.True(NameComparer.Similarity("Robert Williams", "Robert William") < 0.95);
        Assert.True(NameComparer.Similarity("Adam Roberts", "Adam Robert") < 0.95);
    }
}
