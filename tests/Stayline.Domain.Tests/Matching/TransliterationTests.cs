using Stayline.Domain.Matching;

namespace Stayline.Domain.Tests.Matching;

public class TransliterationTests
{
    [Theory]
    [InlineData("محمد", "mhmd")]
    [InlineData("يوسف", "yusf")]
    [InlineData("الجبوري", "aljburi")]
    [InlineData("خالد", "xald")]
    [InlineData("شريف", "Srif")] // the short a after sh is not written
    [InlineData("وليد", "wlid")]
    [InlineData("فاطمة", "fatma")]
    [InlineData("علي", "ali")]
    public void ArabicWord_Letters_ConsonantsAndLongVowels(string arabic, string latin) =>
        Assert.Equal(latin, Transliteration.ArabicWord(arabic));

    [Theory]
    [InlineData("Yousif", "yusif")]
    [InlineData("Youssef", "yusef")]
    [InlineData("Mohammed", "mohamed")]
    [InlineData("Khalid", "xalid")]
    [InlineData("Qassim", "kasim")]
    [InlineData("Abdallah", "abdala")]
    [InlineData("Dhiya", "zia")]
    [InlineData("Riyad", "riad")]
    [InlineData("Ziyaad", "ziad")]
    [InlineData("Bachar", "baSar")]
    [InlineData("Ig0r", "igor")]
    public void FromLatin_Spellings_FoldTransliterationVariants(string word, string key) =>
        Assert.Equal(key, TokenKey.FromLatin(word.ToLowerInvariant()));

    [Theory]
    [InlineData("Владимир Путин", "Vladimir Putin")]
    [InlineData("Κυριάκος Μητσοτάκης", "Kyriakos Mitsotakis")]
    [InlineData("ბარაკ ობამა", "Barak Obama")]
    public void Similarity_OtherScriptsAgainstLatin_Match(string other, string latin) =>
        Assert.True(NameComparer.Similarity(other, latin) >= NameComparer.MatchThreshold);
}
