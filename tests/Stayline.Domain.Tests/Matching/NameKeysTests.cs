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

    /// <summary>The coarse blocking key (session 14) merges what a hotline's ear changes, and keeps different names apart.</summary>
    [Theory]
    [InlineData("Majid", "Maged", true)]
    [InlineData("Fodhud", "Fodud", true)]
    [InlineData("Jamal", "Gamal", true)]
    [InlineData("Bouqojeeki", "Bougojeeki", true)]
    [InlineData("Hamama", "Haamma", true)]
    [InlineData("Yousif", "Rami", false)]
    [InlineData("Kassab", "Kakos", false)]
    [InlineData("Majid", "Maher", false)]
    public void Coarse_HotlineRespellings_ShareTheKey(string a, string b, bool same)
    {
        string Coarse(string word) => TokenKey.Coarse(ParsedName.Parse(word).Tokens.Single().IndexKey);
        Assert.Equal(same, Coarse(a) == Coarse(b));
        Assert.Equal(Coarse(a), TokenKey.Coarse(Coarse(a)));
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

    // Words are memoised: the same word met again, in another position, must give the same key and keep
    // the role it has in this name (a father's name after bin, or not).
    [Theory]
    [InlineData("Salman bin Muhammad", new[] { false, true })]
    [InlineData("Muhammad Salman", new[] { false, false })]
    [InlineData("Muhammad bin Salman", new[] { false, true })]
    [InlineData("Salman Muhammad", new[] { false, false })]
    public void Parse_WordSeenBefore_KeepsItsRoleInThisName(string name, bool[] patronymic)
    {
        ParsedName.Parse("Salman bin Muhammad Salman");
        Assert.Equal(patronymic, ParsedName.Parse(name).Tokens.Select(t => t.IsPatronymic));
    }

    [Theory]
    [InlineData("Yousif Aljabouri", "ysf aljbr jbr")]
    [InlineData("Aljabouri Yousif", "aljbr jbr ysf")]
    [InlineData("يوسف الجبوري", "ysf aljbr jbr")]
    public void For_RepeatedCalls_SameKeys(string name, string expected)
    {
        Assert.Equal(expected, string.Join(" ", NameKeys.For(name)));
        Assert.Equal(expected, string.Join(" ", NameKeys.For(name)));
    }
}
