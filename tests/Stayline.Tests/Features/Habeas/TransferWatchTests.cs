using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stayline.Data;
using Stayline.Features.Deadlines;
using Stayline.Features.Habeas;
using Stayline.Tests.Features.People;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Habeas;

public class TransferWatchTests
{
    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 28, 15, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Transfer_AcrossDistricts_RaisesAnAlertSayingFromWhereToWhereAndWhetherAPetitionWasFiled(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, Clock());
        var kit = new HabeasKit(app);
        var calhoun = await kit.FacilityAsync("Calhoun County Correctional Center"); // W.D. Mich.
        var monroe = await kit.FacilityAsync("Monroe County Jail", "MI");           // E.D. Mich.
        var stClair = await kit.FacilityAsync("St. Clair County Jail");              // E.D. Mich.
        var krome = await kit.FacilityAsync("Krome North Service Processing Center"); // S.D. Fla.

        var filedFirst = await kit.PersonAsync("Sabah", "Yaldo");
        await kit.CustodyAsync(filedFirst, "Detain", "2026-11-01", calhoun);
        await kit.HabeasAsync(filedFirst, "Filed", "2026-11-05");
        await kit.CustodyAsync(filedFirst, "Transfer", "2026-11-09", monroe);

        var withinThenAcross = await kit.PersonAsync("Yousif", "Kassab");
        await kit.CustodyAsync(withinThenAcross, "Detain", "2026-11-01", monroe);
        await kit.CustodyAsync(withinThenAcross, "Transfer", "2026-11-09", stClair);
        Assert.Empty(await AlertsAsync(app, withinThenAcross));
        await kit.CustodyAsync(withinThenAcross, "Transfer", "2026-11-12", krome);

        var draftOnly = await kit.PersonAsync("Nadia", "Toma");
        await kit.CustodyAsync(draftOnly, "Detain", "2026-11-01", calhoun);
        await kit.HabeasAsync(draftOnly, "Drafting", null);
        await kit.CustodyAsync(draftOnly, "Transfer", "2026-11-03", krome);

