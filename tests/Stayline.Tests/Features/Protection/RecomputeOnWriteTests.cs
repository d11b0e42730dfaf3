using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Classes;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using Stayline.Features.Protection;
using Stayline.Tests.Infrastructure;
using static Stayline.Tests.Infrastructure.TestClock;

namespace Stayline.Tests.Features.Protection;

/// <summary>Each write path changes the stored protection in the same request, with no explicit recompute call.</summary>
public class RecomputeOnWriteTests
{
    [Theory]
    // 2026-03-02 + 30 = 2026-04-01 (Wednesday): reserved appeal, stayed through the period.
    [InlineData("2026-03-02", "Reserved", "Removal", nameof(ProtectionState.Protected), "2026-04-01")]
    [InlineData("2026-03-02", "Waived", "Removal", nameof(ProtectionState.NotProtected), "waived")]
    // Removal proceedings did not exist before IIRIRA: the form refuses, and nothing is stored.
    [InlineData("1995-05-02", "Unknown", "Removal", null, "Removal proceedings began on 1997-04-01")]
    public async Task RemovalOrderForm_AppealAndProceeding_StoredAndEvaluated(string on, string appeal, string proceeding, string? state, string text)
    {
        var clock = TestClock.At("2026-03-10");
        await using var app = await TestApp.StartAsync(clock: clock);
        var id = await new CaseBuilder(app).PersonAsync("A012345678");
        var web = await app.SignedInAsync("attorney");

        var response = await TestApp.PostFormAsync(web, $"/People/Details?id={id}", $"/People/Details?id={id}&handler=RemovalOrder", new Dictionary<string, string>
        {
            ["OrderDate"] = on,
            ["OrderBy"] = "ImmigrationJudge",
            ["OrderAppeal"] = appeal,
            ["OrderProceeding"] = proceeding,
        });

        await using var scope = app.Scope();
        var orders = await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().RemovalOrders.AsNoTracking().Where(o => o.PersonId == id).ToListAsync();
        if (state is null)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(text, await response.Content.ReadAsStringAsync());
            Assert.Empty(orders);
            return;
        }

