using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Organisations;
using Stayline.Features.Bulk;
using Stayline.Features.Organisations;
using Stayline.Tests.Features.Board;
using Stayline.Tests.Features.Reports;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Organisations;

/// <summary>
/// No assignment without a conflict check by the assignee's organisation: the person page and the people list (one bulk
/// path) and the case board's claim all go through <c>AssignmentConflicts</c>. A missing check is run and stored; no
/// hits assigns at once; hits wait for a decision; a declined check stops the assignment.
/// </summary>
public class AssignmentConflictTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AssignFromPersonPage_CheckWithHits_RecordedAndRefusedUntilProceed_NoHitsAssignedAtOnce(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ids = await StatusScenario.SeedAsync(app);
        string attorney;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            attorney = await db.Users.Where(u => u.Email == TestApp.Email("attorney")).Select(u => u.Id).SingleAsync();
            // Someone adverse to Toma carries Kassab's name: a possible conflict for whoever takes Kassab.
            db.AdverseParties.Add(AdverseParty.Create(ids.Toma, 1, "Yousef Kassab", DateTimeOffset.UnixEpoch).Party!);
            await db.SaveChangesAsync();
        }

        var admin = await app.SignedInAsync("admin");
        var page = $"/People/Details?id={ids.Kassab}";
        Assert.Contains("data-assign", await admin.GetStringAsync(page), StringComparison.Ordinal);
        var first = await TestApp.PostFormAsync(admin, page, "/People?handler=Assign",
            new KeyValuePair<string, string>[] { new("selected", ids.Kassab.ToString()), new("selected", ids.Zaya.ToString()), new("assignTo", attorney) });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var shown = await admin.GetStringAsync(page);

        long checkId;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            Assert.False(await db.Assignments.AnyAsync(a => a.PersonId == ids.Kassab));
            Assert.True(await db.Assignments.AnyAsync(a => a.PersonId == ids.Zaya && a.UserId == attorney && a.To == null));
            var checks = await db.ConflictChecks.AsNoTracking().Where(c => c.Purpose == ConflictPurpose.Assignment).OrderBy(c => c.PersonId).ToListAsync();
            Assert.Equal(2, checks.Count);
            var kassab = checks.Single(c => c.PersonId == ids.Kassab);
            var zaya = checks.Single(c => c.PersonId == ids.Zaya);
            Assert.Equal((1, (ConflictDecision?)null, 1L), (kassab.HitCount, kassab.Decision, kassab.OrganisationId));
            Assert.Equal((0, (ConflictDecision?)ConflictDecision.Proceed), (zaya.HitCount, zaya.Decision));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(ConflictCheck) && e.EntityId == kassab.Id.ToString() && e.Action == "create"));
            checkId = kassab.Id;
        }

        Assert.Contains("found 1 possible conflict", shown, StringComparison.Ordinal);
        Assert.Contains("Yousef Kassab</bdi>: adverse party of Coordinating organisation", shown, StringComparison.Ordinal);

        // Decided on the person page: the next assignment goes ahead on that check (none run again).
        var decided = await TestApp.PostFormAsync(admin, page, page + "&handler=ConflictDecision",
            new Dictionary<string, string> { ["id"] = ids.Kassab.ToString(), ["checkId"] = checkId.ToString(), ["decision"] = "Proceed" });
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        await TestApp.PostFormAsync(admin, page, "/People?handler=Assign", new KeyValuePair<string, string>[] { new("selected", ids.Kassab.ToString()), new("assignTo", attorney) });

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            Assert.True(await db.Assignments.AnyAsync(a => a.PersonId == ids.Kassab && a.UserId == attorney && a.To == null));
            Assert.Equal(1, await db.ConflictChecks.CountAsync(c => c.PersonId == ids.Kassab));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BulkAssign_DeclinedCheck_StopsTheAssignment_AndAPreviewStoresNothing(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ids = await StatusScenario.SeedAsync(app);
        string attorney;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            attorney = await db.Users.Where(u => u.Email == TestApp.Email("attorney")).Select(u => u.Id).SingleAsync();
            db.AdverseParties.Add(AdverseParty.Create(ids.Zaya, 1, "Hanna Toma", DateTimeOffset.UnixEpoch).Party!);
            await db.SaveChangesAsync();
        }

        var action = new BulkAction(BulkActionKind.AssignAttorney, AttorneyId: attorney);
        await using (var scope = app.Scope())
        {
            var preview = await scope.ServiceProvider.GetRequiredService<BulkActions>().PreviewAsync(new BulkSelection([ids.Toma]), action);
            Assert.Empty(preview.Change);
            Assert.Contains("possible conflict", Assert.Single(preview.Skipped).Reason, StringComparison.Ordinal);
            Assert.False(await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().ConflictChecks.AnyAsync());
        }

        BulkResult refused;
        await using (var scope = app.Scope())
        {
            refused = await scope.ServiceProvider.GetRequiredService<BulkActions>().ApplyAsync(new BulkSelection([ids.Toma]), action);
        }

        Assert.False(refused.Applied);
        var admin = app.Api("admin");
        long checkId;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            checkId = (await db.ConflictChecks.SingleAsync(c => c.PersonId == ids.Toma && c.Purpose == ConflictPurpose.Assignment)).Id;
        }

        var declined = await admin.PostAsJsonAsync($"/api/v1/conflicts/{checkId}/decision", new ConflictDecisionWrite(ConflictDecision.Decline, "Represents the other side"));
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        await using (var scope = app.Scope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<BulkActions>().ApplyAsync(new BulkSelection([ids.Toma]), action);
            Assert.False(again.Applied);
            Assert.Contains("was declined", Assert.Single(again.Skipped).Reason, StringComparison.Ordinal);
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            Assert.False(await db.Assignments.AnyAsync(a => a.PersonId == ids.Toma));
            Assert.Equal(1, await db.ConflictChecks.CountAsync(c => c.PersonId == ids.Toma));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Claim_IntakeCheckWithHitsUndecided_RefusedUntilDecidedOnTheBoard(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var other = await BoardKit.PersonAsync(app, "Hanna", "Toma");
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            db.AdverseParties.Add(AdverseParty.Create(other, 1, "Yousif Kassab", DateTimeOffset.UnixEpoch).Party!);
            await db.SaveChangesAsync();
        }

        var (person, post) = await BoardKit.PostedAsync(app);
        var api = app.Api("attorney");
        await BoardKit.PutProfileAsync(api, BoardKit.Profile(3, "Arabic", ("FederalDistrict", "W.D. Mich.", null)));

        var refused = await api.PostAsync($"/api/v1/board/{post}/claim", null);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("found 1 possible conflict", body, StringComparison.Ordinal);

        // The intake check (same organisation) is the one to decide: the board lists it with its hit.
        var web = await app.SignedInAsync("attorney");
        var board = await web.GetStringAsync("/Board");
        Assert.Contains("data-pending-checks", board, StringComparison.Ordinal);
        Assert.Contains("Yousif Kassab</bdi>: adverse party of Coordinating organisation", board, StringComparison.Ordinal);
        long checkId;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var check = await db.ConflictChecks.SingleAsync(c => c.PersonId == person);
            Assert.Equal(ConflictPurpose.Intake, check.Purpose);
            checkId = check.Id;
        }

        await TestApp.PostFormAsync(web, "/Board", "/Board?handler=ConflictDecision",
            new Dictionary<string, string> { ["checkId"] = checkId.ToString(), ["decision"] = "Waived", ["reason"] = "Different Yousif Kassab: other birth year" });
        var claimed = await api.PostAsync($"/api/v1/board/{post}/claim", null);

        Assert.True(claimed.StatusCode == HttpStatusCode.OK, await claimed.Content.ReadAsStringAsync());
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            Assert.Equal((ConflictDecision?)ConflictDecision.Waived, (await db.ConflictChecks.SingleAsync(c => c.Id == checkId)).Decision);
            Assert.True(await db.Assignments.AnyAsync(a => a.PersonId == person && a.To == null));
            Assert.Equal(1, await db.ConflictChecks.CountAsync(c => c.PersonId == person));
        }
    }
}
