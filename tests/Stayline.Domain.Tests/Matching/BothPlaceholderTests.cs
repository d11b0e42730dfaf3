using Stayline.Domain.Matching;

namespace Stayline.Domain.Tests.Matching;

/// <summary>
/// Issue 13, session 16: two 1 January dates of the same year are their own birth-date level, weighed apart from a
/// placeholder on one side only, and never a reason to link relatives.
/// </summary>
public class BothPlaceholderTests
{
    private static PersonRecord P(string given, string family, string dob)
    {
        BirthDate.TryParse(dob, out var date, out _);
        return new PersonRecord($"{given} {dob}", given, family, date, null, "");
    }

    private static MatchPair Score(PersonRecord a, PersonRecord b) => Linker.Score(a, b, MatchModel.Default);

    [Fact]
    public void Score_SamePlaceholderOnBoth_WeighsMoreThanAPlaceholderOnOneSide()
    {
        var listed = P("Ali", "Al-Jaburi", "1965-01-01");

        var both = Score(listed, P("Ali Gorgis", "Al-Jaburi", "1965-01-01"));
        var oneSide = Score(listed, P("Ali Gorgis", "Al-Jaburi", "1965-08-14"));

        Assert.Equal(BirthDateLevel.BothPlaceholder, both.Evidence.BirthDateLevel);
        Assert.Equal(BirthDateLevel.Placeholder, oneSide.Evidence.BirthDateLevel);
        Assert.True(both.Evidence.BirthDateWeight > oneSide.Evidence.BirthDateWeight + 1, $"{both.Evidence.BirthDateWeight} / {oneSide.Evidence.BirthDateWeight}");
        Assert.True(both.Score > oneSide.Score, $"{both.Score} / {oneSide.Score}");
    }

    /// <summary>Hard negatives with the same placeholder (or one a year off): relatives stay apart.</summary>
    [Theory]
    [InlineData("Hassan Gorgis", "1965-01-01")] // brother: same family and father's name, same placeholder
    [InlineData("Gorgis bin Ali", "1965-01-01")] // bin/ibn order: the father's and the son's names the other way round
    [InlineData("Ali", "1966-01-01")] // namesake born another year, both 1 January
    public void Score_RelativeWithAPlaceholder_IsNotTheSamePerson(string given, string dob)
    {
        var pair = Score(P(given == "Gorgis bin Ali" ? "Ali bin Gorgis" : "Ali Gorgis", "Al-Jaburi", "1965-01-01"), P(given, "Al-Jaburi", dob));

        Assert.Equal(MatchDecision.Different, pair.Decision);
    }
}
