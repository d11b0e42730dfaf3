using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using Stayline.Features.Protection;
using Stayline.Tests.Infrastructure;
using static Stayline.Tests.Infrastructure.TestClock;

namespace Stayline.Tests.Features.Protection;

/// <summary>
/// The legal points of docs/protection-facts.md through the API on both databases, and <c>?asOf=</c>: a day evaluated
/// from today's facts without touching the stored result.
/// </summary>
public class LegalPointsApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AsOf_DayBeforeTheOnlyOrder_UnknownAndStoredRowUnchanged(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2017-04-15"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        await b.RemovalOrderAsync(id, "2017-03-01", waived: true);
        var today = await b.ProtectionAsync(id);
        var stored = await StoredAsync(app, id);

        var before = await b.Api.GetFromJsonAsync<ProtectionView>($"/api/v1/people/{id}/protection?asOf=2017-02-28", CaseBuilder.Json);

        Assert.Equal((ProtectionState.Unknown, D("2017-02-28")), (before!.State, before.ComputedAsOf));
        Assert.Contains(before.Reasons, r => r.Code == nameof(ReasonCode.NoOrderInForceYet) && r.Missing && r.Text.Contains("2017-03-01", StringComparison.Ordinal));
        Assert.Equal(ProtectionState.NotProtected, today.State);
        Assert.Equal(stored, await StoredAsync(app, id));
        var after = await b.ProtectionAsync(id);
        Assert.Equal((today.State, today.Summary, today.ComputedAsOf), (after.State, after.Summary, after.ComputedAsOf));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AsOfDeadlines_InsideTheAppealPeriod_OpenThenAndStoredRowsUnchanged(string provider)
    {
        // Order Wed 2017-03-01 (appeal right not recorded): bia-appeal due Fri 03-31. Today 2017-04-15 it is missed.
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2017-04-15"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        await b.RemovalOrderAsync(id, "2017-03-01");
        var now = Assert.Single(await b.DeadlinesAsync(id), d => d.RuleId == "bia-appeal");

        var then = await b.Api.GetFromJsonAsync<List<DeadlineDto>>($"/api/v1/people/{id}/deadlines?asOf=2017-03-10", CaseBuilder.Json);

        Assert.Equal(("Missed", D("2017-03-31")), (now.State, now.DueDate!.Value));
        var open = Assert.Single(then!, d => d.RuleId == "bia-appeal");
        Assert.Equal(("Open", D("2017-03-31")), (open.State, open.DueDate!.Value));
        Assert.Equal("Missed", Assert.Single(await b.DeadlinesAsync(id), d => d.RuleId == "bia-appeal").State);
    }

    [Theory]
    [InlineData("2017-13-01", "is not a date in the form yyyy-MM-dd")]
    [InlineData("03/01/2017", "is not a date in the form yyyy-MM-dd")]
    [InlineData("1975-01-01", "outside the days Stayline can evaluate")]
    public async Task AsOf_BadValue_400NamingTheValue(string value, string message)
    {
        await using var app = await TestApp.StartAsync(clock: TestClock.At("2017-04-15"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");

        foreach (var path in new[] { "protection", "deadlines" })
        {
            var response = await b.Api.GetAsync($"/api/v1/people/{id}/{path}?asOf={Uri.EscapeDataString(value)}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(value, body, StringComparison.Ordinal);
            Assert.Contains(message, body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CourtStayAfterBoarding_ListedAsStillBindingDhs(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2019-08-02"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        await b.RemovalOrderAsync(id, "2005-01-10", waived: true);
        await b.EventAsync(id, PersonEventKind.BoardedForRemoval, "2019-08-01");
        (await b.Api.PostAsJsonAsync($"/api/v1/people/{id}/stays",
            new IndividualStayWrite(Adjudicator.CourtOfAppeals, D("2019-08-02"), "6th Cir.", "19-1234", "Order granting stay"))).EnsureSuccessStatusCode();

        var p = await b.ProtectionAsync(id);

        Assert.Equal(ProtectionState.NotProtected, p.State);
        Assert.Contains(p.Reasons, r => r.Code == nameof(ReasonCode.CourtStayAfterBoarding));
        Assert.Contains("still binds DHS", p.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StayByTheBoardUntilAJudgesMotionIsDecided_UnknownNotProtected(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2019-07-01"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        await b.RemovalOrderAsync(id, "2005-01-10", waived: true);
        var motion = await b.MatterAsync(id, MatterKind.MotionToReopenIj, "2019-06-03");
        (await b.Api.PostAsJsonAsync($"/api/v1/people/{id}/stays",
            new IndividualStayWrite(Adjudicator.Board, D("2019-06-10"), null, null, null, UntilDecisionOfMatter: motion))).EnsureSuccessStatusCode();

        var p = await b.ProtectionAsync(id);

        Assert.Equal(ProtectionState.Unknown, p.State);
        Assert.Contains(p.Reasons, r => r.Code == nameof(ReasonCode.StayGrantorNotWherePending) && r.Missing);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MotionDeadlines_AppealReservedNotTaken_CountFromFinalityAndNameTheSafeDate(string provider)
    {
        // Decision Tue 2025-11-25; appeal time ends Thu 12-25, closed through Sun 12-28: final Mon 2025-12-29.
        // mtr-ij from finality: +90 = Sun 2026-03-29, so Mon 03-30; safe date from the decision: Mon 2026-02-23.
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2025-12-01"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var (order, errors) = RemovalOrder.Create(id, D("2025-11-25"), Adjudicator.ImmigrationJudge, false, false, "Iraq", D("2025-12-01"), appealReserved: true);
            Assert.Empty(errors);
            db.RemovalOrders.Add(order!);
            await db.SaveChangesAsync();
        }

        var mtr = Assert.Single(await b.DeadlinesAsync(id), d => d.RuleId == "mtr-ij");

        Assert.Equal((D("2025-11-25"), D("2026-03-30")), (mtr.TriggerDate!.Value, mtr.DueDate!.Value));
        Assert.Contains("became final when the appeal time ran out on 2025-12-29", mtr.Explanation, StringComparison.Ordinal);
        Assert.Contains("Safe date: 2026-02-23", mtr.Explanation, StringComparison.Ordinal);
        Assert.Contains("8 CFR 1003.39", mtr.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DeclaresTheBearerScheme()
    {
        await using var app = await TestApp.StartAsync();
        var doc = JsonDocument.Parse(await app.Api(null).GetStringAsync("/openapi/v1.json")).RootElement;

        var scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
        Assert.True(doc.GetProperty("security")[0].TryGetProperty("Bearer", out _));
    }

    private static async Task<(string State, string Summary, DateOnly ComputedAsOf, int Deadlines)> StoredAsync(TestApp app, long personId)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var row = await db.Protections.AsNoTracking().FirstAsync(p => p.PersonId == personId);
        return (row.State, row.Summary, row.ComputedAsOf, await db.Deadlines.CountAsync(d => d.PersonId == personId));
    }
}
