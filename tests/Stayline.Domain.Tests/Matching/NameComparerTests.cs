using Stayline.Domain.Matching;

namespace Stayline.Domain.Tests.Matching;

public class NameComparerTests
{
    [Theory]
    // Transliteration variants of the same Arabic name.
    [InlineData("Mohammed Kassab", "Muhammad Kassab")]
    [InlineData("Mohammed Kassab", "Mohamad Kassab")]
    [InlineData("Mohammed Kassab", "Mohamed Kassab")]
    [InlineData("Mohammed Kassab", "Mhd Kassab")]
    [InlineData("Yousif Kassab", "Yousef Kassab")]
    [InlineData("Yousif Kassab", "Youssef Kassab")]
    [InlineData("Yousif Kassab", "Yusuf Kassab")]
    [InlineData("Khalid Qasim", "Khaled Kassem")]
    [InlineData("Kadhim Jaafar", "Kazim Jafar")]
    [InlineData("Omar Shamoun", "Umar Shamoun")]
    // Articles: Al-/Al /Al glued/none/El-.
    [InlineData("Ali Al-Rubaie", "Ali Al Rubaie")]
    [InlineData("Ali Al-Rubaie", "Ali Alrubaie")]
    [InlineData("Ali Al-Rubaie", "Ali Rubaie")]
    [InlineData("Ali Al-Rubaie", "Ali El-Rubaie")]
    // Abd compounds.
    [InlineData("Abd al-Rahman Hasan", "Abdul Rahman Hasan")]
    [InlineData("Abd al-Rahman Hasan", "Abdulrahman Hasan")]
    [InlineData("Abd al-Rahman Hasan", "Abdel Rahman Hasan")]
    [InlineData("Abd al-Rahman Hasan", "Abd-el-Rahman Hasan")]
    [InlineData("Abd al-Rahman Hasan", "Abdurrahman Hasan")]
    [InlineData("Saif al-Din Jabouri", "Saifuddin Jabouri")]
    // Word order and an added father's name.
    [InlineData("Yousif Kassab", "Kassab Yousif")]
    [InlineData("Yousif Kassab", "KASSAB, Yousif")]
    [InlineData("Yousif Kassab", "Yousif Hanna Kassab")]
    // Capitals, accents, a dropped or doubled letter, punctuation.
    [InlineData("Yousif Kassab", "YOUSIF KASSAB")]
    [InlineData("Jose Muñoz", "JOSÉ MUNOZ")]
    [InlineData("Yousif Kassab", "Yousif Kasab")]
    [InlineData("Bashar Jaburi", "Basharr Jaburi")]
    [InlineData("Yousif Kassab", "Yousif Kassb")]
    [InlineData("Ra'ad Hakim", "Raad Hakim")]
    // Arabic script against Latin spellings.
    [InlineData("يوسف الجبوري", "Yusuf Al Jaburi")]
    [InlineData("محمد علي", "Mohammed Ali")]
    [InlineData("عبد الرحمن حسن", "Abdul Rahman Hasan")]
    // The father's name keeps its role: the same order is the same name.
    [InlineData("Muhammad bin Salman", "Mohammed bin Salman")]
    [InlineData("bin Salman Mohammed", "Mohammed bin Salman")]
    public void Similarity_SamePersonVariants_AtLeastMatchThreshold(string a, string b)
    {
        var score = NameComparer.Similarity(a, b);
        Assert.True(score >= NameComparer.MatchThreshold, $"{a} ~ {b}: {score:0.000}");
    }

    [Theory]
    // Brothers share the family and the father's name; only the given name tells them apart.
    [InlineData("Yousif Hanna Kassab", "Rami Hanna Kassab")]
    [InlineData("Ali Hussein Al-Tikriti", "Omar Hussein Al-Tikriti")]
    // bin/ibn: father and son are not the same person.
    [InlineData("Salman bin Muhammad", "Muhammad bin Salman")]
    [InlineData("Salman bin Muhammad Al-Rawi", "Muhammad bin Salman Al-Rawi")]
    [InlineData("Ahmad ibn Hasan", "Hasan ibn Ahmad")]
    // Different names that look alike in Latin letters.
    [InlineData("Mahmoud Kassab", "Mohammed Kassab")]
    [InlineData("Hassan Kassab", "Hussein Kassab")]
    [InlineData("Omar Kassab", "Amir Kassab")]
    // Different clan name, different grandfather.
    [InlineData("Saddam Hussein Al-Dulaimi", "Saddam Hussein Al-Tikriti")]
    [InlineData("Mohamed ben Ali Sahraoui", "Mohamed ben Romdhane Sahraoui")]
    // Nothing in common; a name against nothing.
    [InlineData("Yousif Kassab", "Fatima Zahra")]
    [InlineData("Yousif Kassab", "")]
    public void Similarity_DifferentPeople_BelowMatchThreshold(string a, string b)
    {
        var score = NameComparer.Similarity(a, b);
        Assert.True(score < NameComparer.MatchThreshold, $"{a} ~ {b}: {score:0.000}");
    }

    [Fact]
    public void Similarity_IdenticalNames_IsOne() => Assert.Equal(1.0, NameComparer.Similarity("Yousif Kassab", "Yousif Kassab"), 6);

    [Fact]
    public void Similarity_IsSymmetric() =>
        Assert.Equal(NameComparer.Similarity("Yousif Hanna Kassab", "Kasab, Youssef"), NameComparer.Similarity("Kasab, Youssef", "Yousif Hanna Kassab"), 6);

    [Fact]
    public void Compare_PatronymicReversal_ReportsRoleConflicts()
    {
        var c = NameComparer.Compare(ParsedName.Parse("Salman bin Muhammad"), ParsedName.Parse("Muhammad bin Salman"));
        Assert.Equal(2, c.RoleConflicts);
    }

    [Fact]
    public void Compare_AddedFatherName_IsExtraNotConflict()
    {
        var c = NameComparer.Compare(ParsedName.Parse("Yousif Kassab"), ParsedName.Parse("Yousif Hanna Kassab"));
        Assert.Equal((2, 0.0, 1.0), (c.Matched, c.Conflicting, c.Extra));
    }

    [Fact]
    public void Compare_Brothers_ReportsConflict()
    {
        var c = NameComparer.Compare(ParsedName.Parse("Yousif Hanna Kassab"), ParsedName.Parse("Rami Hanna Kassab"));
        Assert.Equal((2, 1.0), (c.Matched, c.Conflicting));
    }

    [Fact]
    public void Compare_PartialName_IgnoresExtraWords()
    {
        var full = NameComparer.Compare(ParsedName.Parse("Kassab"), ParsedName.Parse("Yousif Kassab"));
        var partial = NameComparer.Compare(ParsedName.Parse("Kassab"), ParsedName.Parse("Yousif Kassab"), partial: true);
        Assert.True(partial.Score > full.Score);
        Assert.Equal(1.0, partial.Score, 6);
    }
}
