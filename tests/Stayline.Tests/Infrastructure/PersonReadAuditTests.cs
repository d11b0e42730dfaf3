using System.Globalization;
using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Tests.Features.Reports;

namespace Stayline.Tests.Infrastructure;

/// <summary>
/// Every page handler and API read that shows a person's data leaves an audit row per person, stored before the
/// response. The lists below classify every GET of the application: a new page or endpoint fails the first test
/// until it is listed as audited (and then requested by the second) or as not showing a person's file (with why).
/// </summary>
public class PersonReadAuditTests
{
    /// <summary>GET routes that show one or more people's data, with the request the second test makes.</summary>
    internal static readonly string[] AuditedApi =
    [
        "GET api/v1/people/{id:long}",
        "GET api/v1/people/{personId:long}/custody",
        "GET api/v1/people/{personId:long}/matters",
        "GET api/v1/matters/{id:long}",
        "GET api/v1/people/{personId:long}/protection",
        "GET api/v1/people/{personId:long}/deadlines",
        "GET api/v1/people/{personId:long}/hearings",
        "GET api/v1/people/{personId:long}/records-requests",
        "GET api/v1/people/{personId:long}/removal-orders",
        "GET api/v1/people/{personId:long}/convictions",
        "GET api/v1/people/{personId:long}/relief-claims",
        "GET api/v1/people/{personId:long}/bond-cases",
    ];

    internal static readonly Dictionary<string, string> NotAPersonsFileApi = new(StringComparer.Ordinal)
    {
        ["GET api/v1/people"] = "search list (names, A-numbers) to find someone; opening a file is audited",
        ["GET api/v1/deadlines"] = "deadline board across clients, like the web board",
        ["GET api/v1/facilities"] = "facility catalogue",
        ["GET api/v1/alerts"] = "open alerts across clients (district moves, unclaimed cases), like the deadline board; opening a file is audited",
        ["GET api/v1/habeas/queue"] = "the no-petition-yet queue across clients (names, facility, dates), like the deadline board; opening a file is audited",
        ["GET api/v1/records-requests/outstanding"] = "records still owed across clients (names, agencies, dates), like the deadline board; opening a file is audited",
        ["GET api/v1/classes"] = "class actions with member counts; no person's data",
        ["GET api/v1/classes/{id:long}"] = "a class action and its orders; members are listed by the people search",
        ["GET api/v1/habeas/respondents"] = "officials named for a facility on a day; no person's data",
        ["GET api/v1/intake"] = "the hotline intake queue (what callers reported, the suggested person's name), like the review queue; opening a file is audited",
        ["GET api/v1/intake/calls"] = "the hotline call log (callers, names, promises), like the intake queue; opening a file is audited",
        ["GET api/v1/board"] = "the volunteer case board: cards (district, facility, needs, languages) across organisations; a name only for a reader who may see the person, like the deadline board",
        ["GET api/v1/board/{id:long}/suggestions"] = "attorneys suggested for a post (names, languages, loads); no person's data",
        ["GET api/v1/profile"] = "the signed-in user's own attorney profile",
        ["GET health"] = "health check",
        ["GET openapi/{documentName}.json"] = "API description",
        ["GET calendar/{token}.ics"] = "the user's own deadline feed (calendar feeds belong to the auth work of issue 10)",
    };

    /// <summary>Page handlers (page path and handler) that show a person's data.</summary>
    internal static readonly string[] AuditedPages =
    [
        "/People/Details OnGet", "/People/Edit OnGet", "/Custody/Record OnGet", "/Matters/Edit OnGet", "/Hearings/Edit OnGet", "/Records/Edit OnGet", "/Relief/Edit OnGet", "/Bond/Edit OnGet", "/Protection/StayDecision OnGet",
        "/Review/Pair OnGet", "/Reports/Index OnGetPeople", "/Reports/Index OnGetStatus",
    ];

