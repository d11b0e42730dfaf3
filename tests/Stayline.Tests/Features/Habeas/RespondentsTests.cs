using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stayline.Data;
using Stayline.Domain.Respondents;
using Stayline.Features.Documents;
using Stayline.Tests.Features.Documents;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Habeas;

public class RespondentsTests
{
    private const string Page = "/Habeas/Respondents";

    private static FakeTimeProvider Clock(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 15, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Petition_DraftedOnADate_NamesTheOfficialsInOfficeThatDay(string provider)
    {
        var clock = Clock(2017, 7, 31);
        await using var app = await TestApp.StartAsync(provider, clock);
        var kit = new HabeasKit(app);
        var calhoun = await kit.FacilityAsync("Calhoun County Correctional Center"); // W.D. Mich., Detroit Field Office
        var person = await kit.PersonAsync("Usama", "Hamama");
        await kit.CustodyAsync(person, "Detain", "2017-06-11", calhoun);
        var admin = await app.SignedInAsync("admin");
        Assert.Equal(HttpStatusCode.Redirect, (await AddTermAsync(admin, Office.Warden, "Jane Doe", "2016-03-01", calhoun)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddTermAsync(admin, Office.FieldOfficeDirector, "Rebecca Adducci", "2013-01-01", null, "Detroit Field Office")).StatusCode);

        // 31 July 2017: John Kelly left Homeland Security that day and Elaine Duke became acting Secretary.
        var caption = Caption(await DraftAsync(app, person));
        Assert.Equal("Jane Doe, Warden, Calhoun County Correctional Center; Rebecca Adducci, Field Office Director, Detroit Field Office, "
            + "U.S. Immigration and Customs Enforcement; Elaine C. Duke, Acting Secretary of Homeland Security; Jefferson B. Sessions III, "
            + "Attorney General of the United States; each in their official capacity, Respondents.", caption);

        // The warden leaves at the end of September; in December the petition names Kirstjen Nielsen and flags the warden.
        var wardenId = await IdOfAsync(app, "Jane Doe");
        var ended = await TestApp.PostFormAsync(admin, Page, $"{Page}?handler=End", new Dictionary<string, string>
        {
            ["id"] = wardenId.ToString(CultureInfo.InvariantCulture),
            ["version"] = "0",
            ["lastDay"] = "2017-09-30",
        });
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        clock.SetUtcNow(new DateTimeOffset(2017, 12, 7, 15, 0, 0, TimeSpan.Zero));
        var december = await DraftAsync(app, person);
        Assert.StartsWith("[MISSING: name of the warden or administrator of Calhoun County Correctional Center], Calhoun County",
            Caption(december), StringComparison.Ordinal);
        Assert.Contains("Kirstjen M. Nielsen, Secretary of Homeland Security", Caption(december), StringComparison.Ordinal);

        // History is kept and the change is audited with the admin's name.
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var jane = await db.OfficeHolders.SingleAsync(h => h.Name == "Jane Doe");
        Assert.Equal((new DateOnly(2016, 3, 1), (DateOnly?)new DateOnly(2017, 9, 30)), (jane.From, jane.To));
        Assert.Equal(2, await db.AuditEvents.CountAsync(a => a.EntityType == nameof(OfficeHolder) && a.EntityId == wardenId.ToString(CultureInfo.InvariantCulture)
            && a.UserName == TestApp.Email("admin")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DistrictRule_CustodianOnly_LeavesTheOtherOfficialsOutOfTheCaption(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, Clock(2026, 11, 30));
        var kit = new HabeasKit(app);
        var calhoun = await kit.FacilityAsync("Calhoun County Correctional Center");
        var person = await kit.PersonAsync("Sabah", "Yaldo");
        await kit.CustodyAsync(person, "Detain", "2026-11-20", calhoun);
        var admin = await app.SignedInAsync("admin");

        var saved = await TestApp.PostFormAsync(admin, Page, $"{Page}?handler=Rule", new Dictionary<string, string>
        {
            ["Rule.District"] = "WD Mich",
            ["Rule.FieldOfficeDirector"] = "false",
            ["Rule.Secretary"] = "false",
            ["Rule.AttorneyGeneral"] = "false",
            ["Rule.Source"] = "Standing order of the court",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal("[MISSING: name of the warden or administrator of Calhoun County Correctional Center], "
            + "Calhoun County Correctional Center; each in their official capacity, Respondents.", Caption(await DraftAsync(app, person)));
        var check = await admin.GetStringAsync($"{Page}?FacilityId={calhoun}&On=2026-11-30");
        Assert.Contains("Rule applied: W.D. Mich.", check, StringComparison.Ordinal);
        var api = await app.Api("viewer").GetFromJsonAsync<JsonElement>($"/api/v1/habeas/respondents?facilityId={calhoun}&on=2017-06-15");
        Assert.Equal("W.D. Mich.", api.GetProperty("rule").GetString());
        var only = Assert.Single(api.GetProperty("respondents").EnumerateArray().ToList());
        Assert.Equal(("Warden", "name of the warden or administrator of Calhoun County Correctional Center"),
            (only.GetProperty("office").GetString(), only.GetProperty("missing").GetString()));
        var june2017 = await app.Api("viewer").GetFromJsonAsync<JsonElement>($"/api/v1/habeas/respondents?facilityId={await kit.FacilityAsync("Krome North Service Processing Center")}&on=2017-06-15");
        Assert.Equal(["John F. Kelly, Secretary of Homeland Security", "Jefferson B. Sessions III, Attorney General of the United States"],
            june2017.GetProperty("respondents").EnumerateArray().Select(r => r.GetProperty("caption").GetString()).Skip(2).ToList());
    }

    [Theory]
    [InlineData("attorney")]
    [InlineData("viewer")]
    public async Task Edits_NonAdmin_AreForbiddenButThePageAndTheCheckAreOpen(string role)
    {
        await using var app = await TestApp.StartAsync();
        var client = await app.SignedInAsync(role);
        var calhoun = await new HabeasKit(app).FacilityAsync("Calhoun County Correctional Center");

        var page = await client.GetStringAsync($"{Page}?FacilityId={calhoun}&On=2017-06-15");
        var post = await AddTermAsync(client, Office.Warden, "Jane Doe", "2016-03-01", calhoun);

        Assert.Contains("John F. Kelly, Secretary of Homeland Security", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Add a term", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("/Account/Denied", post.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddTerm_LastDayBeforeFirst_SaysSoAndStoresNothing()
    {
        await using var app = await TestApp.StartAsync();
        var admin = await app.SignedInAsync("admin");

        var response = await TestApp.PostFormAsync(admin, Page, $"{Page}?handler=Term", new Dictionary<string, string>
        {
            ["Term.Office"] = nameof(Office.AttorneyGeneral),
            ["Term.Name"] = "Someone",
            ["Term.From"] = "2026-02-01",
            ["Term.To"] = "2026-01-01",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The last day in office (2026-01-01) is before the first (2026-02-01).", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().OfficeHolders.AnyAsync(h => h.Name == "Someone"));
    }

    [Fact]
    public async Task Starters_UneditedOldStarter_GetsTheNewTextOnce_AndAUsersVersionIsKept()
    {
        await using var app = await TestApp.StartAsync();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var documents = scope.ServiceProvider.GetRequiredService<DocumentService>();
        var habeas = await db.DocumentTemplates.SingleAsync(t => t.Key == "habeas-2241");
        habeas.Content = Docx.Build(Docx.P("Warden of {{custody.facility.name}}, Respondent.")); // an older starter's text
        var letter = await db.DocumentTemplates.SingleAsync(t => t.Key == "appearance-cover-letter");
        letter.CreatedBy = TestApp.Email("admin"); // a user's own version
        letter.Content = Docx.Build(Docx.P("Our own letter."));
        await db.SaveChangesAsync();

        await documents.EnsureStartersAsync(default);
        await documents.EnsureStartersAsync(default);

        var versions = await db.DocumentTemplates.AsNoTracking().GroupBy(t => t.Key).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.Equal(2, versions["habeas-2241"]);
        Assert.Equal(1, versions["appearance-cover-letter"]);
        Assert.All(versions.Where(v => v.Key is not "habeas-2241"), v => Assert.Equal(1, v.Value));
    }

    private static Task<HttpResponseMessage> AddTermAsync(HttpClient client, Office office, string name, string from, long? facilityId, string? fieldOffice = null) =>
        TestApp.PostFormAsync(client, Page, $"{Page}?handler=Term", new Dictionary<string, string>
        {
            ["Term.Office"] = office.ToString(),
            ["Term.Name"] = name,
            ["Term.From"] = from,
            ["Term.FacilityId"] = facilityId?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["Term.FieldOffice"] = fieldOffice ?? "",
        });

    private static async Task<long> IdOfAsync(TestApp app, string name)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().OfficeHolders.Where(h => h.Name == name).Select(h => h.Id).SingleAsync();
    }

    private static async Task<IReadOnlyList<string>> DraftAsync(TestApp app, long personId)
    {
        var client = await app.SignedInAsync("attorney");
        var response = await TestApp.PostFormAsync(client, $"/People/Details?id={personId}", "/Documents/Draft",
            new Dictionary<string, string> { ["personId"] = personId.ToString(CultureInfo.InvariantCulture), ["template"] = "habeas-2241" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Docx.Lines(await response.Content.ReadAsByteArrayAsync());
    }

    private static string Caption(IReadOnlyList<string> lines) => lines.Single(l => l.EndsWith("Respondents.", StringComparison.Ordinal));
}
