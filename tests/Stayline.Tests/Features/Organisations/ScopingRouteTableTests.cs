using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stayline.Cli;
using Stayline.Data;
using Stayline.Domain.Classes;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.People;
using Stayline.Features.Account;
using Stayline.Features.Organisations;
using Stayline.Tests.Features.Reports;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Organisations;

/// <summary>
/// Organisation scoping, route by route: every GET the read-audit test classifies is in the table below (a new route
/// fails the first test until it is), and for each, every role of a partner organisation B is asked for org A's
/// person (the coordinating organisation's Yousif Kassab):
/// <list type="bullet">
/// <item>a person's file answers 404;</item>
/// <item>a list, board, count, export or report never names Kassab, and is byte for byte the same after org A
/// gains another detained client with a matter and deadlines (so no total, chart or count includes A's people);</item>
/// <item>after Kassab is shared with B, the file opens and every list that shows him to the coordinating admin shows
/// him to B; after the sharing ends, the file answers 404 again;</item>
/// <item>the coordinating organisation's admin sees everyone, its attorney does not see B's own client.</item>
/// </list>
/// </summary>
public partial class ScopingRouteTableTests
{
    private enum Shows
    {
        /// <summary>One person's file: 404 for a reader who may not see them.</summary>
        File,
        /// <summary>Lists, boards, counts, exports: the person is absent and totals exclude them.</summary>
        List,
        /// <summary>No person's data (with why).</summary>
        Nothing,
    }

    private sealed record Seeded(StatusScenario.Ids People, long Matter, long Ohio, long Document, long PartnerOrg, long PartnerPerson, long Post);

    /// <param name="Moves">Why the page changes between two requests of the same reader (then only absence is checked).</param>
    private sealed record Probe(string Route, Shows Shows, Func<Seeded, string>? Url = null, string? Why = null, string? Moves = null);

