using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stayline.Data;
using Stayline.Features.Custody;
using Stayline.Features.People;
using Stayline.Tests.Features.People;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Custody;

public class CustodyApiTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 28, 15, 0, 0, TimeSpan.Zero));

    private static async Task<(TestApp App, long PersonId, long[] Facilities)> SetUpAsync(string provider = "sqlite")
    {
        var app = await TestApp.StartAsync(provider, Clock);
        var person = (await (await app.Api("intake").PostAsJsonAsync("/api/v1/people", new { aNumber = "A087654321", givenName = "Sabah", familyName = "Yaldo" }))
            .Content.ReadFromJsonAsync<PersonDto>(PeopleApiTests.Json))!;
        await using var scope = app.Scope();
        var facilities = await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().Facilities.OrderBy(f => f.Id).Select(f => f.Id).Take(3).ToArrayAsync();
        return (app, person.Id, facilities);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DetainTransferRelease_BuildsEpisodesAndKeepsStatus(string provider)
    {
        var (app, id, f) = await SetUpAsync(provider);
        await using var _ = app;
        var api = app.Api("intake");
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/people/{id}/custody", new { action = "Detain", on = "2026-11-01", facilityId = f[0] })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/people/{id}/custody", new { action = "Transfer", on = "2026-11-09", facilityId = f[1] })).StatusCode);

        var episodes = (await api.GetFromJsonAsync<List<CustodyEpisodeDto>>($"/api/v1/people/{id}/custody", PeopleApiTests.Json))!;
        Assert.Equal(2, episodes.Count);
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 9), "Transferred"), (episodes[0].From, episodes[0].To!.Value, episodes[0].EndReason));
        Assert.Equal((f[1], (DateOnly?)null), (episodes[1].FacilityId, episodes[1].To));
        var detained = (await api.GetFromJsonAsync<PeoplePage>($"/api/v1/people?facilityId={f[1]}&status=Detained", PeopleApiTests.Json))!;
        Assert.Single(detained.Rows);

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/people/{id}/custody", new { action = "Release", on = "2026-11-20" })).StatusCode);
        var person = (await api.GetFromJsonAsync<PersonDto>($"/api/v1/people/{id}", PeopleApiTests.Json))!;
        Assert.Equal(Domain.People.CustodyStatus.Released, person.CustodyStatus);
        Assert.Null(person.CurrentFacilityId);
    }

    [Fact]
    public async Task Release_BeforeDetentionBegan_Returns400AndSavesNothing()
    {
        var (app, id, f) = await SetUpAsync();
        await using var _ = app;
        var api = app.Api("attorney");
        await api.PostAsJsonAsync($"/api/v1/people/{id}/custody", new { action = "Detain", on = "2026-11-10", facilityId = f[0] });

        var response = await api.PostAsJsonAsync($"/api/v1/people/{id}/custody", new { action = "Release", on = "2026-11-05" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cannot end on 2026-11-05, before it started on 2026-11-10", await response.Content.ReadAsStringAsync());
        var episodes = (await api.GetFromJsonAsync<List<CustodyEpisodeDto>>($"/api/v1/people/{id}/custody", PeopleApiTests.Json))!;
        Assert.Null(Assert.Single(episodes).To);
    }

    [Theory]
    [InlineData("{\"action\":\"Detain\",\"on\":\"2026-11-10\",\"facilityId\":999999}", "Facility 999999 does not exist")]
    [InlineData("{\"action\":\"Detain\",\"on\":\"2026-12-10\",\"facilityId\":FAC}", "is in the future")]
    [InlineData("{\"action\":\"Transfer\",\"on\":\"2026-11-10\",\"facilityId\":FAC}", "not in custody")]
    [InlineData("{\"action\":\"Detain\",\"on\":\"2026-11-10\"}", "Choose the facility")]
    public async Task Record_BadChange_Returns400WithAClearMessage(string body, string message)
    {
        var (app, id, f) = await SetUpAsync();
        await using var _ = app;
        var content = new StringContent(body.Replace("FAC", f[0].ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            System.Text.Encoding.UTF8, "application/json");
        var response = await app.Api("intake").PostAsync($"/api/v1/people/{id}/custody", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Record_AsViewer_Returns403()
    {
        var (app, id, f) = await SetUpAsync();
        await using var _ = app;
        var response = await app.Api("viewer").PostAsJsonAsync($"/api/v1/people/{id}/custody", new { action = "Detain", on = "2026-11-10", facilityId = f[0] });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