    internal static readonly Dictionary<string, string> NotAPersonsFilePages = new(StringComparer.Ordinal)
    {
        ["/Index OnGet"] = "start page: counts and the user's own work list",
        ["/Account/Login OnGet"] = "sign-in",
        ["/Account/Password OnGet"] = "the signed-in user's own password form",
        ["/Account/Tokens OnGet"] = "the signed-in user's own API tokens (names and dates, never the token)",
        ["/Audit/Index OnGet"] = "the audit log itself (administrators)",
        ["/Bulk/History OnGet"] = "recent bulk actions (who, what, how many people), like the review queue; opening a file is audited",
        ["/Bulk/Index OnGet"] = "empty form; the export is a POST, audited (tested below)",
        ["/Classes/Details OnGet"] = "class and its member list",
        ["/Classes/Index OnGet"] = "list of classes",
        ["/Classes/RecordOrder OnGet"] = "form for a class order",
        ["/Dashboard/Index OnGet"] = "counts and charts",
        ["/Deadlines/Calendar OnGet"] = "the user's calendar feed settings",
        ["/Deadlines/Closures OnGet"] = "court closures",
        ["/Deadlines/Index OnGet"] = "deadline board across clients, like the API board",
        ["/Deadlines/Outbox OnGet"] = "reminder outbox (administrators)",
        ["/Deadlines/Records OnGet"] = "empty form",
        ["/Documents/Draft OnGet"] = "answers 404",
        ["/Documents/Draft OnGetFile"] = "a stored draft: audited by its own \"retrieve\" row (DocumentService.OpenAsync), written before the file is sent",
        ["/Documents/Index OnGet"] = "templates",
        ["/Documents/Index OnGetDownload"] = "a template",
        ["/Facilities/Details OnGet"] = "a facility and who is held there (list)",
        ["/Facilities/Edit OnGet"] = "facility form",
        ["/Facilities/Index OnGet"] = "facility list",
        ["/Habeas/Alerts OnGet"] = "open alerts across clients, like the deadline board",
        ["/Habeas/Queue OnGet"] = "the no-petition-yet queue across clients, like the deadline board",
        ["/Habeas/Respondents OnGet"] = "officials and district rules; no person's data",
        ["/Hearings/Index OnGet"] = "the hearing calendar across clients (names, courts, dates), like the deadline board; opening a file is audited",
        ["/Habeas/Draft OnGet"] = "caption check for a selection: names, courts and what drafts lack, like a bulk preview; the drafts themselves are audited",
        ["/Records/Index OnGet"] = "records still owed across clients, like the deadline board; opening a file is audited",
        ["/Hearings/Import OnGet"] = "empty form; a preview is a POST",
        ["/Hotline/Index OnGet"] = "the public hotline form: empty, shows nobody's data",
        ["/Hotline/Thanks OnGet"] = "the public thank-you page: the same text for every report",
        ["/Import/Index OnGet"] = "import form and batches",
        ["/Intake/Calls OnGet"] = "the hotline call log (callers, names, promises), like the intake queue; opening a file is audited",
        ["/Intake/Index OnGet"] = "the hotline intake queue (reports and suggested names), like the review queue; opening a file is audited",
        ["/Import/Progress OnGet"] = "import progress",
        ["/People/Index OnGet"] = "search list (names, A-numbers) to find someone; opening a file is audited",
        ["/Protection/Index OnGet"] = "protection board across clients",
        ["/Protection/Person OnGet"] = "redirects to the person's file",
        ["/Reports/Index OnGet"] = "report forms and saved filters",
        ["/Review/Index OnGet"] = "list of pairs to review",
        ["/Users/Edit OnGet"] = "a user",
        ["/Users/Index OnGet"] = "users",
        ["/Board/Index OnGet"] = "the volunteer case board (cards; names only of people the reader may see), like the deadline board; opening a file is audited",
        ["/Board/Post OnGet"] = "a form naming the person (name, facility, district), like the bulk draft's caption check; opening the file is audited",
        ["/Board/Details OnGet"] = "a post (the card and the person's name) with suggested attorneys; opening the file is audited",
        ["/Board/Profile OnGet"] = "an attorney's own profile (or, for an admin, a colleague's)",
        ["/Organisations/Index OnGet"] = "organisations, their users and counts of the people the reader may see",
    };

