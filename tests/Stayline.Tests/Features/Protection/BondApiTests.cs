using System.Net;
using System.Net.Http.Json;
using Stayline.Domain.Matters;
using Stayline.Features.Bond;
using Stayline.Tests.Features.People;
using Stayline.Tests.Infrastructure;
using static Stayline.Tests.Infrastructure.TestClock;

namespace Stayline.Tests.Features.Protection;

/// <summary>Dates as in the domain's BondCaseTests: order Fri 2027-01-15, EOIR-43 due Tue 01-19 (Mon 01-18 MLK Day), appeal due Mon 02-01.</summary>
public class BondApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bond_ReleaseOrderStayedThenLapses_ThroughTheApiAndThePersonPage(string provider)
    {
        var clock = TestClock.At("2027-01-20");
        await using var app = await TestApp.StartAsync(provider, clock);
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");

        var write = new BondCaseWrite(DhsCustodyDecision.NoBond, null, D("2027-01-04"), BondDecision.BondSet, D("2027-01-15"), 7_500m, Eoir43FiledOn: D("2027-01-19"));
        var created = await b.Api.PostAsJsonAsync($"/api/v1/people/{id}/bond-cases", write, PeopleApiTests.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var bond = (await created.Content.ReadFromJsonAsync<BondCaseDto>(PeopleApiTests.Json))!;
        Assert.Equal((true, (DateOnly?)D("2027-02-02")), (bond.State.ReleaseStayed, bond.State.StayLapsesOn));
        var page = WebUtility.HtmlDecode(await (await app.SignedInAsync("viewer")).GetStringAsync($"/People/Details?id={id}"));
        Assert.Contains("Release stayed.", page, StringComparison.Ordinal);
        Assert.Contains("Bond set at $7,500 on 2027-01-15", page, StringComparison.Ordinal);

        clock.MoveTo("2027-02-02");
        var read = Assert.Single((await b.Api.GetFromJsonAsync<List<BondCaseDto>>($"/api/v1/people/{id}/bond-cases", PeopleApiTests.Json))!);
        Assert.False(read.State.ReleaseStayed);
        Assert.Contains("lapsed after 2027-02-01", read.State.Summary, StringComparison.Ordinal);

        var same = await (await b.Api.PutAsJsonAsync($"/api/v1/bond-cases/{read.Id}", read, PeopleApiTests.Json)).Content.ReadFromJsonAsync<BondCaseDto>(PeopleApiTests.Json);
        Assert.Equal(read, same! with { State = read.State }); // a put-back of what was read changes nothing, not even the version
        var posted = await b.Api.PutAsJsonAsync($"/api/v1/bond-cases/{read.Id}", read with { PaidOn = D("2027-02-02") }, PeopleApiTests.Json);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("bond posted 2027-02-02", (await posted.Content.ReadFromJsonAsync<BondCaseDto>(PeopleApiTests.Json))!.State.Summary, StringComparison.Ordinal);
        var stale = await b.Api.PutAsJsonAsync($"/api/v1/bond-cases/{read.Id}", read with { Notes = "x" }, PeopleApiTests.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task Bond_BadAmounts_NameTheField()
    {
        await using var app = await TestApp.StartAsync(clock: TestClock.At("2027-01-20"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");

        var response = await b.Api.PostAsJsonAsync($"/api/v1/people/{id}/bond-cases",
            new BondCaseWrite(DhsCustodyDecision.BondSet, null, D("2027-01-04")), PeopleApiTests.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Give DHS's bond amount exactly when DHS set a bond.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api("viewer").PostAsJsonAsync($"/api/v1/people/{id}/bond-cases",
            new BondCaseWrite(DhsCustodyDecision.Unknown, null, D("2027-01-04")), PeopleApiTests.Json)).StatusCode);
    }
}
