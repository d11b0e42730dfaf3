using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stayline.Data;
using Stayline.Features.Custody;
using Stayline.Features.People;
using Stayline.Tests.Features.People;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Custody;

/// <summary>Two people changing one person's custody at once: the loser is told (409), never a 500, and the ledger stays whole.</summary>
public class CustodyConcurrencyTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 28, 15, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CustodyChange_TwoClientsAtOnce_EveryAnswerIs2xxOr409AndTheLedgerStaysWhole(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, Clock);
        long[] facilities;
        await using (var scope = app.Scope())
        {
            facilities = await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().Facilities.OrderBy(f => f.Id).Select(f => f.Id).Take(3).ToArrayAsync();
        }

        var first = app.Api("intake");
        var second = app.Api("attorney");
        var answers = new List<HttpStatusCode>();
        for (var round = 0; round < 10; round++)
        {
            var person = (await (await first.PostAsJsonAsync("/api/v1/people", new { givenName = "Sabah", familyName = $"Yaldo{round}" }))
                .Content.ReadFromJsonAsync<PersonDto>(PeopleApiTests.Json))!;
            var url = $"/api/v1/people/{person.Id}/custody";
            Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync(url, new { action = "Detain", on = "2026-11-01", facilityId = facilities[0] })).StatusCode);

            var both = await Task.WhenAll(
                first.PostAsJsonAsync(url, new { action = "Transfer", on = "2026-11-09", facilityId = facilities[1] }),
                second.PostAsJsonAsync(url, new { action = "Transfer", on = "2026-11-10", facilityId = facilities[2] }));
            foreach (var r in both)
            {
                answers.Add(r.StatusCode);
                if (r.StatusCode == HttpStatusCode.Conflict)
                {
                    using var problem = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
                    Assert.Contains("changed by someone else", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
                }
            }

            var episodes = (await first.GetFromJsonAsync<List<CustodyEpisodeDto>>(url, PeopleApiTests.Json))!;
            var now = (await first.GetFromJsonAsync<PersonDto>($"/api/v1/people/{person.Id}", PeopleApiTests.Json))!;
            var open = Assert.Single(episodes, e => e.To is null);
            Assert.Equal(now.CurrentFacilityId, open.FacilityId);
            Assert.Equal(episodes.Count(r => r.To is not null) + 1, episodes.Count);
            for (var i = 1; i < episodes.Count; i++)
            {
                Assert.Equal(episodes[i - 1].To, episodes[i].From);
            }

            // Each change that answered 200 is in the ledger; each that answered 409 is not.
            Assert.Equal(1 + both.Count(r => r.StatusCode == HttpStatusCode.OK), episodes.Count);
        }

        // 400: the later-dated transfer landed first, so the earlier one no longer fits the ledger (a validation answer, not a race).
        Assert.All(answers, a => Assert.True(a is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.BadRequest, $"answered {a}"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Write_LosesTheRace_ApiAnswers409ProblemAndThePageSaysReload(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, Clock);
        var api = app.Api("intake");
        var person = (await (await api.PostAsJsonAsync("/api/v1/people", new { givenName = "Sabah", familyName = "Yaldo" }))
            .Content.ReadFromJsonAsync<PersonDto>(PeopleApiTests.Json))!;
        long facility;
        await using (var scope = app.Scope())
        {
            facility = await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().Facilities.Select(f => f.Id).FirstAsync();
        }

        var page = $"/Custody/Record?personId={person.Id}";
        var browser = await app.SignedInAsync("intake");
        var form = await browser.GetStringAsync(page);
        // Another writer's change, as the database reports it: the update of the person finds no row at the version read.
        await SkipPersonUpdatesAsync(app);

        var apiAnswer = await api.PostAsJsonAsync($"/api/v1/people/{person.Id}/custody", new { action = "Detain", on = "2026-11-01", facilityId = facility });
        var pageAnswer = await browser.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Action"] = "Detain",
            ["Input.On"] = "2026-11-01",
            ["Input.FacilityId"] = facility.ToString(CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = TestApp.AntiforgeryToken(form),
        }));

        Assert.Equal(HttpStatusCode.Conflict, apiAnswer.StatusCode);
        Assert.Equal("application/problem+json", apiAnswer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, pageAnswer.StatusCode);
        var html = await pageAnswer.Content.ReadAsStringAsync();
        Assert.Contains("changed by someone else", html, StringComparison.Ordinal);
        Assert.Contains($"<a id=\"reload\" href=\"/Custody/Record?personId={person.Id}\">Reload</a>", html, StringComparison.Ordinal);
    }

    private static async Task SkipPersonUpdatesAsync(TestApp app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        string[] statements = db.IsSqlite
            ? ["CREATE TRIGGER skip_people BEFORE UPDATE ON \"people\" BEGIN SELECT RAISE(IGNORE); END"]
            :
            [
                "CREATE FUNCTION skip_people() RETURNS trigger AS $$ BEGIN RETURN NULL; END $$ LANGUAGE plpgsql",
                "CREATE TRIGGER skip_people BEFORE UPDATE ON \"people\" FOR EACH ROW EXECUTE FUNCTION skip_people()",
            ];
        foreach (var sql in statements)
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }
    }
}
