using System.Globalization;
using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stayline.Data;
using Stayline.Tests.Features.Documents;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Habeas;

public class BulkDraftTests
{
    private const string Page = "/Habeas/Draft";

    /// <summary>Two people held at Calhoun (W.D. Mich.), one at Krome (S.D. Fla.), one released; the warden of Calhoun is recorded.</summary>
    public static async Task<(long Calhoun, long Yaldo, long Kassab, long Toma)> SeedAsync(TestApp app)
    {
        var kit = new HabeasKit(app);
        var calhoun = await kit.FacilityAsync("Calhoun County Correctional Center");
        var krome = await kit.FacilityAsync("Krome North Service Processing Center");
        var yaldo = await kit.PersonAsync("Sabah", "Yaldo");
        var kassab = await kit.PersonAsync("Yousif", "Kassab");
        var toma = await kit.PersonAsync("Nadia", "Toma");
        var released = await kit.PersonAsync("Ameer", "Shaba");
        await kit.CustodyAsync(yaldo, "Detain", "2026-11-20", calhoun);
        await kit.CustodyAsync(kassab, "Detain", "2026-11-21", calhoun);
        await kit.CustodyAsync(toma, "Detain", "2026-11-21", krome);
        await kit.CustodyAsync(released, "Detain", "2026-11-20", calhoun);
        await kit.CustodyAsync(released, "Release", "2026-11-25");
        var admin = await app.SignedInAsync("admin");
        var added = await TestApp.PostFormAsync(admin, "/Habeas/Respondents", "/Habeas/Respondents?handler=Term", new Dictionary<string, string>
        {
            ["Term.Office"] = "Warden",
            ["Term.Name"] = "Jane Doe",
            ["Term.From"] = "2025-01-01",
            ["Term.FacilityId"] = calhoun.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        return (calhoun, yaldo, kassab, toma);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Facility_CheckThenDraft_ShowsEachCaptionAndSendsOneZipKeptOnEachFile(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero)));
        var (calhoun, yaldo, kassab, _) = await SeedAsync(app);
        var attorney = await app.SignedInAsync("attorney");

        var check = WebUtility.HtmlDecode(await attorney.GetStringAsync($"{Page}?FacilityId={calhoun}"));
        Assert.Contains("2 drafts: 0 complete, 2 lack something", check, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(check, "Jane Doe, Warden"));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(check, "<td( [^>]*)?>W\\.D\\. Mich\\.")); // a cell may carry its column's label for phones
        Assert.Contains("Kristi Noem, Secretary of Homeland Security", check, StringComparison.Ordinal);
        Assert.DoesNotContain("Shaba", check, StringComparison.Ordinal); // released: not held there

        var response = await TestApp.PostFormAsync(attorney, $"{Page}?FacilityId={calhoun}", Page, new Dictionary<string, string>
        {
            ["Template"] = "habeas-2241",
            ["FacilityId"] = calhoun.ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["habeas-2241_A010000000_yaldo.docx", "habeas-2241_A010000001_kassab.docx", "missing.csv"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using (var entry = zip.GetEntry("habeas-2241_A010000001_kassab.docx")!.Open())
        using (var copy = new MemoryStream())
        {
            await entry.CopyToAsync(copy);
            var caption = Docx.Lines(copy.ToArray()).Single(l => l.EndsWith("Respondents.", StringComparison.Ordinal));
            Assert.StartsWith("Jane Doe, Warden, Calhoun County Correctional Center; [MISSING: name of the ICE field office director (Detroit Field Office)]", caption, StringComparison.Ordinal);
        }

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        Assert.Equal(new[] { yaldo, kassab }.Order(), await db.GeneratedDocuments.OrderBy(d => d.PersonId).Select(d => d.PersonId).ToListAsync());
        Assert.Equal(2, await db.AuditEvents.CountAsync(a => a.Action == "generate" && a.UserName == TestApp.Email("attorney")));
    }

    /// <summary>A facility where nobody is held: the page says no one matched (not "0 drafts") and offers nothing to
    /// draft; a post anyway sends no zip and stores nothing.</summary>
    [Fact]
    public async Task EmptyFacility_SaysNoOneMatched_AndDraftsNothing()
    {
        await using var app = await TestApp.StartAsync(clock: new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero)));
        await SeedAsync(app);
        var empty = await new HabeasKit(app).FacilityAsync("Eloy Detention Center");
        var attorney = await app.SignedInAsync("attorney");

        var check = WebUtility.HtmlDecode(await attorney.GetStringAsync($"{Page}?FacilityId={empty}"));
        var response = await TestApp.PostFormAsync(attorney, $"{Page}?FacilityId={empty}", Page, new Dictionary<string, string>
        {
            ["Template"] = "habeas-2241",
            ["FacilityId"] = empty.ToString(CultureInfo.InvariantCulture),
        });

        Assert.Contains("No one matched this selection", check, StringComparison.Ordinal);
        Assert.DoesNotContain("0 drafts", check, StringComparison.Ordinal);
        Assert.DoesNotContain("(.zip)</button>", check, StringComparison.Ordinal);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Nobody to draft for.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().GeneratedDocuments.AnyAsync());
    }

    [Fact]
    public async Task District_SelectsEveryoneHeldThere_AndAWrongDistrictIsNamed()
    {
        await using var app = await TestApp.StartAsync(clock: new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero)));
        await SeedAsync(app);
        var attorney = await app.SignedInAsync("attorney");

        var florida = WebUtility.HtmlDecode(await attorney.GetStringAsync($"{Page}?District=S.D.%20Fla."));
        var wrong = WebUtility.HtmlDecode(await attorney.GetStringAsync($"{Page}?District=E.D.%20Narnia"));
        var pasted = WebUtility.HtmlDecode(await attorney.GetStringAsync($"{Page}?ANumbers=A010000002%0A999"));

        Assert.Contains("1 draft: 0 complete, 1 lacking something", florida, StringComparison.Ordinal);
        Assert.Contains("Toma", florida, StringComparison.Ordinal);
        Assert.Contains("\"E.D. Narnia\" is not a federal district", wrong, StringComparison.Ordinal);
        Assert.Contains("Toma", pasted, StringComparison.Ordinal);
        Assert.Contains("Left out (1)", pasted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("intake")]
    [InlineData("viewer")]
    public async Task Page_NonLawyer_IsRefused(string role)
    {
        await using var app = await TestApp.StartAsync();
        var response = await (await app.SignedInAsync(role)).GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static int CountOf(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
