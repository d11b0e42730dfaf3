using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Tests.Features.Review;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Hotline;

/// <summary>The hotline staff's call log: who called, about whom, what was promised, by whom, when.</summary>
public class CallLogTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LogCall_ApiAndPage_StoreWhoWhatAndWhenAndListThemNewestFirst(string provider)
    {
        var clock = TestClock.At("2026-06-01");
        await using var app = await TestApp.StartAsync(provider, clock);
        long person;
        await using (var scope = app.Scope())
        {
            person = await ReviewServiceTests.AddPersonAsync(scope.ServiceProvider.GetRequiredService<StaylineDbContext>(), "Yousif", "Kassab", null);
        }

        var api = app.Api("intake");
        var first = await api.PostAsJsonAsync("/api/v1/intake/calls", new
        {
            callerName = "Mariam Kassab",
            callerPhone = "+1 313 555 0142",
            personId = person,
            summary = "Asked about the bond hearing",
            promised = "Call back by Friday with the hearing date",
        });
        clock.Advance(TimeSpan.FromHours(1));
        var web = await app.SignedInAsync("intake");
        var second = await TestApp.PostFormAsync(web, "/Intake/Calls", "/Intake/Calls", new Dictionary<string, string>
        {
            ["Input.CallerName"] = "Rana Toma",
            ["Input.AboutName"] = "her brother Sami",
            ["Input.Promised"] = "Intake appointment on Monday",
        });
        var refused = await api.PostAsJsonAsync("/api/v1/intake/calls", new { callerName = "X", promised = "" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusal = await refused.Content.ReadAsStringAsync();
        Assert.Contains("promised", refusal, StringComparison.Ordinal);
        Assert.Contains("Say whom the call was about", refusal, StringComparison.Ordinal);
        var log = await api.GetFromJsonAsync<JsonElement>("/api/v1/intake/calls");
        Assert.Equal(2, log.GetProperty("total").GetInt32());
        var items = log.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("Rana Toma", items[0].GetProperty("callerName").GetString());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("personId").ValueKind);
        Assert.Equal("Mariam Kassab", items[1].GetProperty("callerName").GetString());
        Assert.Equal(person, items[1].GetProperty("personId").GetInt64());
        Assert.Equal("Yousif Kassab", items[1].GetProperty("personName").GetString());
        Assert.Equal("Call back by Friday with the hearing date", items[1].GetProperty("promised").GetString());
        Assert.Equal(TestApp.Email("intake"), items[1].GetProperty("takenBy").GetString());
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero), items[1].GetProperty("at").GetDateTimeOffset());
        var forPerson = await api.GetFromJsonAsync<JsonElement>($"/api/v1/intake/calls?personId={person}");
        Assert.Equal(1, forPerson.GetProperty("total").GetInt32());
        var page = await web.GetStringAsync("/Intake/Calls");
        Assert.Contains("Intake appointment on Monday", page, StringComparison.Ordinal);
        Assert.Contains("her brother Sami", page, StringComparison.Ordinal);
    }
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LogCall_OtherOrganisation_SeesACallOnlyAboutAPersonItSees(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        long person;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            person = await ReviewServiceTests.AddPersonAsync(db, "Yousif", "Kassab", null);
            Assert.Null((await Stayline.Features.Organisations.OrganisationService.AddAsync(db, "Partner B", false, DateTimeOffset.UnixEpoch, CancellationToken.None)).Error);
        }

        Assert.Null(await Stayline.Features.Account.UserCommands.CreateUserAsync(app.Services, "b-intake@test.stayline", "Partner intake", "intake", TestApp.Password, "Partner B"));
        var partner = await Organisations.ScopingRouteTableTests.ApiAsync(app, "b-intake@test.stayline");
        Assert.Equal(HttpStatusCode.Created, (await app.Api("intake").PostAsJsonAsync("/api/v1/intake/calls",
            new { callerName = "Mariam Kassab", personId = person, promised = "Call back Friday" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await app.Api("intake").PostAsJsonAsync("/api/v1/intake/calls",
            new { callerName = "Rana Toma", aboutName = "her brother Sami", promised = "Intake on Monday" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await partner.PostAsJsonAsync("/api/v1/intake/calls",
            new { callerName = "Hana Yono", aboutName = "her son", promised = "Partner will call back" })).StatusCode);

        static async Task<List<string>> Callers(HttpClient api) => (await api.GetFromJsonAsync<JsonElement>("/api/v1/intake/calls")).GetProperty("items")
            .EnumerateArray().Select(i => i.GetProperty("callerName").GetString()!).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["Hana Yono"], await Callers(partner));
        Assert.Equal(["Mariam Kassab", "Rana Toma"], await Callers(app.Api("intake")));
        Assert.Equal(["Hana Yono", "Mariam Kassab", "Rana Toma"], await Callers(app.Api("admin"))); // the coordinating admin sees all
    }
}