    private static string P(Seeded s) => s.People.Kassab.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string M(Seeded s) => s.Matter.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static readonly Probe[] Table =
    [
        new("GET api/v1/people/{id:long}", Shows.File, s => $"/api/v1/people/{P(s)}"),
        new("GET api/v1/people/{personId:long}/custody", Shows.File, s => $"/api/v1/people/{P(s)}/custody"),
        new("GET api/v1/people/{personId:long}/matters", Shows.File, s => $"/api/v1/people/{P(s)}/matters"),
        new("GET api/v1/matters/{id:long}", Shows.File, s => $"/api/v1/matters/{M(s)}"),
        new("GET api/v1/people/{personId:long}/protection", Shows.File, s => $"/api/v1/people/{P(s)}/protection"),
        new("GET api/v1/people/{personId:long}/deadlines", Shows.File, s => $"/api/v1/people/{P(s)}/deadlines"),
        new("GET api/v1/people/{personId:long}/hearings", Shows.File, s => $"/api/v1/people/{P(s)}/hearings"),
        new("GET api/v1/people/{personId:long}/records-requests", Shows.File, s => $"/api/v1/people/{P(s)}/records-requests"),
        new("GET api/v1/people/{personId:long}/removal-orders", Shows.File, s => $"/api/v1/people/{P(s)}/removal-orders"),
        new("GET api/v1/people/{personId:long}/convictions", Shows.File, s => $"/api/v1/people/{P(s)}/convictions"),
        new("GET api/v1/people/{personId:long}/relief-claims", Shows.File, s => $"/api/v1/people/{P(s)}/relief-claims"),
        new("GET api/v1/people/{personId:long}/bond-cases", Shows.File, s => $"/api/v1/people/{P(s)}/bond-cases"),
        new("GET api/v1/records-requests/outstanding", Shows.List, _ => "/api/v1/records-requests/outstanding"),
        new("GET api/v1/classes", Shows.List, _ => "/api/v1/classes"),
        new("GET api/v1/classes/{id:long}", Shows.List, s => $"/api/v1/classes/{s.People.ClassId}"),
        new("GET api/v1/intake", Shows.List, _ => "/api/v1/intake"),
        new("GET api/v1/intake/calls", Shows.List, _ => "/api/v1/intake/calls"),
        new("GET api/v1/people", Shows.List, _ => "/api/v1/people?pageSize=500"),
        new("GET api/v1/people#search", Shows.List, _ => "/api/v1/people?q=Kassab"),
        new("GET api/v1/deadlines", Shows.List, _ => "/api/v1/deadlines"),
        new("GET api/v1/facilities", Shows.List, _ => "/api/v1/facilities"),
        new("GET api/v1/alerts", Shows.List, _ => "/api/v1/alerts"),
        new("GET api/v1/habeas/queue", Shows.List, _ => "/api/v1/habeas/queue"),
        new("GET api/v1/habeas/respondents", Shows.Nothing, Why: "officials of a facility on a day"),
        new("GET api/v1/board", Shows.List, _ => "/api/v1/board"),
        new("GET api/v1/board/{id:long}/suggestions", Shows.File, s => $"/api/v1/board/{s.Post}/suggestions"),
        new("GET api/v1/profile", Shows.Nothing, Why: "the reader's own attorney profile"),
        new("GET health", Shows.Nothing, Why: "health check"),
        new("GET openapi/{documentName}.json", Shows.Nothing, Why: "API description"),
        new("GET calendar/{token}.ics", Shows.Nothing, Why: "anonymous feed of the owner's own assignments, read with the owner's visibility (db.ScopeTo); no dedicated test yet"),

        new("/People/Details OnGet", Shows.File, s => $"/People/Details?id={P(s)}"),
        new("/People/Edit OnGet", Shows.File, s => $"/People/Edit?id={P(s)}"),
        new("/Custody/Record OnGet", Shows.File, s => $"/Custody/Record?personId={P(s)}"),
        new("/Matters/Edit OnGet", Shows.File, s => $"/Matters/Edit?id={M(s)}"),
        new("/Hearings/Edit OnGet", Shows.File, s => $"/Hearings/Edit?personId={P(s)}"),
        new("/Records/Edit OnGet", Shows.File, s => $"/Records/Edit?personId={P(s)}"),
        new("/Relief/Edit OnGet", Shows.File, s => $"/Relief/Edit?personId={P(s)}"),
        new("/Bond/Edit OnGet", Shows.File, s => $"/Bond/Edit?personId={P(s)}"),
        new("/Records/Index OnGet", Shows.List, _ => "/Records"),
        new("/Hearings/Import OnGet", Shows.Nothing, Why: "empty form"),
        new("/Hotline/Index OnGet", Shows.Nothing, Why: "the public hotline form"),
        new("/Hotline/Thanks OnGet", Shows.Nothing, Why: "the public thank-you page"),
        new("/Intake/Index OnGet", Shows.List, _ => "/Intake"),
        new("/Intake/Calls OnGet", Shows.List, _ => "/Intake/Calls"),
        new("/Bulk/History OnGet", Shows.List, _ => "/Bulk/History"),
        new("/Protection/StayDecision OnGet", Shows.File, s => $"/Protection/StayDecision?matterId={M(s)}"),
        new("/Review/Pair OnGet", Shows.File, s => $"/Review/Pair?left={P(s)}&right={s.People.Toma}"),
        new("/Documents/Draft OnGetFile", Shows.File, s => $"/Documents/Draft?handler=File&id={s.Document}"),
        new("/Reports/Index OnGetPeople", Shows.List, _ => "/Reports?handler=People&format=Csv"),
        new("/Reports/Index OnGetStatus", Shows.List, s => $"/Reports?handler=Status&classId={s.People.ClassId}&since=2017-07-01&format=Csv"),
        new("/Index OnGet", Shows.List, _ => "/"),
        new("/Account/Login OnGet", Shows.Nothing, Why: "sign-in"),
        new("/Account/Password OnGet", Shows.Nothing, Why: "own password form"),
        new("/Account/Tokens OnGet", Shows.Nothing, Why: "own API tokens"),
        new("/Audit/Index OnGet", Shows.List, _ => "/Audit", Moves: "the partner's own reads and exports of its clients are logged as the table runs"),
        new("/Bulk/Index OnGet", Shows.Nothing, Why: "empty form"),
        new("/Classes/Details OnGet", Shows.List, s => $"/Classes/Details?id={s.People.ClassId}"),
        new("/Classes/Index OnGet", Shows.List, _ => "/Classes"),
        new("/Classes/RecordOrder OnGet", Shows.List, s => $"/Classes/RecordOrder?classId={s.People.ClassId}"),
        new("/Dashboard/Index OnGet", Shows.List, _ => "/Dashboard"),
        new("/Deadlines/Calendar OnGet", Shows.Nothing, Why: "own feed settings"),
        new("/Deadlines/Closures OnGet", Shows.Nothing, Why: "court closures"),
        new("/Deadlines/Index OnGet", Shows.List, _ => "/Deadlines"),
        new("/Deadlines/Outbox OnGet", Shows.Nothing, Why: "reminder mail files on disk (administrators); not scoped: see docs/security-s7orgs.md"),
        new("/Deadlines/Records OnGet", Shows.Nothing, Why: "empty form"),
        new("/Documents/Draft OnGet", Shows.Nothing, Why: "answers 404"),
        new("/Documents/Index OnGet", Shows.Nothing, Why: "templates"),
        new("/Documents/Index OnGetDownload", Shows.Nothing, Why: "a template"),
        new("/Facilities/Details OnGet", Shows.List, s => $"/Facilities/Details?id={s.Ohio}"),
        new("/Facilities/Edit OnGet", Shows.Nothing, Why: "facility form"),
        new("/Facilities/Index OnGet", Shows.List, _ => "/Facilities"),
        new("/Habeas/Alerts OnGet", Shows.List, _ => "/Habeas/Alerts"),
        new("/Habeas/Queue OnGet", Shows.List, _ => "/Habeas/Queue"),
        new("/Habeas/Respondents OnGet", Shows.Nothing, Why: "officials and district rules"),
        new("/Hearings/Index OnGet", Shows.List, _ => "/Hearings?from=2017-01-01&to=2018-12-31"),
        new("/Habeas/Draft OnGet", Shows.List, s => $"/Habeas/Draft?Ids={P(s)}"),
        new("/Import/Index OnGet", Shows.List, _ => "/Import"),
        new("/Import/Progress OnGet", Shows.Nothing, Why: "an import job's progress (its starter's own job)"),
        new("/People/Index OnGet", Shows.List, _ => "/People"),
        new("/People/Index OnGet#search", Shows.List, _ => "/People?q=Kassab"),
        new("/Protection/Index OnGet", Shows.List, _ => "/Protection"),
        new("/Protection/Person OnGet", Shows.Nothing, Why: "redirects to the person's file (tested as /People/Details)"),
        new("/Reports/Index OnGet", Shows.List, _ => "/Reports"),
        new("/Review/Index OnGet", Shows.List, _ => "/Review"),
        new("/Users/Edit OnGet", Shows.Nothing, Why: "a user"),
        new("/Users/Index OnGet", Shows.Nothing, Why: "users"),
        new("/Organisations/Index OnGet", Shows.List, _ => "/Organisations"),
        new("/Board/Index OnGet", Shows.List, _ => "/Board"),
        new("/Board/Post OnGet", Shows.File, s => $"/Board/Post?personId={P(s)}"),
        new("/Board/Details OnGet", Shows.File, s => $"/Board/Details?id={s.Post}"),
        new("/Board/Profile OnGet", Shows.Nothing, Why: "the reader's own attorney profile"),
    ];

