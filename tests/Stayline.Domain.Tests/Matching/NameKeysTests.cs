using Stayline.Domain.Matching;

namespace Stayline.Domain.Tests.Matching;

public class NameKeysTests
{
    [Theory]
    [InlineData("Yusuf Al Jaburi", "Yousif Aljabouri")]
    [InlineData("Yusuf Al Jaburi", "يوسف الجبوري")]
    [InlineData("Mohammed Al-Rubaie", "Muhammad Rubaie")]
    [InlineData("Abd al-Rahman", "Abdulrahman")]
    [InlineData("Youssef", "YUSUF")]
    public void For_SpellingVariants_ShareEveryWordKey(string a, string b)
    {
        var keysA = NameKeys.For(a);
        var keysB = NameKeys.For(b);
        // Every word of the shorter name finds its key among the other name's keys.
        var (shorter, longer) = keysA.Count <= keysB.Count ? (keysA, keysB) : (keysB, keysA);
        Assert.Contains(shorter, k => longer.Contains(k));
        Assert.True(ParsedName.Parse(a).Tokens.All(t => keysB.Contains(t.IndexKey)) || ParsedName.Parse(b).Tokens.All(t => keysA.Contains(t.IndexKey)), $"{string.Join(",", keysA)} | {string.Join(",", keysB)}");
    }

    [Theory]
    [InlineData("Yusuf Al Jaburi", new[] { "ysf", "jbr" })]
    [InlineData("Yousif Aljabouri", new[] { "ysf", "aljbr", "jbr" })]
    [InlineData("Mohammed", new[] { "mmd" })]
    public void For_Name_ReturnsConsonantKeys(string name, string[] expected) => Assert.Equal(expected, NameKeys.For(name));

    [Theory]
    [InlineData("Yousif Kassab", "Rami Kassab")]
    [InlineData("Hassan", "Yousif")]
    public void For_DifferentGivenNames_DifferentKeys(string a, string b) => Assert.NotEqual(NameKeys.For(a)[0], NameKeys.For(b)[0]);

    [Fact]
    public void For_Empty_NoKeys() => Assert.Empty(NameKeys.For("  "));
}
