using System.Net;
using System.Text.RegularExpressions;
using Stayline.Features.People;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.People;

/// <summary>A name search's closeness is the real one: "100 %" only for the name as typed (a misspelling the engine
/// reads as the same name shows less); a search that finds no one shows no table of empty headers.</summary>
public partial class SearchClosenessTests
{
    [Theory]
    [InlineData("Kassab", "Yousif Kassab", 1.0, 1.0)]
    [InlineData("kassab yousif", "Yousif Kassab", 1.0, 1.0)]
    [InlineData("Kasab", "Yousif Kassab", 1.0, 0.99)]
    [InlineData("Kassab", "Yousif Kassab", 0.996, 0.99)]
    [InlineData("Yusuf", "Yousif Kassab", 0.8749, 0.87)]
    public void Closeness_IsCutDown_And100OnlyForTheNameAsTyped(string query, string name, double score, double shown) =>
        Assert.Equal(shown, IndexModel.Closeness(score, query, name), 6);

    [Fact]
    public async Task PeoplePage_MisspeltName_IsNotShownAs100_AndNoOneFound_ShowsNoTable()
    {
        await using var app = await TestApp.StartAsync();
        var admin = await app.SignedInAsync("admin");
        var added = await TestApp.PostFormAsync(admin, "/People/Edit", "/People/Edit", new Dictionary<string, string>
        {
            ["Input.GivenName"] = "Yousif",
            ["Input.FamilyName"] = "Kassab",
            ["Input.BirthDatePrecision"] = "Exact",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var misspelt = await admin.GetStringAsync("/People?Q=Kasab&Sort=Closeness");
        var right = await admin.GetStringAsync("/People?Q=Kassab&Sort=Closeness");
        var nobody = await admin.GetStringAsync("/People?Q=Zzyzx");

        Assert.Contains("Yousif Kassab", misspelt, StringComparison.Ordinal);
        Assert.DoesNotContain("100", Score().Match(misspelt).Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("100", Score().Match(right).Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("0 people found.", nobody, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", nobody, StringComparison.Ordinal);
        Assert.DoesNotContain("Page 1 of 1", nobody, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 1", right, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PeoplePage_EqualScores_TheNameAsTypedComesFirst()
    {
        await using var app = await TestApp.StartAsync();
        var admin = await app.SignedInAsync("admin");
        // The engine scores "Abas" and "Abbas" alike for "Abbas"; by family name alone "Abas Hamid" would come first.
        foreach (var (given, family) in new[] { ("Abas", "Hamid"), ("Abbas", "Khalil") })
        {
            var added = await TestApp.PostFormAsync(admin, "/People/Edit", "/People/Edit", new Dictionary<string, string>
            {
                ["Input.GivenName"] = given,
                ["Input.FamilyName"] = family,
                ["Input.BirthDatePrecision"] = "Exact",
            });
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var whole = await admin.GetStringAsync("/People?Q=Abbas&Sort=Closeness");
        var page = whole[whole.IndexOf("<table", StringComparison.Ordinal)..]; // not the flash naming the last person added
        var abbas = page.IndexOf("Abbas Khalil", StringComparison.Ordinal);
        var abas = page.IndexOf("Abas Hamid", StringComparison.Ordinal);
        Assert.True(abbas >= 0 && abas >= 0, "both people are found");
        Assert.True(abbas < abas, "the name as typed is listed before the spelling variant with the same score");
        Assert.Equal("100", Regex.Match(Score().Match(page).Groups[1].Value, "[0-9]+").Value);
    }

    [GeneratedRegex("class=\"score\">([^<]*)<")]
    private static partial Regex Score();
}
