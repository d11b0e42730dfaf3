using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stayline.Data;
using Stayline.Domain.Work;
using Stayline.Features.Deadlines;
using Stayline.Features.Habeas;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Habeas;

public class HabeasQueueTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Queue_DetainedWithNoPetitionThisCustody_LongestDetainedFirst_AndEscalatesTheUnclaimed(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 15, 0, 0, TimeSpan.Zero));
        await using var app = await TestApp.StartAsync(provider, clock, b =>
        {
            b.Configuration["Stayline:Habeas:EscalateAfterHours"] = "48";
            HabeasKit.OwnOutbox(b);
        });
        var kit = new HabeasKit(app);
        var calhoun = await kit.FacilityAsync("Calhoun County Correctional Center");
        var eloy = await kit.FacilityAsync("Eloy Detention Center");

        var noLawyer = await kit.PersonAsync("Sabah", "Yaldo");
        await kit.CustodyAsync(noLawyer, "Detain", "2026-11-01", calhoun);
        var withLawyer = await kit.PersonAsync("Yousif", "Kassab");
        await kit.CustodyAsync(withLawyer, "Detain", "2026-10-20", calhoun);
        await kit.AssignAsync(withLawyer, "attorney", new DateOnly(2026, 10, 21));
        var filed = await kit.PersonAsync("Nadia", "Toma");
        await kit.CustodyAsync(filed, "Detain", "2026-11-20", calhoun);
        await kit.HabeasAsync(filed, "Pending", "2026-11-21");
        var drafting = await kit.PersonAsync("Rita", "Zaya");
        await kit.CustodyAsync(drafting, "Detain", "2026-11-27", eloy);
        await kit.HabeasAsync(drafting, "Drafting", null);
        var released = await kit.PersonAsync("Samir", "Daoud");
        await kit.CustodyAsync(released, "Detain", "2026-11-01", calhoun);
        await kit.CustodyAsync(released, "Release", "2026-11-10");
        var moved = await kit.PersonAsync("Layla", "Shamoun");
        await kit.CustodyAsync(moved, "Detain", "2026-10-01", calhoun);
        await kit.CustodyAsync(moved, "Transfer", "2026-11-15", eloy);
        var again = await kit.PersonAsync("Hanna", "Jajo");
        await kit.CustodyAsync(again, "Detain", "2020-01-01", calhoun);
        await kit.HabeasAsync(again, "Pending", "2020-02-01");
        await kit.CustodyAsync(again, "Release", "2021-01-01");
        await kit.CustodyAsync(again, "Detain", "2026-11-10", eloy);

        var response = await app.Api("viewer").GetAsync("/api/v1/habeas/queue");
        var json = await response.Content.ReadAsStringAsync();
        var rows = JsonSerializer.Deserialize<List<JsonElement>>(json)!;
        Assert.Equal([moved, withLawyer, noLawyer, again, drafting], rows.Select(r => r.GetProperty("personId").GetInt64()));
        Assert.Equal("5", Assert.Single(response.Headers.GetValues("X-Total-Count")));
        Assert.Equal(["personId", "facilityId", "district", "detainedSince"], rows[0].EnumerateObject().Take(4).Select(p => p.Name));
        var first = rows[0];
        Assert.Equal((eloy, "D. Ariz.", "2026-10-01"), (first.GetProperty("facilityId").GetInt64(), first.GetProperty("district").GetString(), first.GetProperty("detainedSince").GetString()));
        var zaya = rows[4];
        Assert.Equal((39, false), (zaya.GetProperty("hoursDetained").GetInt32(), zaya.GetProperty("escalated").GetBoolean()));
        Assert.Equal(("Test attorney", false), (rows[1].GetProperty("attorney").GetString(), rows[1].GetProperty("escalated").GetBoolean()));
        Assert.True(rows[2].GetProperty("escalated").GetBoolean());

        await using var scope = app.Scope();
        var alerts = scope.ServiceProvider.GetRequiredService<AlertService>();
        Assert.Equal(3, await alerts.EscalateAsync(CancellationToken.None));
        Assert.Equal(0, await alerts.EscalateAsync(CancellationToken.None));
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        Assert.Equal([moved, noLawyer, again], (await db.Alerts.Where(a => a.Kind == AlertKind.Unclaimed).OrderBy(a => a.On).Select(a => a.PersonId).ToListAsync()));

        // Past the threshold the person on the day's queue is escalated too; an attorney taking the case stops it.
        await kit.AssignAsync(drafting, "attorney", new DateOnly(2026, 11, 28));
        clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal(0, await alerts.EscalateAsync(CancellationToken.None));

        var mailer = scope.ServiceProvider.GetRequiredService<AlertMailer>();
        // Three escalations to the coordinators, and the transfer of the person moved from W.D. Mich. to D. Ariz.
        Assert.Equal(4, await mailer.SendPendingAsync(db, CancellationToken.None));
        var outbox = scope.ServiceProvider.GetRequiredService<ReminderSender>().Outbox();
        Assert.Equal(3, outbox.Count(m => m.Subject == "Stayline: detained with no attorney" && m.To.Contains(TestApp.Email("admin"), StringComparison.Ordinal)));
        Assert.Single(outbox, m => m.Subject.StartsWith("Stayline: transfer W.D. Mich. to D. Ariz.", StringComparison.Ordinal));

        var dashboard = await (await app.SignedInAsync("viewer")).GetStringAsync("/Dashboard");
        Assert.Contains("Escalated: no attorney (3)", dashboard);
        var queuePage = await (await app.SignedInAsync("viewer")).GetStringAsync("/Habeas/Queue");
        Assert.Contains("No habeas petition yet (5)", queuePage);
    }
    /// <summary>
    /// Issue 14: "the alert and the queue update within one second of the custody change". Both are read from the
    /// rows the change commits (the alert is written in the same transaction as the episode), so each read right
    /// after the write shows it: no watcher runs here (TestApp leaves it out) and the clock does not move.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task QueueAndAlerts_ShowACustodyChange_OnTheFirstReadAfterIt(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 15, 0, 0, TimeSpan.Zero)));
        var kit = new HabeasKit(app);
        var calhoun = await kit.FacilityAsync("Calhoun County Correctional Center");
        var eloy = await kit.FacilityAsync("Eloy Detention Center");
        var person = await kit.PersonAsync("Sabah", "Yaldo");
        var api = app.Api("viewer");
        async Task<JsonElement?> OnQueueAsync() =>
            (await api.GetFromJsonAsync<List<JsonElement>>("/api/v1/habeas/queue"))!.Cast<JsonElement?>().SingleOrDefault(r => r!.Value.GetProperty("personId").GetInt64() == person);
        async Task<List<JsonElement>> AlertsAsync() => (await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/alerts?personId={person}"))!;

        Assert.Null(await OnQueueAsync());
        await kit.CustodyAsync(person, "Detain", "2026-11-20", calhoun);
        var row = Assert.NotNull(await OnQueueAsync());
        Assert.Equal((calhoun, "W.D. Mich.", "2026-11-20"), (row.GetProperty("facilityId").GetInt64(), row.GetProperty("district").GetString(), row.GetProperty("detainedSince").GetString()));
        Assert.Contains("Sabah Yaldo", await (await app.SignedInAsync("viewer")).GetStringAsync("/Habeas/Queue"));
        Assert.Empty(await AlertsAsync());

        await kit.CustodyAsync(person, "Transfer", "2026-11-26", eloy);
        var alert = Assert.Single(await AlertsAsync());
        Assert.Equal(("transfer", "W.D. Mich.", "D. Ariz.", false), (alert.GetProperty("kind").GetString(), alert.GetProperty("fromDistrict").GetString(),
            alert.GetProperty("toDistrict").GetString(), alert.GetProperty("habeasFiledBefore").GetBoolean()));
        row = Assert.NotNull(await OnQueueAsync());
        Assert.Equal((eloy, "D. Ariz.", "2026-11-20"), (row.GetProperty("facilityId").GetInt64(), row.GetProperty("district").GetString(), row.GetProperty("detainedSince").GetString()));

        await kit.HabeasAsync(person, "Filed", "2026-11-27");
        Assert.Null(await OnQueueAsync());

        await kit.CustodyAsync(person, "Release", "2026-11-27");
        Assert.Null(await OnQueueAsync());
        await kit.CustodyAsync(person, "Detain", "2026-11-28", calhoun);
        row = Assert.NotNull(await OnQueueAsync());
        Assert.Equal("2026-11-28", row.GetProperty("detainedSince").GetString());
        Assert.Single(await AlertsAsync());
    }
}
