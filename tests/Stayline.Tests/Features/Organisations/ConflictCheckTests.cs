using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Organisations;
using Stayline.Domain.People;
using Stayline.Domain.Work;
using Stayline.Features.Account;
using Stayline.Features.Organisations;
using Stayline.Tests.Features.Reports;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Organisations;

public class ConflictCheckTests
{
    private const string Secret = "Privileged: client admitted the 2009 conviction";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Check_ByAPartner_FindsClientsContactsAndAdversePartiesOfAnotherOrganisation_WithoutTheirFiles(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (ids, partner) = await SeedAsync(app);

        var kassab = await CheckAsync(partner, "Yusuf Qassab");
        var contact = await CheckAsync(partner, "Hana Al Jabouri");
        var adverse = await CheckAsync(partner, "Sami Yaldoo");

        Assert.Equal([new ConflictHit("Coordinating organisation", ConflictChecks.Client, "Yousif Kassab")], kassab.Hits.Hits);
        Assert.Equal([new ConflictHit("Coordinating organisation", ConflictChecks.FamilyContact, "Hanna Aljabouri")], contact.Hits.Hits);
        Assert.Equal([new ConflictHit("Coordinating organisation", ConflictChecks.AdverseParty, "Sami Yaldo")], adverse.Hits.Hits);
        foreach (var body in new[] { kassab.Body, contact.Body, adverse.Body })
        {
            Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
            Assert.DoesNotContain("motion", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("A012345678", body, StringComparison.Ordinal);
            Assert.DoesNotContain($"\"personId\":{ids.Kassab}", body, StringComparison.Ordinal);
        }

        // The partner still cannot open the file it now knows exists.
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/people/{ids.Kassab}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Decide_RecordsTheDecisionOnce_AWaiverNeedsAReason_AndIsAudited(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, partner) = await SeedAsync(app);
        var check = (await CheckAsync(partner, "Yousif Kassab")).Hits;
        Assert.Null(check.Decision);

        var noReason = await partner.PostAsJsonAsync($"/api/v1/conflicts/{check.Id}/decision", new ConflictDecisionWrite(ConflictDecision.Waived, " "));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var waived = await partner.PostAsJsonAsync($"/api/v1/conflicts/{check.Id}/decision",
            new ConflictDecisionWrite(ConflictDecision.Waived, "Different person: other birth year, confirmed by phone"));
        Assert.Equal(HttpStatusCode.OK, waived.StatusCode);
        var again = await partner.PostAsJsonAsync($"/api/v1/conflicts/{check.Id}/decision", new ConflictDecisionWrite(ConflictDecision.Proceed, null));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var stored = await db.ConflictChecks.AsNoTracking().SingleAsync(c => c.Id == check.Id);
        Assert.Equal((ConflictDecision?)ConflictDecision.Waived, stored.Decision);
        Assert.Equal("Different person: other birth year, confirmed by phone", stored.DecisionReason);
        Assert.Equal(ScopingRouteTableTests.PartnerEmail(Roles.Attorney), stored.DecidedByName);
        Assert.Equal(1, stored.HitCount);
        var audit = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(ConflictCheck) && e.EntityId == check.Id.ToString()).ToListAsync();
        Assert.Equal(["create", "update"], audit.OrderBy(e => e.Id).Select(e => e.Action));
        Assert.Contains("Waived", audit.Single(e => e.Action == "update").After, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Intake_ThroughTheApi_RecordsACheckForTheNewPerson(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedAsync(app);
        var partner = await ScopingRouteTableTests.ApiAsync(app, ScopingRouteTableTests.PartnerEmail(Roles.Intake));

        var created = await partner.PostAsJsonAsync("/api/v1/people", new { givenName = "Yousef", familyName = "Kasab" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var checkId = long.Parse(created.Headers.GetValues("X-Stayline-Conflict-Check").Single(), System.Globalization.CultureInfo.InvariantCulture);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var check = await db.ConflictChecks.AsNoTracking().SingleAsync(c => c.Id == checkId);
        var person = await db.People.AsNoTracking().SingleAsync(p => p.FamilyName == "Kasab");
        var partnerOrg = await db.Organisations.Where(o => o.Name == "Partner B").Select(o => o.Id).SingleAsync();
        Assert.Equal((ConflictPurpose.Intake, person.Id, partnerOrg, 1, (ConflictDecision?)null),
            (check.Purpose, check.PersonId!.Value, check.OrganisationId, check.HitCount, check.Decision));
        Assert.Equal(partnerOrg, person.OrganisationId);
    }

    private static async Task<(string Body, ConflictCheckDto Hits)> CheckAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/v1/conflicts", new ConflictCheckWrite(name, ConflictPurpose.Intake, null));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return (body, JsonSerializer.Deserialize<ConflictCheckDto>(body, ConflictChecks.Json)!);
    }

    /// <summary>Org A (coordinating): the status scenario, a privileged note on Kassab, a family contact and an adverse
    /// party; Partner B with a user of every role. Returns B's attorney's API client.</summary>
    private static async Task<(StatusScenario.Ids Ids, HttpClient Partner)> SeedAsync(TestApp app)
    {
        var ids = await StatusScenario.SeedAsync(app);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            Assert.Null((await OrganisationService.AddAsync(db, "Partner B", false, DateTimeOffset.UnixEpoch, CancellationToken.None)).Error);
            var admin = await db.Users.Where(u => u.Email == TestApp.Email(Roles.Admin)).Select(u => u.Id).SingleAsync();
            db.Notes.Add(new Note(ids.Kassab, admin, DateTimeOffset.UnixEpoch, Secret, privileged: true));
            var contact = FamilyContact.For(ids.Zaya);
            contact.Name = "Hanna Aljabouri";
            db.FamilyContacts.Add(contact);
            db.AdverseParties.Add(AdverseParty.Create(ids.Toma, 1, "Sami Yaldo", DateTimeOffset.UnixEpoch).Party!);
            await db.SaveChangesAsync();
        }

        foreach (var role in new[] { Roles.Attorney, Roles.Intake })
        {
            Assert.Null(await UserCommands.CreateUserAsync(app.Services, ScopingRouteTableTests.PartnerEmail(role), role, role, TestApp.Password, "Partner B"));
        }

        return (ids, await ScopingRouteTableTests.ApiAsync(app, ScopingRouteTableTests.PartnerEmail(Roles.Attorney)));
    }
}