    /// <summary>Kassab's given name: the people list's search box suggests "Kassab" itself as an example.</summary>
    private const string Marker = "Yousif";

    private static readonly string[] PartnerRoles = [Roles.Admin, Roles.Attorney, Roles.Intake, Roles.Viewer];

    internal static string PartnerEmail(string role) => $"b-{role}@test.stayline";

    [Fact]
    public void EveryClassifiedGet_IsInTheScopingTable()
    {
        var classified = PersonReadAuditTests.AuditedApi.Concat(PersonReadAuditTests.NotAPersonsFileApi.Keys)
            .Concat(PersonReadAuditTests.AuditedPages).Concat(PersonReadAuditTests.NotAPersonsFilePages.Keys).ToHashSet(StringComparer.Ordinal);
        var table = Table.Select(t => t.Route.Split('#')[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(classified.Except(table));
        Assert.Empty(table.Except(classified));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryRoute_ShowsAPartnerOnlyItsOwnAndSharedPeople_AndTheCoordinatingAdminEveryone(string provider)
    {
        // A stopped clock: the table compares each list before and after the partner's sharing, and a page that counts
        // hours held (the habeas queue) changed between the two when an hour turned during the run.
        await using var app = await TestApp.StartAsync(provider, new FakeTimeProvider(DateTimeOffset.UtcNow));
        var failures = await RunTableAsync(app);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The table catches a missing filter: with a visibility that lets every reader see everyone (as if the
    /// query filter and the SQL predicate were gone), files and lists of org A's person reach org B.</summary>
    [Fact]
    public async Task WithoutTheVisibilityRule_TheTableFails()
    {
        await using var app = await TestApp.StartAsync(clock: new FakeTimeProvider(DateTimeOffset.UtcNow), configure: b => b.Services.AddSingleton<IVisibilitySource>(new EveryoneSource()));
        var failures = await RunTableAsync(app);
        Assert.Contains(failures, f => f.StartsWith("GET api/v1/people/{id:long} as b-viewer", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("/People/Details OnGet as b-attorney", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("/People/Index OnGet#search as b-viewer", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("/Dashboard/Index OnGet as b-viewer", StringComparison.Ordinal));
    }

    private sealed class EveryoneSource : IVisibilitySource
    {
        public Visibility Current => Visibility.Everyone;
    }

    /// <summary>Runs the table; returns what went wrong, one line per route, role and expectation.</summary>
    private static async Task<List<string>> RunTableAsync(TestApp app)
    {
        var seeded = await SeedAsync(app);
        var failures = new List<string>();
        var partner = new Dictionary<string, (HttpClient Page, HttpClient Api)>();
        foreach (var role in PartnerRoles)
        {
            partner[role] = (await SignedInAsync(app, PartnerEmail(role)), await ApiAsync(app, PartnerEmail(role)));
        }

        var coordinatingAdmin = (Page: await app.SignedInAsync(Roles.Admin), Api: app.Api(Roles.Admin));
        var coordinatingAttorney = (Page: await app.SignedInAsync(Roles.Attorney), Api: app.Api(Roles.Attorney));
        var probes = Table.Where(t => t.Shows != Shows.Nothing).ToList();
        var before = new Dictionary<(string, string), string>();
        var adminSees = new HashSet<string>(StringComparer.Ordinal);

        foreach (var probe in probes)
        {
            var url = probe.Url!(seeded);
            var answered = 0;
            foreach (var role in PartnerRoles)
            {
                var (status, body) = await GetAsync(partner[role], url);
                if (status is HttpStatusCode.Forbidden)
                {
                    continue;
                }

                answered++;
                var who = $"{probe.Route} as b-{role}";
                if (probe.Shows == Shows.File && status != HttpStatusCode.NotFound)
                {
                    failures.Add($"{who}: {status}, expected 404 for another organisation's person");
                }
                else if (probe.Shows == Shows.List)
                {
                    if (status != HttpStatusCode.OK)
                    {
                        failures.Add($"{who}: {status}");
                    }
                    else if (body.Contains(Marker, StringComparison.Ordinal))
                    {
                        failures.Add($"{who}: shows org A's person");
                    }

                    if (probe.Moves is null)
                    {
                        before[(probe.Route, role)] = body;
                    }
                }
            }

            if (answered == 0)
            {
                failures.Add($"{probe.Route}: no partner role may request it; the row tests nothing");
            }

            var (adminStatus, adminBody) = await GetAsync(coordinatingAdmin, url);
            if (adminStatus != HttpStatusCode.OK)
            {
                failures.Add($"{probe.Route} as the coordinating admin: {adminStatus}");
            }

            if (adminBody.Contains(Marker, StringComparison.Ordinal))
            {
                adminSees.Add(probe.Route);
            }

            if (probe.Shows == Shows.List && (await GetAsync(coordinatingAttorney, url)) is { Status: HttpStatusCode.OK } a
                && a.Body.Contains("Shamoun", StringComparison.Ordinal))
            {
                failures.Add($"{probe.Route} as the coordinating attorney: shows org B's person");
            }
        }

        // Org A gains a client; nothing org B sees may change.
        await AddClientOfCoordinatingOrgAsync(app);
        foreach (var ((route, role), body) in before)
        {
            var (_, now) = await GetAsync(partner[role], Table.First(t => t.Route == route).Url!(seeded));
            if (!string.Equals(now, body, StringComparison.Ordinal))
            {
                var at = Enumerable.Range(0, Math.Min(now.Length, body.Length)).FirstOrDefault(i => now[i] != body[i], Math.Min(now.Length, body.Length));
                failures.Add($"{route} as b-{role}: changed when org A gained a client (a count or list includes another organisation's people): "
                    + $"before \"{Around(body, at)}\", after \"{Around(now, at)}\"");
            }
        }

        // Shared with B: B sees Kassab (and Toma, the other half of the review pair) wherever the coordinating admin does.
        foreach (var id in new[] { seeded.People.Kassab, seeded.People.Toma })
        {
            var share = await coordinatingAdmin.Api.PostAsJsonAsync($"/api/v1/people/{id}/shares", new ShareWrite(seeded.PartnerOrg, null));
            Assert.True(share.StatusCode == HttpStatusCode.OK, $"share: {share.StatusCode} {await share.Content.ReadAsStringAsync()}");
        }

        foreach (var probe in probes)
        {
            foreach (var role in PartnerRoles)
            {
                var (status, body) = await GetAsync(partner[role], probe.Url!(seeded));
                if (status is HttpStatusCode.Forbidden)
                {
                    continue;
                }

                var who = $"{probe.Route} as b-{role} after sharing";
                if (probe.Shows == Shows.File && status != HttpStatusCode.OK)
                {
                    failures.Add($"{who}: {status}");
                }
                else if (probe.Shows == Shows.List && adminSees.Contains(probe.Route) && !body.Contains(Marker, StringComparison.Ordinal))
                {
                    failures.Add($"{who}: does not show the shared person");
                }
            }
        }

        var unshare = await coordinatingAdmin.Api.DeleteAsync($"/api/v1/people/{seeded.People.Kassab}/shares/{seeded.PartnerOrg}");
        Assert.Equal(HttpStatusCode.OK, unshare.StatusCode);
        foreach (var probe in probes.Where(p => p.Shows == Shows.File && p.Route.StartsWith("GET", StringComparison.Ordinal) && !p.Route.Contains("matters", StringComparison.Ordinal)))
        {
            // A route viewers may not use (the board's suggestions, for admins) is asked as B's admin.
            var asker = (await GetAsync(partner[Roles.Viewer], probe.Url!(seeded))).Status == HttpStatusCode.Forbidden ? Roles.Admin : Roles.Viewer;
            if ((await GetAsync(partner[asker], probe.Url!(seeded))).Status != HttpStatusCode.NotFound)
            {
                failures.Add($"{probe.Route} as b-{asker} after the sharing ended: not 404");
            }
        }

        // Enough rows show Kassab to the coordinating admin for "sees it after sharing" to mean something.
        if (adminSees.Count < 20)
        {
            failures.Add($"only {adminSees.Count} routes show the person to the coordinating admin: {string.Join(", ", adminSees)}");
        }

        return failures;
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync((HttpClient Page, HttpClient Api) client, string url)
    {
        var response = await (url.StartsWith("/api/", StringComparison.Ordinal) ? client.Api : client.Page).GetAsync(url);
        var status = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Account/Denied", StringComparison.Ordinal) == true
            ? HttpStatusCode.Forbidden
            : response.StatusCode;
        return (status, Normalise(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The text around the first difference, for the failure message.</summary>
    private static string Around(string text, int at) => text.Substring(Math.Max(0, at - 60), Math.Min(text.Length, at + 60) - Math.Max(0, at - 60));

    /// <summary>The antiforgery token differs on every page view; nothing else may.</summary>
    private static string Normalise(string body) => AntiforgeryValue().Replace(body, "");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex AntiforgeryValue();

    internal static async Task<HttpClient> SignedInAsync(TestApp app, string email)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var login = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestApp.Password,
            ["__RequestVerificationToken"] = TestApp.AntiforgeryToken(login),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    internal static async Task<HttpClient> ApiAsync(TestApp app, string email)
    {
        var output = new StringWriter();
        Assert.Equal(0, await StaylineCli.RunAsync(["token", "create", "--email", email, "--db", app.Database.ConnectionString], output, new StringWriter()));
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", output.ToString().Trim());
        return client;
    }

    /// <summary>Partner B with a user of every role, and B's own client Mariam Shamoun; org A (coordinating) has the status scenario.</summary>
    private static async Task<Seeded> SeedAsync(TestApp app)
    {
        var ids = await StatusScenario.SeedAsync(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var (partner, error) = await OrganisationService.AddAsync(db, "Partner B", coordinating: false, DateTimeOffset.UnixEpoch, CancellationToken.None);
        Assert.Null(error);
        foreach (var role in PartnerRoles)
        {
            Assert.Null(await UserCommands.CreateUserAsync(app.Services, PartnerEmail(role), $"Partner {role}", role, TestApp.Password, "Partner B"));
        }

        var ohio = await db.Facilities.Where(f => f.Name.StartsWith("Northeast Ohio")).Select(f => f.Id).FirstAsync();
        var (shamoun, errors) = Person.Create(new PersonInput("A077777777", "Mariam", "Shamoun", null, null, BirthDatePrecision.Unknown, "Iraq", null, false, null),
            new DateOnly(2017, 7, 31), DateTimeOffset.UnixEpoch);
        Assert.Empty(errors);
        shamoun!.BelongTo(partner!.Id);
        db.People.Add(shamoun);
        await db.SaveChangesAsync();
        Assert.Empty(CustodyLedger.Detain(shamoun, ohio, new DateOnly(2017, 6, 11), new DateOnly(2017, 7, 31)));
        await db.SaveChangesAsync();

        var matter = await db.Matters.Where(m => m.PersonId == ids.Kassab).Select(m => m.Id).FirstAsync();
        var doc = new GeneratedDocument
        {
            PersonId = ids.Kassab,
            TemplateKey = "test",
            TemplateVersion = 1,
            FileName = "draft_Kassab.docx",
            Content = [1, 2, 3],
            CreatedAt = DateTimeOffset.UnixEpoch,
            CreatedBy = "test",
        };
        db.GeneratedDocuments.Add(doc);
        // Kassab's case on the volunteer board: partners see the card (district, facility, needs), never his name.
        var kassabOrg = await db.People.Where(p => p.Id == ids.Kassab).Select(p => p.OrganisationId).FirstAsync();
        var ohioDistrict = await db.Facilities.Where(f => f.Id == ohio).Select(f => f.District).FirstAsync() ?? "N.D. Ohio";
        var post = new Stayline.Domain.Board.CasePost(ids.Kassab, kassabOrg, ohioDistrict, ohio, Stayline.Domain.Board.CaseNeeds.Habeas, "Arabic",
            DateTimeOffset.UtcNow, null, "test");
        db.CasePosts.Add(post);
        await db.SaveChangesAsync();
        return new Seeded(ids, matter, ohio, doc.Id, partner.Id, shamoun.Id, post.Id);
    }

    /// <summary>Another detained client of the coordinating organisation, a class member with a pending matter and an
    /// A-file received (deadlines follow), at the same facility as Kassab.</summary>
    private static async Task AddClientOfCoordinatingOrgAsync(TestApp app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var ohio = await db.Facilities.Where(f => f.Name.StartsWith("Northeast Ohio")).Select(f => f.Id).FirstAsync();
        var classId = await db.ClassActions.Select(c => c.Id).FirstAsync();
        var today = new DateOnly(2017, 7, 31);
        var (q, errors) = Person.Create(new PersonInput("A066666666", "Nadia", "Qorbani", null, null, BirthDatePrecision.Unknown, "Iraq", null, false, null),
            today, DateTimeOffset.UnixEpoch);
        Assert.Empty(errors);
        db.People.Add(q!);
        await db.SaveChangesAsync();
        Assert.Empty(CustodyLedger.Detain(q!, ohio, new DateOnly(2017, 6, 11), today));
        db.ClassMemberships.Add(new ClassMembership(classId, q!.Id, new DateOnly(2017, 6, 24)));
        db.PersonEvents.Add(new PersonEvent(q.Id, PersonEventKind.AFileReceived, new DateOnly(2017, 7, 10), null));
        var (matter, matterErrors) = Matter.Create(q.Id, new MatterInput(MatterKind.MotionToReopenIj, Matter.DefaultForum(MatterKind.MotionToReopenIj), null, null,
            MatterStatus.Pending, new DateOnly(2017, 7, 20), null, false, null), today);
        Assert.Empty(matterErrors);
        db.Matters.Add(matter!);
        await db.SaveChangesAsync();
    }
}
