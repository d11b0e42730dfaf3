using System.Net;
using System.Net.Http.Json;
using Stayline.Domain.Matters;
using Stayline.Features.Relief;
using Stayline.Tests.Features.People;
using Stayline.Tests.Infrastructure;
using static Stayline.Tests.Infrastructure.TestClock;

namespace Stayline.Tests.Features.Protection;

public class ReliefApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Relief_AddReadPutBackCorrect_AndALostRaceIs409(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2017-09-30"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        var motion = await b.MatterAsync(id, MatterKind.MotionToReopenIj, "2017-09-15");

        var created = await b.Api.PostAsJsonAsync($"/api/v1/people/{id}/relief-claims", new ReliefClaimWrite(ReliefKind.WithholdingOfRemoval,
            ProtectedGrounds.Religion | ProtectedGrounds.ParticularSocialGroup, "Chaldean Christian; threatened by militias in Nineveh", "Iraq",
            ReliefStatus.Filed, D("2017-09-15"), MatterId: motion), PeopleApiTests.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var read = Assert.Single((await b.Api.GetFromJsonAsync<List<ReliefClaimDto>>($"/api/v1/people/{id}/relief-claims", PeopleApiTests.Json))!);
        Assert.Equal((ProtectedGrounds.Religion | ProtectedGrounds.ParticularSocialGroup, (long?)motion, ReliefStatus.Filed), (read.Grounds, read.MatterId, read.Status));

        var same = await (await b.Api.PutAsJsonAsync($"/api/v1/relief-claims/{read.Id}", read, PeopleApiTests.Json)).Content.ReadFromJsonAsync<ReliefClaimDto>(PeopleApiTests.Json);
        Assert.Equal(read with { Version = same!.Version }, same);

        var denied = await b.Api.PutAsJsonAsync($"/api/v1/relief-claims/{read.Id}", same with { Status = ReliefStatus.Denied, DecidedOn = D("2017-09-29") }, PeopleApiTests.Json);
        Assert.Equal(HttpStatusCode.OK, denied.StatusCode);
        var stale = await b.Api.PutAsJsonAsync($"/api/v1/relief-claims/{read.Id}", same with { Basis = "Other" }, PeopleApiTests.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api("intake").PostAsJsonAsync($"/api/v1/people/{id}/relief-claims", read, PeopleApiTests.Json)).StatusCode);
    }

    [Theory]
    [InlineData(ReliefKind.Asylum, ProtectedGrounds.None, "Grounds", "choose at least one")]
    [InlineData(ReliefKind.CatDeferral, ProtectedGrounds.Religion, "Grounds", "without a protected ground")]
    public async Task Relief_GroundsMustFitTheKind(ReliefKind kind, ProtectedGrounds grounds, string field, string message)
    {
        await using var app = await TestApp.StartAsync(clock: TestClock.At("2017-09-30"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");

        var response = await b.Api.PostAsJsonAsync($"/api/v1/people/{id}/relief-claims", new ReliefClaimWrite(kind, grounds, "Basis"), PeopleApiTests.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(field, text, StringComparison.Ordinal);
        Assert.Contains(message, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relief_MatterOfAnotherPerson_IsRefused()
    {
        await using var app = await TestApp.StartAsync(clock: TestClock.At("2017-09-30"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        var other = await b.PersonAsync("A087654321", "Sami", "Toma");
        var theirs = await b.MatterAsync(other, MatterKind.MotionToReopenIj, "2017-09-15");

        var response = await b.Api.PostAsJsonAsync($"/api/v1/people/{id}/relief-claims",
            new ReliefClaimWrite(ReliefKind.CatDeferral, ProtectedGrounds.None, "Torture by militias", MatterId: theirs), PeopleApiTests.Json);

        Assert.Contains($"Matter {theirs} is not one of this person's matters.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