    [Fact]
    public async Task EveryGet_IsClassified_AsAuditedOrNotShowingAPersonsFile()
    {
        await using var app = await TestApp.StartAsync();
        var api = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "GET " + e.RoutePattern.RawText!.Trim('/').TrimEnd('/'))
            .Select(r => r.Replace("//", "/", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        var pages = typeof(StaylineApp).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal))
                .Select(m => $"{PagePath(t)} {m.Name.Replace("Async", "", StringComparison.Ordinal)}"))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Empty(api.Except(AuditedApi).Except(NotAPersonsFileApi.Keys));
        Assert.Empty(AuditedApi.Concat(NotAPersonsFileApi.Keys).Except(api));
        Assert.Empty(pages.Except(AuditedPages).Except(NotAPersonsFilePages.Keys));
        Assert.Empty(AuditedPages.Concat(NotAPersonsFilePages.Keys).Except(pages));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryAuditedRead_LeavesOneRowPerPersonShown_NamingTheUserAndTheRequest(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ids = await StatusScenario.SeedAsync(app);
        long matterId;
        await using (var scope = app.Scope())
        {
            matterId = await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().Matters.Where(m => m.PersonId == ids.Kassab).Select(m => m.Id).FirstAsync();
        }

        var p = ids.Kassab.ToString(CultureInfo.InvariantCulture);
        var m = matterId.ToString(CultureInfo.InvariantCulture);
        var members = new[] { ids.Kassab, ids.Toma, ids.Zaya };
        var everyone = new[] { ids.Kassab, ids.Toma, ids.Zaya, ids.Outsider };
        // (role, API or page, request, people shown, action); covers AuditedApi and AuditedPages in order.
        var reads = new (string Role, bool Api, string Url, long[] People, string Action)[]
        {
            ("viewer", true, $"/api/v1/people/{p}", [ids.Kassab], "view"),
            ("viewer", true, $"/api/v1/people/{p}/custody", [ids.Kassab], "view"),
            ("viewer", true, $"/api/v1/people/{p}/matters", [ids.Kassab], "view"),
            ("viewer", true, $"/api/v1/matters/{m}", [ids.Kassab], "view"),
            ("viewer", true, $"/api/v1/people/{p}/protection", [ids.Kassab], "view"),
            ("viewer", true, $"/api/v1/people/{p}/deadlines", [ids.Kassab], "view"),
            ("viewer", true, $"/api/v1/people/{p}/hearings", [ids.Kassab], "view"),
            ("viewer", true, $"/api/v1/people/{p}/records-requests", [ids.Kassab], "view"),
            ("viewer", true, $"/api/v1/people/{p}/removal-orders", [ids.Kassab], "view"),
            ("viewer", true, $"/api/v1/people/{p}/convictions", [ids.Kassab], "view"),
            ("viewer", true, $"/api/v1/people/{p}/relief-claims", [ids.Kassab], "view"),
            ("viewer", true, $"/api/v1/people/{p}/bond-cases", [ids.Kassab], "view"),
            ("viewer", false, $"/People/Details?id={p}", [ids.Kassab], "view"),
            ("intake", false, $"/People/Edit?id={p}", [ids.Kassab], "view"),
            ("intake", false, $"/Custody/Record?personId={p}", [ids.Kassab], "view"),
            ("attorney", false, $"/Matters/Edit?id={m}", [ids.Kassab], "view"),
            ("attorney", false, $"/Hearings/Edit?personId={p}", [ids.Kassab], "view"),
            ("attorney", false, $"/Records/Edit?personId={p}", [ids.Kassab], "view"),
            ("attorney", false, $"/Relief/Edit?personId={p}", [ids.Kassab], "view"),
            ("attorney", false, $"/Bond/Edit?personId={p}", [ids.Kassab], "view"),
            ("attorney", false, $"/Protection/StayDecision?matterId={m}", [ids.Kassab], "view"),
            ("attorney", false, $"/Review/Pair?left={p}&right={ids.Toma}", [ids.Kassab, ids.Toma], "view"),
            ("viewer", false, "/Reports?handler=People&format=Csv", everyone, "export"),
            ("viewer", false, $"/Reports?handler=Status&classId={ids.ClassId}&since=2017-07-01&format=Csv", members, "export"),
        };
        Assert.Equal(AuditedApi.Length + AuditedPages.Length, reads.Length);

        foreach (var (role, isApi, url, people, action) in reads)
        {
            var client = isApi ? app.Api(role) : await app.SignedInAsync(role);
            var before = await ViewsAsync(app);
            var response = await client.GetAsync(url);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            var rows = (await ViewsAsync(app)).Skip(before.Count).ToList();
            Assert.True(people.Order().SequenceEqual(rows.Select(r => r.PersonId!.Value).Order()), $"{url}: audited {string.Join(",", rows.Select(r => r.PersonId))}");
            Assert.All(rows, r =>
            {
                Assert.Equal(TestApp.Email(role), r.UserName);
                Assert.NotNull(r.UserId);
                Assert.Equal(action, r.Action);
                Assert.Equal("GET " + url.Split('?')[0], r.After!.Split('?')[0]);
            });
        }

        // The Bulk export is a POST: one row per person in the file.
        var attorney = await app.SignedInAsync("attorney");
        var bulkBefore = (await ViewsAsync(app)).Count;
        var export = await TestApp.PostFormAsync(attorney, "/Bulk", "/Bulk?handler=Apply", new Dictionary<string, string>
        {
            ["Input.Ids"] = $"{ids.Kassab},{ids.Zaya}",
            ["Input.Kind"] = "Export",
        });
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var bulkRows = (await ViewsAsync(app)).Skip(bulkBefore).ToList();
        Assert.Equal(new[] { ids.Kassab, ids.Zaya }.Order(), bulkRows.Select(r => r.PersonId!.Value).Order());
        Assert.All(bulkRows, r => Assert.Equal(("export", TestApp.Email("attorney")), (r.Action, r.UserName)));
    }

    private static string PagePath(Type t) => t.Name == "HomeModel"
        ? "/Index"
        : "/" + t.Namespace!["Stayline.Features.".Length..].Replace('.', '/') + "/" + t.Name[..^"Model".Length];

    private static async Task<List<Domain.Work.AuditEvent>> ViewsAsync(TestApp app)
    {
        await app.ReadAuditMovedAsync();
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().AuditEvents.AsNoTracking()
            .Where(e => (e.Action == "view" || e.Action == "export") && e.EntityType == "Person").OrderBy(e => e.Id).ToListAsync();
    }
}