        Assert.Equal((appeal == "Waived", appeal == "Reserved", ProceedingType.Removal), (orders.Single().AppealWaived, orders.Single().AppealReserved, orders.Single().Proceeding));
        var stored = await StoredAsync(app, id);
        Assert.Equal(state, stored.State);
        Assert.Contains(text, stored.Summary);
    }

    [Fact]
    public async Task RemovalOrderForm_OnPersonPage_ReplacesUnknownWithTheAppealPeriodStay()
    {
        var clock = TestClock.At("2026-03-10");
        await using var app = await TestApp.StartAsync(clock: clock);
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        var web = await app.SignedInAsync("attorney");

        var response = await TestApp.PostFormAsync(web, $"/People/Details?id={id}", $"/People/Details?id={id}&handler=RemovalOrder", new Dictionary<string, string>
        {
            ["OrderDate"] = "2026-03-02",
            ["OrderBy"] = "ImmigrationJudge",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await StoredAsync(app, id);
        // Appeal neither waived nor reserved on record: during the 30-day period the answer is "unknown — check".
        Assert.Equal(nameof(ProtectionState.Unknown), stored.State);
        Assert.Contains("waived or reserved is not recorded", stored.Summary);
    }

    [Fact]
    public async Task CustodyApi_Removal_MakesPersonNotProtected()
    {
        var clock = TestClock.At("2017-09-25");
        await using var app = await TestApp.StartAsync(clock: clock);
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        await b.RemovalOrderAsync(id, "1998-03-12");
        var classId = await b.ClassAsync(id);
        (await b.Api.PostAsJsonAsync($"/api/v1/classes/{classId}/orders", new Stayline.Features.Classes.ClassOrderWrite("Order", null, null, D("2017-07-24"), 90)))
            .EnsureSuccessStatusCode();
        Assert.Equal(nameof(ProtectionState.Protected), (await StoredAsync(app, id)).State);
        var facility = System.Text.Json.JsonDocument.Parse(await b.Api.GetStringAsync("/api/v1/facilities")).RootElement.EnumerateArray().First().GetProperty("id").GetInt64();

        (await b.Api.PostAsJsonAsync($"/api/v1/people/{id}/custody", new { action = 0, on = "2017-09-01", facilityId = facility })).EnsureSuccessStatusCode();
        (await b.Api.PostAsJsonAsync($"/api/v1/people/{id}/custody", new { action = 3, on = "2017-09-20" })).EnsureSuccessStatusCode();

        var stored = await StoredAsync(app, id);
        Assert.Equal(nameof(ProtectionState.NotProtected), stored.State);
        Assert.Contains("removed on 2017-09-20", stored.Summary);
    }

    [Fact]
    public async Task IndividualStayApi_UntilMatterDecided_ProtectsUntilThatDecision()
    {
        var clock = TestClock.At("2018-03-01");
        await using var app = await TestApp.StartAsync(clock: clock);
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        await b.RemovalOrderAsync(id, "2018-01-05", Adjudicator.Board);
        var petition = await b.MatterAsync(id, MatterKind.PetitionForReview, "2018-01-30");
        Assert.Equal(nameof(ProtectionState.NotProtected), (await StoredAsync(app, id)).State);

        var response = await b.Api.PostAsJsonAsync($"/api/v1/people/{id}/stays",
            new IndividualStayWrite(Adjudicator.CourtOfAppeals, D("2018-02-15"), "6th Cir.", "18-3000", "Order granting stay of removal", UntilDecisionOfMatter: petition));

        response.EnsureSuccessStatusCode();
        var stored = await StoredAsync(app, id);
        Assert.Equal((nameof(ProtectionState.Protected), nameof(ProtectionSource.IndividualStay), nameof(UntilEvent.CourtDecidesPetition)),
            (stored.State, stored.PrimarySource, stored.UntilEvent));
    }

    [Fact]
    public async Task MembershipAdded_ThroughDbContext_RecomputesTheNewMember()
    {
        var clock = TestClock.At("2017-09-25");
        await using var app = await TestApp.StartAsync(clock: clock);
        var b = new CaseBuilder(app);
        var member = await b.PersonAsync("A012345678");
        var joiner = await b.PersonAsync("A087654321", "Sami", "Toma");
        await b.RemovalOrderAsync(member, "1998-03-12");
        await b.RemovalOrderAsync(joiner, "2001-05-02");
        var classId = await b.ClassAsync(member);
        (await b.Api.PostAsJsonAsync($"/api/v1/classes/{classId}/orders", new Stayline.Features.Classes.ClassOrderWrite("Order", null, null, D("2017-07-24"), 90)))
            .EnsureSuccessStatusCode();
        Assert.Equal(nameof(ProtectionState.NotProtected), (await StoredAsync(app, joiner)).State);

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            db.ClassMemberships.Add(new ClassMembership(classId, joiner, D("2017-09-25")));
            await db.SaveChangesAsync();
        }

        Assert.Equal(nameof(ProtectionState.Protected), (await StoredAsync(app, joiner)).State);
    }

    [Fact]
    public async Task RecomputeCommand_AllPeople_WritesOneProtectionRowEach()
    {
        await using var app = await TestApp.StartAsync();
        var b = new CaseBuilder(app);
        await b.PersonAsync("A012345678");
        await b.PersonAsync("A087654321", "Sami", "Toma");
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().Protections.ExecuteDeleteAsync();
        }

        var output = new StringWriter();
        var rc = await Stayline.Cli.StaylineCli.RunAsync(["recompute", "--as-of", "2026-01-05", "--db", app.Database.ConnectionString], output, new StringWriter());

        Assert.Equal(0, rc);
        Assert.StartsWith("Recomputed 2 people", output.ToString());
        await using var check = app.Scope();
        var rows = await check.ServiceProvider.GetRequiredService<StaylineDbContext>().Protections.ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(D("2026-01-05"), r.ComputedAsOf));
    }

    [Fact]
    public async Task RecomputeCommand_BadDate_Exits1NamingTheOption()
    {
        var error = new StringWriter();
        var rc = await Stayline.Cli.StaylineCli.RunAsync(["recompute", "--as-of", "2026-13-01", "--db", Path.Combine(Path.GetTempPath(), "stayline-none.db")], new StringWriter(), error);

        Assert.Equal(1, rc);
        Assert.Contains("--as-of: \"2026-13-01\"", error.ToString());
    }

    internal static async Task<PersonProtection> StoredAsync(TestApp app, long personId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().Protections.AsNoTracking().SingleAsync(p => p.PersonId == personId);
    }
}
