using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stayline.Data;
using Stayline.Domain.Board;
using Stayline.Features.Account;
using Stayline.Features.Board;
using Stayline.Features.Deadlines;
using Stayline.Features.Organisations;
using Stayline.Tests.Features.Documents;
using Stayline.Tests.Features.Habeas;
using Stayline.Tests.Features.Organisations;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Board;

/// <summary>
/// The volunteer case board: posting (district from the facility), claims refused outside admissions or capacity, one
/// winner among simultaneous claims, cards across organisations without names, claiming sharing the person with the
/// claimant's organisation, escalation on a fake clock, and the drafting attorney's signature block.
/// </summary>
public class BoardTests
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static async Task<(HttpStatusCode Status, string Body)> ClaimAsync(HttpClient client, long post)
    {
        var response = await client.PostAsync($"/api/v1/board/{post}/claim", null);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Claim_OutsideAdmissionsOrCapacity_IsRefusedNamingTheReason(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (person, post) = await BoardKit.PostedAsync(app);
        var attorney = app.Api("attorney");

        // Admitted in the other Michigan district only, and to the state bar: not enough for W.D. Mich.
        await BoardKit.PutProfileAsync(attorney, BoardKit.Profile(5, "English", ("StateBar", "MI", "P81234"), ("FederalDistrict", "E.D. Mich.", null)));
        var (status, body) = await ClaimAsync(attorney, post);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("not admitted to the U.S. District Court for the W.D. Mich.", body, StringComparison.Ordinal);

        // Admitted, but no capacity recorded.
        await BoardKit.PutProfileAsync(attorney, BoardKit.Profile(null, "English", ("FederalDistrict", "W.D. Mich.", null)));
        (status, body) = await ClaimAsync(attorney, post);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("no capacity", body, StringComparison.Ordinal);

        // Admitted, capacity 1, already carrying one open case.
        await BoardKit.PutProfileAsync(attorney, BoardKit.Profile(1, "English", ("FederalDistrict", "wd mich", null)));
        var other = await BoardKit.PersonAsync(app, "Nadia", "Toma");
        await new HabeasKit(app).AssignAsync(other, "attorney", new DateOnly(2026, 11, 1));
        (status, body) = await ClaimAsync(attorney, post);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("at capacity: 1 open cases of 1", body, StringComparison.Ordinal);

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            Assert.Equal(CasePostStatus.Open, (await db.CasePosts.SingleAsync(p => p.Id == post)).Status);
            Assert.False(await db.Assignments.AnyAsync(a => a.PersonId == person));
        }

        // Room for one more: the claim assigns the attorney, takes the post off the board, and is audited.
        await BoardKit.PutProfileAsync(attorney, BoardKit.Profile(2, "English", ("FederalDistrict", "W.D. Mich.", null)));
        (status, body) = await ClaimAsync(attorney, post);
        Assert.True(status == HttpStatusCode.OK, body);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var user = await db.Users.SingleAsync(u => u.Email == TestApp.Email("attorney"));
            Assert.Equal(user.Id, (await db.Assignments.SingleAsync(a => a.PersonId == person)).UserId);
            var claimed = await db.CasePosts.SingleAsync(p => p.Id == post);
            Assert.Equal((CasePostStatus.Claimed, user.Id), (claimed.Status, claimed.ClaimedById));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "claim" && e.EntityType == "CasePost" && e.PersonId == person && e.UserId == user.Id));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == "AttorneyProfile" && e.EntityId == user.Id));
        }

        Assert.Empty((await attorney.GetFromJsonAsync<List<CardDto>>("/api/v1/board", Json))!);
        (status, body) = await ClaimAsync(attorney, post);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("already claimed", body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Claim_ManyVolunteersAtOnce_OneWinsTheOthersAreToldItWasTaken(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (person, post) = await BoardKit.PostedAsync(app);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 6; i++)
        {
            var email = $"volunteer{i}@test.stayline";
            Assert.Null(await UserCommands.CreateUserAsync(app.Services, email, $"Volunteer {i}", Roles.Attorney, TestApp.Password));
            var client = await ScopingRouteTableTests.ApiAsync(app, email);
            await BoardKit.PutProfileAsync(client, BoardKit.Profile(3, null, ("FederalDistrict", "W.D. Mich.", null)));
            clients.Add(client);
        }

        using var start = new SemaphoreSlim(0);
        var claims = clients.Select(async c => { await start.WaitAsync(); return await ClaimAsync(c, post); }).ToList();
        start.Release(clients.Count);
        var results = await Task.WhenAll(claims);

        Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.All(results.Where(r => r.Status != HttpStatusCode.OK), r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.Status);
            Assert.Matches("claimed (this case a moment before you|by another volunteer)", r.Body);
        });
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        Assert.Equal(1, await db.Assignments.CountAsync(a => a.PersonId == person));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "claim" && e.PersonId == person));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Claim_OneVolunteerClaimingSeveralAtOnce_NeverGoesPastTheirCapacity(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var posts = new List<long>();
        foreach (var family in new[] { "Kassab", "Toma", "Shamoon", "Yalda" })
        {
            posts.Add((await BoardKit.PostedAsync(app, family)).Post);
        }

        var attorney = app.Api("attorney");
        await BoardKit.PutProfileAsync(attorney, BoardKit.Profile(2, "English", ("FederalDistrict", "W.D. Mich.", null)));
        using var start = new SemaphoreSlim(0);
        var claims = posts.Select(async p => { await start.WaitAsync(); return await ClaimAsync(attorney, p); }).ToList();
        start.Release(posts.Count);
        var results = await Task.WhenAll(claims);

        Assert.Equal(2, results.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(results.Where(r => r.Status != HttpStatusCode.OK), r =>
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, r.Status);
            Assert.Contains("at capacity: 2 open cases of 2", r.Body, StringComparison.Ordinal);
        });
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == TestApp.Email("attorney"));
        Assert.Equal(2, await db.Assignments.CountAsync(a => a.UserId == user.Id));
        Assert.Equal(2, await db.CasePosts.CountAsync(p => p.Status == CasePostStatus.Claimed));
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == "claim" && e.UserId == user.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Board_AcrossOrganisations_ShowsCardsWithoutNames_AndClaimingSharesThePersonWithTheClaimantsOrganisation(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (person, post) = await BoardKit.PostedAsync(app, "Kassab", "Arabic, Chaldean Neo-Aramaic");
        long partner;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var (org, error) = await OrganisationService.AddAsync(db, "Partner Clinic", coordinating: false, DateTimeOffset.UnixEpoch, CancellationToken.None);
            Assert.Null(error);
            partner = org!.Id;
        }

        Assert.Null(await UserCommands.CreateUserAsync(app.Services, "b-attorney@test.stayline", "Partner Attorney", Roles.Attorney, TestApp.Password, "Partner Clinic"));
        Assert.Null(await UserCommands.CreateUserAsync(app.Services, "b-admin@test.stayline", "Partner Admin", Roles.Admin, TestApp.Password, "Partner Clinic"));
        var volunteer = await ScopingRouteTableTests.ApiAsync(app, "b-attorney@test.stayline");
        var partnerAdmin = await ScopingRouteTableTests.ApiAsync(app, "b-admin@test.stayline");

        // The card reaches the partner's volunteer: district, facility, needs, languages; no name, no person id.
        var cards = (await volunteer.GetFromJsonAsync<List<CardDto>>("/api/v1/board", Json))!;
        var card = Assert.Single(cards);
        Assert.Equal(("W.D. Mich.", "Calhoun County Correctional Center", null, null), (card.District, card.Facility, card.PersonName, card.PersonId));
        Assert.Equal(["habeas", "bond"], card.Needs);
        Assert.Equal(["Arabic", "Chaldean Neo-Aramaic"], card.Languages);
        var raw = await volunteer.GetStringAsync("/api/v1/board");
        Assert.DoesNotContain("Kassab", raw, StringComparison.Ordinal);
        // The coordinating admin sees whose case it is.
        Assert.Equal("Yousif Kassab", Assert.Single((await app.Api("admin").GetFromJsonAsync<List<CardDto>>("/api/v1/board", Json))!).PersonName);
        // The partner's admin can neither see the file, nor the post's suggestions, nor post or withdraw it.
        Assert.Equal(HttpStatusCode.NotFound, (await partnerAdmin.GetAsync($"/api/v1/people/{person}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partnerAdmin.GetAsync($"/api/v1/board/{post}/suggestions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partnerAdmin.PostAsJsonAsync("/api/v1/board", new { personId = person, needs = new[] { "habeas" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partnerAdmin.PostAsync($"/api/v1/board/{post}/withdraw", null)).StatusCode);
        // Viewers and intake volunteers do not use the board.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api("viewer").GetAsync("/api/v1/board")).StatusCode);

        await BoardKit.PutProfileAsync(volunteer, BoardKit.Profile(10, "Arabic", ("FederalDistrict", "W.D. Mich.", "P99999")));
        var (status, body) = await ClaimAsync(volunteer, post);
        Assert.True(status == HttpStatusCode.OK, body);

        // Now the partner sees the file (shared with its organisation), and the share is on record.
        Assert.Equal(HttpStatusCode.OK, (await volunteer.GetAsync($"/api/v1/people/{person}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partnerAdmin.GetAsync($"/api/v1/people/{person}")).StatusCode);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var share = await db.PersonShares.SingleAsync(s => s.PersonId == person);
            Assert.Equal((partner, "b-attorney@test.stayline"), (share.OrganisationId, share.SharedByName));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == "PersonShare" && e.Action == "create" && e.PersonId == person));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Escalation_AfterTheConfiguredHours_FlagsTheDashboardAndEmailsTheCoordinatorsOnce(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        await using var app = await TestApp.StartAsync(provider, clock, b =>
        {
            HabeasKit.OwnOutbox(b);
            b.Configuration["Stayline:Board:EscalateAfterHours"] = "6";
        });
        var (_, post) = await BoardKit.PostedAsync(app);
        var admin = await app.SignedInAsync("admin");

        async Task<(int Escalated, int Sent)> RunAsync()
        {
            await using var scope = app.Scope();
            var escalated = await scope.ServiceProvider.GetRequiredService<BoardService>().EscalateAsync(CancellationToken.None);
            var sent = await app.Services.GetRequiredService<BoardMailer>().SendPendingAsync(scope.ServiceProvider.GetRequiredService<StaylineDbContext>(), CancellationToken.None);
            return (escalated, sent);
        }

        clock.Advance(TimeSpan.FromHours(6) - TimeSpan.FromMinutes(1));
        Assert.Equal((0, 0), await RunAsync());
        Assert.Contains("data-board-escalated=\"0\"", await admin.GetStringAsync("/Dashboard"), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal((1, 1), await RunAsync());
        Assert.Equal((0, 0), await RunAsync());
        var dashboard = await admin.GetStringAsync("/Dashboard");
        Assert.Contains("data-board-escalated=\"1\"", dashboard, StringComparison.Ordinal);
        Assert.Contains($"/Board/Details?id={post}", dashboard, StringComparison.Ordinal);

        var outbox = app.Services.GetRequiredService<ReminderSender>().Outbox();
        var mail = Assert.Single(outbox);
        Assert.Equal("Stayline: case unclaimed on the board for 6 hours (W.D. Mich.)", mail.Subject);
        Assert.Contains(TestApp.Email("admin"), mail.To, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(Path.Combine(app.Services.GetRequiredService<ReminderSender>().OutboxFolder, mail.File));
        Assert.DoesNotContain("Kassab", text, StringComparison.Ordinal);

        await using var check = app.Scope();
        var db = check.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var stored = await db.CasePosts.SingleAsync(p => p.Id == post);
        Assert.Equal(clock.GetUtcNow(), stored.EscalatedAt);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "escalate" && e.EntityType == "CasePost"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Suggestions_OnlyAdmittedWithRoom_RankedByLanguageThenSpareCapacity(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, post) = await BoardKit.PostedAsync(app, "Kassab", "Arabic");
        async Task VolunteerAsync(string name, int capacity, string languages, string district)
        {
            var email = name.ToLowerInvariant() + "@test.stayline";
            Assert.Null(await UserCommands.CreateUserAsync(app.Services, email, name, Roles.Attorney, TestApp.Password));
            await BoardKit.PutProfileAsync(await ScopingRouteTableTests.ApiAsync(app, email), BoardKit.Profile(capacity, languages, ("FederalDistrict", district, null)));
        }

        await VolunteerAsync("Roomy", 20, "English", "W.D. Mich.");
        await VolunteerAsync("Arabist", 2, "English, Arabic", "W.D. Mich.");
        await VolunteerAsync("Elsewhere", 50, "Arabic", "E.D. Mich.");
        await VolunteerAsync("Full", 0, "Arabic", "W.D. Mich.");

        var list = (await app.Api("admin").GetFromJsonAsync<List<SuggestionDto>>($"/api/v1/board/{post}/suggestions", Json))!;
        Assert.Equal(["Arabist", "Roomy"], list.Select(s => s.Name));
        Assert.Equal((1, 2), (list[0].LanguageMatches, list[0].Spare));
        var page = WebUtility.HtmlDecode(await (await app.SignedInAsync("admin")).GetStringAsync($"/Board/Details?id={post}"));
        Assert.True(page.IndexOf("Arabist", StringComparison.Ordinal) < page.IndexOf("Roomy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_WhenTheFacilityHasNoDistrict_OrNeedsNothing_IsRefusedWithTheReason()
    {
        await using var app = await TestApp.StartAsync();
        var kit = new HabeasKit(app);
        var person = await kit.PersonAsync("Sabah", "Yaldo");
        var admin = app.Api("admin");

        var none = await admin.PostAsJsonAsync("/api/v1/board", new { personId = person, needs = new[] { "habeas" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Contains("has no current facility", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await kit.CustodyAsync(person, "Detain", "2026-11-20", await kit.FacilityAsync("Calhoun County Correctional Center"));
        var nothing = await admin.PostAsJsonAsync("/api/v1/board", new { personId = person, needs = Array.Empty<string>() });
        Assert.Contains("Say what the case needs", await nothing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var typo = await admin.PostAsJsonAsync("/api/v1/board", new { personId = person, needs = new[] { "habaes" } });
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Contains("\"habaes\" is not one of habeas, motion, bond", await DetailAsync(typo), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_WithAnUnknownDistrictOrAStateBarWithoutNumber_IsRefusedNamingTheRow()
    {
        await using var app = await TestApp.StartAsync();
        var response = await app.Api("attorney").PutAsJsonAsync("/api/v1/profile",
            BoardKit.Profile(3, null, ("FederalDistrict", "W.D. Mich.", null), ("FederalDistrict", "E.D. Narnia", null), ("StateBar", "MI", null)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await DetailAsync(response);
        Assert.Contains("Admission 2: \"E.D. Narnia\" is not a federal district", body, StringComparison.Ordinal);
        Assert.Contains("Admission 3: a state bar admission needs its bar number", body, StringComparison.Ordinal);
        var profile = (await app.Api("attorney").GetFromJsonAsync<ProfileDto>("/api/v1/profile", Json))!;
        Assert.Empty(profile.Admissions);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HabeasDraft_PrintsTheDraftingAttorneysSignatureBlock_AndFlagsAMissingDistrictAdmission(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero)));
        var (_, _, kassab, toma) = await BulkDraftTests.SeedAsync(app);
        await BoardKit.PutProfileAsync(app.Api("attorney"), BoardKit.Profile(10, "Arabic",
            ("StateBar", "MI", "P81234"), ("FederalDistrict", "E.D. Mich.", null), ("FederalDistrict", "W.D. Mich.", null)));
        var attorney = await app.SignedInAsync("attorney");

        var ids = string.Create(CultureInfo.InvariantCulture, $"{kassab},{toma}");
        var check = WebUtility.HtmlDecode(await attorney.GetStringAsync($"/Habeas/Draft?Ids={ids}"));
        Assert.Contains("drafting attorney's admission to the S.D. Fla.", check, StringComparison.Ordinal);

        var response = await TestApp.PostFormAsync(attorney, $"/Habeas/Draft?Ids={ids}", "/Habeas/Draft", new Dictionary<string, string>
        {
            ["Template"] = "habeas-2241",
            ["Ids"] = ids,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var michigan = Lines(zip, "habeas-2241_A010000001_kassab.docx");
        var at = michigan.IndexOf("/s/ Test attorney");
        Assert.True(at > 0, string.Join("\n", michigan));
        Assert.Equal(["Test attorney", "U.S. District Court, W.D. Mich. (admitted March 2, 2015)", "MI Bar No. P81234",
            "Admitted: U.S. District Court, W.D. Mich. (admitted March 2, 2015); U.S. District Court, E.D. Mich. (admitted March 2, 2015); State bar of MI, No. P81234 (admitted March 2, 2015)",
            "attorney@test.stayline", "Counsel for Petitioner"], michigan.Skip(at + 1).Take(6));
        var florida = Lines(zip, "habeas-2241_A010000002_toma.docx");
        Assert.Contains("[MISSING: drafting attorney's admission to the S.D. Fla.]", florida);
        Assert.Contains("MI Bar No. P81234", florida);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var stored = await db.GeneratedDocuments.Where(d => d.PersonId == toma).Select(d => d.Missing).SingleAsync();
        Assert.Contains("drafting attorney's admission to the S.D. Fla.", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("drafting attorney", await db.GeneratedDocuments.Where(d => d.PersonId == kassab).Select(d => d.Missing ?? "").SingleAsync(),
            StringComparison.Ordinal);
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;

    private static List<string> Lines(ZipArchive zip, string name)
    {
        using var entry = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        entry.CopyTo(copy);
        return Docx.Lines(copy.ToArray()).ToList();
    }
}

/// <summary>Profiles and posts through the API, for the board tests and the browser test.</summary>
public static class BoardKit
{
    private static int _next = 20_000_000;

    /// <summary>A person with an A-number no other call of this kit gives (HabeasKit's numbers restart with each kit).</summary>
    public static async Task<long> PersonAsync(TestApp app, string given, string family)
    {
        var aNumber = "A0" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
        var response = await app.Api("intake").PostAsJsonAsync("/api/v1/people", new { aNumber, givenName = given, familyName = family });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
    }

    public static object Profile(int? capacity, string? languages, params (string Kind, string Jurisdiction, string? Number)[] admissions) => new
    {
        capacity,
        languages,
        admissions = admissions.Select(a => new { kind = a.Kind, jurisdiction = a.Jurisdiction, barNumber = a.Number, admittedOn = "2015-03-02" }).ToArray(),
    };

    public static async Task PutProfileAsync(HttpClient client, object profile)
    {
        var response = await client.PutAsJsonAsync("/api/v1/profile", profile);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A person held at Calhoun (W.D. Mich.), posted on the board by the coordinating admin.</summary>
    public static async Task<(long Person, long Post)> PostedAsync(TestApp app, string family = "Kassab", string languages = "Arabic")
    {
        var kit = new HabeasKit(app);
        var calhoun = await kit.FacilityAsync("Calhoun County Correctional Center");
        var person = await PersonAsync(app, "Yousif", family);
        await kit.CustodyAsync(person, "Detain", "2026-11-20", calhoun);
        var response = await app.Api("admin").PostAsJsonAsync("/api/v1/board", new { personId = person, needs = new[] { "habeas", "bond" }, languages });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var card = (await response.Content.ReadFromJsonAsync<CardDto>(BoardTests.Json))!;
        Assert.Equal("W.D. Mich.", card.District);
        return (person, card.Id);
    }
}
