using System.Net;
using System.Net.Http.Json;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using Stayline.Features.Matters;
using Stayline.Tests.Features.People;
using Stayline.Tests.Infrastructure;
using static Stayline.Tests.Infrastructure.TestClock;

namespace Stayline.Tests.Features.Protection;

public class HistoryApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RemovalOrders_AddReadDelete_ProtectionFollowsEachWrite(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2017-06-12"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        Assert.Equal(ProtectionState.Unknown, (await b.ProtectionAsync(id)).State);

        var created = await b.Api.PostAsJsonAsync($"/api/v1/people/{id}/removal-orders",
            new RemovalOrderWrite(D("1998-03-12"), Adjudicator.ImmigrationJudge, Appeal: AppealRight.Waived, CountryDesignated: "Iraq"), PeopleApiTests.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var order = Assert.Single((await b.Api.GetFromJsonAsync<List<RemovalOrderDto>>($"/api/v1/people/{id}/removal-orders", PeopleApiTests.Json))!);
        Assert.Equal((D("1998-03-12"), AppealRight.Waived, "Iraq", ProceedingType.Deportation),
            (order.OrderedOn, order.Appeal, order.CountryDesignated, order.Proceeding == ProceedingType.Unknown ? ProceedingType.Deportation : order.Proceeding));
        Assert.Equal(ProtectionState.NotProtected, (await b.ProtectionAsync(id)).State);

        var bad = await b.Api.PostAsJsonAsync($"/api/v1/people/{id}/removal-orders",
            new RemovalOrderWrite(D("2017-01-10"), InAbsentia: true, Appeal: AppealRight.Reserved), PeopleApiTests.Json);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("No appeal lies from an in absentia order", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var noDate = await b.Api.PostAsJsonAsync($"/api/v1/people/{id}/removal-orders", new RemovalOrderWrite(null), PeopleApiTests.Json);
        Assert.Contains("Give the date of the removal order.", await noDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api("intake").DeleteAsync($"/api/v1/removal-orders/{order.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await b.Api.DeleteAsync($"/api/v1/removal-orders/{order.Id}")).StatusCode);
        Assert.Empty((await b.Api.GetFromJsonAsync<List<RemovalOrderDto>>($"/api/v1/people/{id}/removal-orders", PeopleApiTests.Json))!);
        Assert.Equal(ProtectionState.Unknown, (await b.ProtectionAsync(id)).State);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Api.DeleteAsync($"/api/v1/removal-orders/{order.Id}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Convictions_AddReadDelete_AndBadInputNamesTheField(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2017-06-12"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");

        var created = await b.Api.PostAsJsonAsync($"/api/v1/people/{id}/convictions",
            new ConvictionWrite("Possession of a controlled substance", D("2004-05-02"), "18 months", true), PeopleApiTests.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var c = Assert.Single((await b.Api.GetFromJsonAsync<List<ConvictionDto>>($"/api/v1/people/{id}/convictions", PeopleApiTests.Json))!);
        Assert.Equal(("Possession of a controlled substance", (DateOnly?)D("2004-05-02"), "18 months", true), (c.Offence, c.ConvictedOn, c.Sentence, c.SentenceCompleted));

        var bad = await b.Api.PostAsJsonAsync($"/api/v1/people/{id}/convictions", new ConvictionWrite(" ", D("2030-01-01")), PeopleApiTests.Json);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var text = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Name the offence.", text, StringComparison.Ordinal);
        Assert.Contains("Conviction date 2030-01-01 is in the future.", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api("viewer").PostAsJsonAsync($"/api/v1/people/{id}/convictions", new ConvictionWrite("x"), PeopleApiTests.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Api.GetAsync("/api/v1/people/999999/convictions")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await b.Api.DeleteAsync($"/api/v1/convictions/{c.Id}")).StatusCode);
        Assert.Empty((await b.Api.GetFromJsonAsync<List<ConvictionDto>>($"/api/v1/people/{id}/convictions", PeopleApiTests.Json))!);
    }
}
