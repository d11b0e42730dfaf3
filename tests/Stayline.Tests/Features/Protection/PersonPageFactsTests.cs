using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Protection;

/// <summary>The person page shows the detention clocks; the matter form offers every fact the engine reads.</summary>
public class PersonPageFactsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PersonPage_DetainedUnderAFinalOrder_ShowsClocksWithSources(string provider)
    {
        // Order 1998-03-12; re-detained 2017-06-11: Zadvydas six months 2017-12-11, first custody review 2017-09-09.
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2017-09-01"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        await b.RemovalOrderAsync(id, "1998-03-12");
        await b.EventAsync(id, PersonEventKind.Arrested, "2017-06-11");
        var web = await app.SignedInAsync("attorney");

        var html = await web.GetStringAsync($"/People/Details?id={id}");

        Assert.Contains("data-testid=\"detention-clocks\"", html, StringComparison.Ordinal);
        Assert.Contains("2017-12-11", html, StringComparison.Ordinal);
        Assert.Contains("Zadvydas v. Davis, 533 U.S. 678 (2001)", html, StringComparison.Ordinal);
        Assert.Contains("2017-09-09", html, StringComparison.Ordinal);
        Assert.Contains("8 CFR 241.4(k)(1)", html, StringComparison.Ordinal);
        Assert.Contains("1998-06-10", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonPage_NotDetained_NoClocks()
    {
        await using var app = await TestApp.StartAsync(clock: TestClock.At("2017-09-01"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        await b.RemovalOrderAsync(id, "1998-03-12");
        var web = await app.SignedInAsync("attorney");

        Assert.DoesNotContain("detention-clocks", await web.GetStringAsync($"/People/Details?id={id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MatterForm_OffersGroundStayFilingWithdrawalAndDecisionChallenged()
    {
        await using var app = await TestApp.StartAsync(clock: TestClock.At("2017-09-01"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        await b.RemovalOrderAsync(id, "2017-01-10", inAbsentia: true);
        var web = await app.SignedInAsync("attorney");

        var response = await web.GetAsync($"/Matters/Edit?personId={id}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("name=\"Input.Ground\"", html, StringComparison.Ordinal);
        Assert.Contains(">Joint motion<", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.StayFiledOn\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.WithdrawnOn\"", html, StringComparison.Ordinal);
        Assert.Contains("Order of 2017-01-10 by Immigration court (in absentia)", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MatterForm_Post_StoresGroundStayDateAndChallengedOrder(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2017-09-01"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        await b.RemovalOrderAsync(id, "2017-01-10", inAbsentia: true);
        var web = await app.SignedInAsync("attorney");
        await using (var scope = app.Scope())
        {
            var orderId = scope.ServiceProvider.GetRequiredService<Stayline.Data.StaylineDbContext>().RemovalOrders.Single(o => o.PersonId == id).Id;
            var response = await TestApp.PostFormAsync(web, $"/Matters/Edit?personId={id}", $"/Matters/Edit?personId={id}", new Dictionary<string, string>
            {
                ["Input.Kind"] = nameof(MatterKind.MotionToReopenIj),
                ["Input.Forum"] = nameof(Adjudicator.ImmigrationJudge),
                ["Input.Status"] = nameof(MatterStatus.Pending),
                ["Input.FiledOn"] = "2017-03-01",
                ["Input.Ground"] = "LackOfNotice",
                ["Input.StayRequested"] = "true",
                ["Input.StayFiledOn"] = "2017-03-15",
                ["Input.Challenges"] = "order:" + orderId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        await using var check = app.Scope();
        var m = check.ServiceProvider.GetRequiredService<Stayline.Data.StaylineDbContext>().Matters.Single(x => x.PersonId == id);
        Assert.Equal((Domain.Protection.MotionGround.LackOfNotice, TestClock.D("2017-03-15")), (m.Ground!.Value, m.StayFiledOn!.Value));
        Assert.NotNull(m.ChallengesOrderId);
        Assert.Equal(Domain.Protection.ProtectionState.Protected, (await b.ProtectionAsync(id)).State);
    }
}
