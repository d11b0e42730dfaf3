using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Hotline;
using Stayline.Tests.Features.Review;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Hotline;

/// <summary>The public hotline form: what it stores, what it refuses, and that it shows nothing about anyone.</summary>
public class HotlineTests
{
    internal static Dictionary<string, string> Report(string detainee, string? aNumber = null, string? notes = null) => new()
    {
        ["detaineeName"] = detainee,
        ["aNumber"] = aNumber ?? "",
        ["callerName"] = "Mariam Kassab",
        ["callerPhone"] = "+1 313 555 0142",
        ["facility"] = "Calhoun County Correctional Center",
        ["notes"] = notes ?? "Arrested on Sunday at home.",
    };

    /// <summary>An anonymous browser: cookies (the antiforgery cookie), no redirects followed.</summary>
    internal static HttpClient Browser(TestApp app, string? acceptLanguage = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return client;
    }

    internal static Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields, string lang = "en") =>
        TestApp.PostFormAsync(client, $"/hotline?lang={lang}", $"/hotline?lang={lang}", fields);

    private static async Task<int> ReportsAsync(TestApp app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().HotlineReports.CountAsync();
    }

    private static async Task<(long Kassab, long Toma)> SeedAsync(TestApp app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var kassab = await ReviewServiceTests.AddPersonAsync(db, "Yousif", "Kassab", new DateOnly(1971, 3, 2), "A012345678", "Iraq");
        var toma = await ReviewServiceTests.AddPersonAsync(db, "Nabil", "Shammami", new DateOnly(1980, 1, 9), null, "Iraq");
        await ReviewServiceTests.AddPersonAsync(db, "Sami", "Jarjis", new DateOnly(1965, 5, 5), null, "Iraq");
        return (kassab, toma);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Post_ValidReports_LandInTheQueueLinkedByANumberAndByName(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (kassab, shammami) = await SeedAsync(app);
        var family = Browser(app);

        var byNumber = await PostAsync(family, Report("يوسف كساب", "A012-345-678"), "ar");
        var byName = await PostAsync(family, Report("Nabil Shammami"));
        var nobody = await PostAsync(family, Report("Wadih Zozo"));

        foreach (var r in new[] { byNumber, byName, nobody })
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.StartsWith("/Hotline/Thanks", r.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var queue = await app.Api("intake").GetFromJsonAsync<JsonElement>("/api/v1/intake?status=New");
        Assert.Equal(3, queue.GetProperty("total").GetInt32());
        var items = queue.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("detaineeName").GetString()!);
        Assert.Equal(kassab, items["يوسف كساب"].GetProperty("suggestedPersonId").GetInt64());
        Assert.Equal(1.0, items["يوسف كساب"].GetProperty("suggestedScore").GetDouble());
        Assert.Equal("A012-345-678", items["يوسف كساب"].GetProperty("aNumber").GetString());
        Assert.Equal("ar", items["يوسف كساب"].GetProperty("language").GetString());
        Assert.Equal(shammami, items["Nabil Shammami"].GetProperty("suggestedPersonId").GetInt64());
        Assert.Equal(JsonValueKind.Null, items["Wadih Zozo"].GetProperty("suggestedPersonId").ValueKind);

        // The coordinating organisation runs the hotline: a partner organisation's intake worker sees none of its reports
        // (callers' names and phones, detainees who are nobody's client yet) until one is accepted for a person the
        // partner may see; then that one, and nothing of the others.
        long partnerOrg;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var (org, error) = await Stayline.Features.Organisations.OrganisationService.AddAsync(db, "Partner B", false, DateTimeOffset.UnixEpoch, CancellationToken.None);
            Assert.Null(error);
            partnerOrg = org!.Id;
        }

        Assert.Null(await Stayline.Features.Account.UserCommands.CreateUserAsync(app.Services, "b-intake@test.stayline", "Partner intake", "intake", TestApp.Password, "Partner B"));
        var partner = await Organisations.ScopingRouteTableTests.ApiAsync(app, "b-intake@test.stayline");
        var before = await partner.GetFromJsonAsync<JsonElement>("/api/v1/intake");
        Assert.Equal(0, before.GetProperty("total").GetInt32());
        Assert.Empty(before.GetProperty("items").EnumerateArray());
        var reportId = items["يوسف كساب"].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await app.Api("intake").PostAsJsonAsync($"/api/v1/intake/{reportId}/accept", new { personId = kassab })).StatusCode);
        Assert.Equal(0, (await partner.GetFromJsonAsync<JsonElement>("/api/v1/intake")).GetProperty("total").GetInt32()); // accepted, not yet shared
        Assert.Equal(HttpStatusCode.OK, (await app.Api("admin").PostAsJsonAsync($"/api/v1/people/{kassab}/shares", new { organisationId = partnerOrg })).StatusCode);
        var after = await partner.GetFromJsonAsync<JsonElement>("/api/v1/intake");
        Assert.Equal(1, after.GetProperty("total").GetInt32());
        Assert.Equal(reportId, Assert.Single(after.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());

        // Paged: the total stays, the page holds one.
        var page = await app.Api("intake").GetFromJsonAsync<JsonElement>("/api/v1/intake?take=1&skip=1");
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Single(page.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Decide_AcceptLinksOrCreatesAndRejectRecords_EachOnce(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (kassab, _) = await SeedAsync(app);
        var family = Browser(app);
        await PostAsync(family, Report("Yousif Kassab", "A12345678"));
        await PostAsync(family, Report("Wadih Zozo", "A098765432"));
        await PostAsync(family, Report("Spam Spam"));
        var api = app.Api("intake");
        var items = (await api.GetFromJsonAsync<JsonElement>("/api/v1/intake")).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("detaineeName").GetString()!, i => i.GetProperty("id").GetInt64());

        var linked = await api.PostAsJsonAsync($"/api/v1/intake/{items["Yousif Kassab"]}/accept", new { personId = kassab });
        var created = await api.PostAsJsonAsync($"/api/v1/intake/{items["Wadih Zozo"]}/accept", new { createPerson = true });
        var rejected = await api.PostAsJsonAsync($"/api/v1/intake/{items["Spam Spam"]}/reject", new { note = "test call" });
        var twice = await api.PostAsJsonAsync($"/api/v1/intake/{items["Spam Spam"]}/accept", new { createPerson = true });

        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("already rejected", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var newPerson = await db.People.SingleAsync(p => p.ANumber == "098765432");
        Assert.Equal(("Wadih", "Zozo"), (newPerson.GivenName, newPerson.FamilyName));
        Assert.True(await db.FamilyContacts.AnyAsync(c => c.PersonId == kassab && c.Name == "Mariam Kassab" && c.Phone == "+1 313 555 0142"));
        Assert.True(await db.FamilyContacts.AnyAsync(c => c.PersonId == newPerson.Id && c.Name == "Mariam Kassab"));
        var reports = await db.HotlineReports.AsNoTracking().ToDictionaryAsync(r => r.DetaineeName);
        Assert.Equal((HotlineReportStatus.Accepted, kassab), (reports["Yousif Kassab"].Status, reports["Yousif Kassab"].PersonId!.Value));
        Assert.Equal((HotlineReportStatus.Rejected, "test call"), (reports["Spam Spam"].Status, reports["Spam Spam"].DecisionNote));
        Assert.All(reports.Values, r => Assert.Equal(TestApp.Email("intake"), r.DecidedByName));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(HotlineReport) && e.Action == "update" && e.UserName == TestApp.Email("intake")));
    }

    [Fact]
    public async Task Intake_IsForStaffOnly()
    {
        await using var app = await TestApp.StartAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api(null).GetAsync("/api/v1/intake")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api("viewer").GetAsync("/api/v1/intake")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api("viewer").GetAsync("/api/v1/intake/calls")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Api("attorney").GetAsync("/api/v1/intake")).StatusCode);
        var anonymous = await Browser(app).GetAsync("/Intake");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Account/Login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MoreThanTheLimitFromOneAddress_Answers429()
    {
        await using var app = await TestApp.StartAsync(configure: b => b.Configuration["Stayline:Hotline:PostsPerWindow"] = "3");
        var family = Browser(app);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(family, Report("Person " + i))).StatusCode);
        }

        var refused = await PostAsync(family, Report("Person 4"), "es");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("Se enviaron demasiados avisos", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await ReportsAsync(app));
        // Reading the form and the staff's own posts are not counted.
        Assert.Equal(HttpStatusCode.OK, (await family.GetAsync("/hotline")).StatusCode);
        await app.SignedInAsync("intake");
    }

    [Fact]
    public async Task Post_ForgedForwardedFor_DoesNotGetAFreshBucket()
    {
        await using var app = await TestApp.StartAsync(configure: b => b.Configuration["Stayline:Hotline:PostsPerWindow"] = "2");
        var family = Browser(app);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            family.DefaultRequestHeaders.Remove("X-Forwarded-For");
            family.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            statuses.Add((await PostAsync(family, Report("Person " + i))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("198.51.100.7", "198.51.100.7")]
    [InlineData("::ffff:198.51.100.7", "198.51.100.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void ClientKey_Ipv4ByAddressIpv6ByItsSlash64(string address, string key) =>
        Assert.Equal(key, Stayline.Features.Hotline.HotlineSetup.ClientKey(IPAddress.Parse(address)));

    [Fact]
    public async Task Post_OversizedOrMalformed_IsRefusedWithAClearMessageAndNothingStored()
    {
        await using var app = await TestApp.StartAsync();
        var family = Browser(app);

        var huge = await PostAsync(family, Report("Yousif Kassab", notes: new string('x', 40_000)));
        var longName = await PostAsync(family, Report(new string('y', HotlineReport.MaxName + 1)));
        var badNumber = await PostAsync(family, Report("Yousif Kassab", "B12-34"), "es");
        var missing = await PostAsync(family, new Dictionary<string, string> { ["detaineeName"] = "Yousif Kassab" }, "ar");
        var badPhone = await PostAsync(family, new Dictionary<string, string>(Report("Yousif Kassab")) { ["callerPhone"] = "call me" });
        var control = await PostAsync(family, Report("Yousif\u0000Kassab"));
        var json = await family.PostAsync("/hotline", new StringContent("{\"detaineeName\":\"x\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("too long to accept", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, longName.StatusCode);
        Assert.Contains($"Too long: at most {HotlineReport.MaxName} characters.", await longName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badNumber.StatusCode);
        Assert.Contains("El Número A (A-Number) es la letra A y 8 o 9 dígitos", await badNumber.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("هذا الحقل مطلوب.", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badPhone.StatusCode);
        Assert.Contains("Enter a phone number", await badPhone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Contains("only accepts the hotline form", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await ReportsAsync(app));
    }

    [Fact]
    public async Task Post_HoneypotFilled_ThanksTheSenderButStoresNothing()
    {
        await using var app = await TestApp.StartAsync();
        var robot = await PostAsync(Browser(app), new Dictionary<string, string>(Report("Yousif Kassab")) { ["website"] = "http://spam.example" });

        Assert.Equal(HttpStatusCode.Redirect, robot.StatusCode);
        Assert.StartsWith("/Hotline/Thanks", robot.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0, await ReportsAsync(app));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Answers400AndStoresNothing()
    {
        await using var app = await TestApp.StartAsync();
        var family = Browser(app);
        await family.GetStringAsync("/hotline");

        var response = await family.PostAsync("/hotline", new FormUrlEncodedContent(Report("Yousif Kassab")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await ReportsAsync(app));
    }

    [Fact]
    public async Task Hotline_ShowsNothingAboutKnownPeople()
    {
        await using var app = await TestApp.StartAsync();
        await SeedAsync(app);
        var family = Browser(app);

        // The form ignores anything in its address, and the thank-you is the same for a known and an unknown person.
        var form = await family.GetStringAsync("/hotline?detaineeName=Kassab&aNumber=A012345678&q=Kassab&id=1");
        var known = await PostAsync(family, Report("Yousif Kassab", "A012345678"));
        var unknown = await PostAsync(family, Report("Wadih Zozo", "A098765432"));
        var knownThanks = await family.GetStringAsync(known.Headers.Location);
        var unknownThanks = await family.GetStringAsync(unknown.Headers.Location);
        var invalid = await (await PostAsync(family, Report("Yousif Kassab", "A01234567X"))).Content.ReadAsStringAsync();

        Assert.Equal(known.Headers.Location, unknown.Headers.Location);
        Assert.Equal(knownThanks, unknownThanks);
        foreach (var html in new[] { form, knownThanks })
        {
            Assert.DoesNotContain("Kassab", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("012345678", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Shammami", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("/People", html, StringComparison.Ordinal);
        }

        // A refused form shows back only what the sender typed, never what is on file.
        Assert.DoesNotContain("Iraq", invalid, StringComparison.Ordinal);
        Assert.DoesNotContain("1971", invalid, StringComparison.Ordinal);
        Assert.DoesNotContain("/People", invalid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hotline_SpeaksArabicRightToLeftAndSpanishFromTheBrowser()
    {
        await using var app = await TestApp.StartAsync();

        var arabic = await Browser(app).GetStringAsync("/hotline?lang=ar");
        var spanish = await Browser(app, "es-MX,es;q=0.9").GetStringAsync("/hotline");
        var english = await Browser(app, "de-DE").GetStringAsync("/hotline");

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", arabic, StringComparison.Ordinal);
        Assert.Contains("أخبرنا عن فرد من عائلتك محتجز", arabic, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"es\" dir=\"ltr\">", spanish, StringComparison.Ordinal);
        Assert.Contains("Cuéntenos sobre un familiar detenido", spanish, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", english, StringComparison.Ordinal);
        foreach (var field in new[] { "detaineeName", "aNumber", "callerName", "callerPhone", "facility", "notes" })
        {
            Assert.Contains($"name=\"{field}\"", arabic, StringComparison.Ordinal);
        }
    }
}