        var all = await AlertsAsync(app, null);
        Assert.Equal(3, all.Count);
        Assert.Equal(("transfer", "W.D. Mich.", "E.D. Mich.", true, "2026-11-09"), Fields(all.Single(a => a.GetProperty("personId").GetInt64() == filedFirst)));
        Assert.Equal(("transfer", "E.D. Mich.", "S.D. Fla.", false, "2026-11-12"), Fields(all.Single(a => a.GetProperty("personId").GetInt64() == withinThenAcross)));
        Assert.Equal(("transfer", "W.D. Mich.", "S.D. Fla.", false, "2026-11-03"), Fields(all.Single(a => a.GetProperty("personId").GetInt64() == draftOnly)));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 15, 0, 0, TimeSpan.Zero), all[0].GetProperty("at").GetDateTimeOffset());
        Assert.Contains("Ex parte Endo", all.Single(a => a.GetProperty("personId").GetInt64() == filedFirst).GetProperty("message").GetString());
        Assert.Contains("a petition now lies in S.D. Fla.", all.Single(a => a.GetProperty("personId").GetInt64() == draftOnly).GetProperty("message").GetString());

        // The person's page shows it.
        var page = await (await app.SignedInAsync("viewer")).GetStringAsync($"/People/Details?id={draftOnly}");
        Assert.Contains("Transfer W.D. Mich. &#x2192; S.D. Fla.", page);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Acknowledge_ClosesTheAlertOnce_AuditedWithTheUser(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, Clock());
        var kit = new HabeasKit(app);
        var person = await kit.PersonAsync("Sabah", "Yaldo");
        await kit.CustodyAsync(person, "Detain", "2026-11-01", await kit.FacilityAsync("Calhoun County Correctional Center"));
        await kit.CustodyAsync(person, "Transfer", "2026-11-09", await kit.FacilityAsync("Eloy Detention Center"));
        var id = Assert.Single(await AlertsAsync(app, person)).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api("viewer").PostAsJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { note = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Api("attorney").PostAsJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { note = "Petition filed in D. Ariz." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await app.Api("admin").PostAsJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { note = "again" })).StatusCode);
        Assert.Empty(await AlertsAsync(app, person));

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var alert = await db.Alerts.SingleAsync(a => a.Id == id);
        Assert.Equal((TestApp.Email("attorney"), "Petition filed in D. Ariz."), (alert.AcknowledgedByName, alert.AcknowledgeNote));
        var audit = await db.AuditEvents.SingleAsync(a => a.EntityType == "Alert" && a.Action == "update");
        Assert.Equal((person, TestApp.Email("attorney")), (audit.PersonId!.Value, audit.UserName));
        Assert.Contains("Petition filed in D. Ariz.", audit.After);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SendPending_EmailsTheAssignedAttorneyOnce_ElseTheCoordinators(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, Clock(), HabeasKit.OwnOutbox);
        var kit = new HabeasKit(app);
        var calhoun = await kit.FacilityAsync("Calhoun County Correctional Center");
        var eloy = await kit.FacilityAsync("Eloy Detention Center");
        var assigned = await kit.PersonAsync("Sabah", "Yaldo");
        await kit.AssignAsync(assigned, "attorney", new DateOnly(2026, 11, 2));
        var nobody = await kit.PersonAsync("Nadia", "Toma");
        await using (var setup = app.Scope())
        {
            // A partner organisation's admin: not told about the coordinating organisation's client (the mail names them).
            var (_, error) = await Stayline.Features.Organisations.OrganisationService.AddAsync(setup.ServiceProvider.GetRequiredService<StaylineDbContext>(),
                "Partner B", coordinating: false, DateTimeOffset.UnixEpoch, CancellationToken.None);
            Assert.Null(error);
            Assert.Null(await Stayline.Features.Account.UserCommands.CreateUserAsync(app.Services, "b-admin@test.stayline", "Partner admin",
                Roles.Admin, TestApp.Password, "Partner B"));
        }

        foreach (var p in new[] { assigned, nobody })
        {
            await kit.CustodyAsync(p, "Detain", "2026-11-01", calhoun);
            await kit.CustodyAsync(p, "Transfer", "2026-11-09", eloy);
        }

        await using var scope = app.Scope();
        var mailer = scope.ServiceProvider.GetRequiredService<AlertMailer>();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        Assert.Equal(2, await mailer.SendPendingAsync(db, CancellationToken.None));
        Assert.Equal(0, await mailer.SendPendingAsync(db, CancellationToken.None));

        var outbox = scope.ServiceProvider.GetRequiredService<ReminderSender>().Outbox();
        Assert.Equal(2, outbox.Count);
        Assert.All(outbox, m => Assert.Equal("Stayline: transfer W.D. Mich. to D. Ariz. (no petition before the move)", m.Subject));
        Assert.Single(outbox, m => m.To.Contains(TestApp.Email("attorney"), StringComparison.Ordinal));
        Assert.Single(outbox, m => m.To.Contains(TestApp.Email("admin"), StringComparison.Ordinal));
        Assert.DoesNotContain(outbox, m => m.To.Contains("b-admin@test.stayline", StringComparison.Ordinal));
        Assert.DoesNotContain(outbox, m => m.Subject.Contains("Toma", StringComparison.Ordinal) || m.Subject.Contains("Yaldo", StringComparison.Ordinal));
        Assert.All(await db.Alerts.ToListAsync(), a => Assert.StartsWith("outbox:", a.NotifiedVia, StringComparison.Ordinal));
    }

    private static (string, string?, string?, bool, string) Fields(JsonElement a) => (a.GetProperty("kind").GetString()!, a.GetProperty("fromDistrict").GetString(),
        a.GetProperty("toDistrict").GetString(), a.GetProperty("habeasFiledBefore").GetBoolean(), a.GetProperty("on").GetString()!);

    private static async Task<List<JsonElement>> AlertsAsync(TestApp app, long? personId) =>
        (await app.Api("viewer").GetFromJsonAsync<List<JsonElement>>("/api/v1/alerts" + (personId is { } p ? $"?personId={p}" : ""), PeopleApiTests.Json))!;
}
