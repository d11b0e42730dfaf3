using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Features.Review;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.People;

/// <summary>Adding a person who is probably already here: the add form shows the likely matches with the compare
/// page's score before anything is saved; "add anyway" saves and is audited; the same A-number is always shown and
/// cannot be added anyway.</summary>
public partial class LikelyMatchesTests
{
    private static Dictionary<string, string> Form(string given, string family, string? born = null, string? aNumber = null, bool addAnyway = false)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.GivenName"] = given,
            ["Input.FamilyName"] = family,
            ["Input.Citizenship"] = "Iraq",
            ["Input.BirthDatePrecision"] = "Exact",
        };
        if (born is not null)
        {
            form["Input.BirthDate"] = born;
        }

        if (aNumber is not null)
        {
            form["Input.ANumber"] = aNumber;
        }

        if (addAnyway)
        {
            form["AddAnyway"] = "true";
        }

        return form;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddPage_LikelyDuplicate_ShownWithTheCompareScoreBeforeSaving_AddAnywayIsAudited(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInAsync("admin");
        var first = await TestApp.PostFormAsync(admin, "/People/Edit", "/People/Edit", Form("Yousif", "Kassab", "1971-03-02", "A012345678"));
        var other = await TestApp.PostFormAsync(admin, "/People/Edit", "/People/Edit", Form("Nadia", "Toma", "1980-05-05"));
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, other.StatusCode));
        long existing;
        await using (var scope = app.Scope())
        {
            existing = await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().People.Where(p => p.FamilyName == "Kassab").Select(p => p.Id).SingleAsync();
        }

        var warned = await TestApp.PostFormAsync(admin, "/People/Edit", "/People/Edit", Form("Yusuf", "Kassab", "1971-03-02"));
        var html = WebUtility.HtmlDecode(await warned.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("This person may already be here", html, StringComparison.Ordinal);
        // Their record opens in a new tab: what was typed here is not lost.
        Assert.Contains($"href=\"/People/Details?id={existing}\" target=\"_blank\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Toma", html, StringComparison.Ordinal);
        var shown = ScorePattern().Match(html).Groups[1].Value;
        Assert.Contains("Not the same person: add anyway", html, StringComparison.Ordinal);
        await using (var scope = app.Scope())
        {
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().People.CountAsync());
        }

        var added = await TestApp.PostFormAsync(admin, "/People/Edit", "/People/Edit", Form("Yusuf", "Kassab", "1971-03-02", addAnyway: true));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await using var check = app.Scope();
        var db = check.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var yusuf = await db.People.Where(p => p.GivenName == "Yusuf").Select(p => p.Id).SingleAsync();
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == "add-anyway");
        Assert.Equal((yusuf, TestApp.Email("admin")), (audit.PersonId!.Value, audit.UserName));
        Assert.Contains($"\"Id\":{existing}", audit.After, StringComparison.Ordinal);
        // The score shown before saving is the compare page's for the same pair once saved.
        var compared = await check.ServiceProvider.GetRequiredService<ReviewService>().CompareAsync(existing, yusuf);
        Assert.Equal(compared!.Score.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), shown);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddPage_SameANumberAnotherName_AlwaysShown_AndCannotBeAddedAnyway(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInAsync("admin");
        await TestApp.PostFormAsync(admin, "/People/Edit", "/People/Edit", Form("Yousif", "Kassab", "1971-03-02", "A012345678"));

        var warned = await TestApp.PostFormAsync(admin, "/People/Edit", "/People/Edit", Form("Sami", "Hermiz", "1990-10-10", "A012-345-678", addAnyway: true));
        var html = WebUtility.HtmlDecode(await warned.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("Yousif Kassab", html, StringComparison.Ordinal);
        Assert.Contains("Same A-number.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("add anyway</button>", html, StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().People.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddPage_CommonName_TheOneBornThatYearIsFoundAmongManyNamesakes(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        long same;
        await using (var scope = app.Scope())
        {
            // More namesakes than the check reads from the name index per name (50), added before the one it must find.
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            for (var i = 0; i < 70; i++)
            {
                await Review.ReviewServiceTests.AddPersonAsync(db, "Yousif", "Kassab", new DateOnly(1930 + (i % 35), 1 + (i % 12), 1 + (i % 28)));
            }

            same = await Review.ReviewServiceTests.AddPersonAsync(db, "Yousif", "Kassab", new DateOnly(1971, 3, 2));
        }

        var admin = await app.SignedInAsync("admin");
        var warned = await TestApp.PostFormAsync(admin, "/People/Edit", "/People/Edit", Form("Yousif", "Kassab", "1971-03-02"));
        var html = WebUtility.HtmlDecode(await warned.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains($"href=\"/People/Details?id={same}\"", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("Score ([0-9.]+): the engine says")]
    private static partial Regex ScorePattern();
}
