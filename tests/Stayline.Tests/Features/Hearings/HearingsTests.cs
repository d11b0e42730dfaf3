using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stayline.Data;
using Stayline.Domain.Matters;
using Stayline.Features.Hearings;
using Stayline.Tests.Features.Habeas;
using Stayline.Tests.Features.People;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Hearings;

public class HearingsTests
{
    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Api_AddReadPutBack_ChangesNothingAndALostRaceIs409(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, Clock());
        var person = await new HabeasKit(app).PersonAsync("Sabah", "Yaldo");
        var api = app.Api("attorney");

        var created = await api.PostAsJsonAsync($"/api/v1/people/{person}/hearings", new
        {
            kind = "Bond",
            on = "2026-12-08",
            at = "09:30",
            court = "Detroit Immigration Court",
            judge = "IJ Example",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var list = await api.GetFromJsonAsync<List<HearingDto>>($"/api/v1/people/{person}/hearings", PeopleApiTests.Json);
        var read = Assert.Single(list!);
        Assert.Equal((HearingKind.Bond, new DateOnly(2026, 12, 8), (TimeOnly?)new TimeOnly(9, 30), HearingOutcome.Scheduled), (read.Kind, read.On, read.At, read.Outcome));

        var same = await api.PutAsJsonAsync($"/api/v1/hearings/{read.Id}", read, PeopleApiTests.Json);
        var afterSame = await same.Content.ReadFromJsonAsync<HearingDto>(PeopleApiTests.Json);
        Assert.Equal(read with { Version = afterSame!.Version }, afterSame);

        var changed = await api.PutAsJsonAsync($"/api/v1/hearings/{read.Id}", afterSame with { Judge = "IJ Other" }, PeopleApiTests.Json);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var stale = await api.PutAsJsonAsync($"/api/v1/hearings/{read.Id}", afterSame with { Judge = "Someone else" }, PeopleApiTests.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var viewer = await app.Api("viewer").PostAsJsonAsync($"/api/v1/people/{person}/hearings", new { kind = "Master", on = "2026-12-08", court = "Detroit" });
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
    }

    /// <summary>The same hearing (person, kind, day and time) saved twice, by adding it again or by moving another one
    /// onto it, is refused with a message naming the one already recorded; a different time or kind is not.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Api_SameHearingTwice_IsRefusedNamingTheOneRecorded(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, Clock());
        var person = await new HabeasKit(app).PersonAsync("Sabah", "Yaldo");
        var api = app.Api("attorney");
        object Body(string kind, string at) => new { kind, on = "2026-12-08", at, court = "Detroit Immigration Court" };
        var first = await (await api.PostAsJsonAsync($"/api/v1/people/{person}/hearings", Body("Bond", "09:30"))).Content.ReadFromJsonAsync<HearingDto>(PeopleApiTests.Json);

        var again = await api.PostAsJsonAsync($"/api/v1/people/{person}/hearings", Body("Bond", "09:30"));
        var otherTime = await api.PostAsJsonAsync($"/api/v1/people/{person}/hearings", Body("Bond", "13:00"));
        var otherKind = await api.PostAsJsonAsync($"/api/v1/people/{person}/hearings", Body("Master", "09:30"));
        var moved = await otherTime.Content.ReadFromJsonAsync<HearingDto>(PeopleApiTests.Json);
        var moveOnto = await api.PutAsJsonAsync($"/api/v1/hearings/{moved!.Id}", moved with { At = new TimeOnly(9, 30) }, PeopleApiTests.Json);

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"This hearing is already recorded: Bond hearing on 2026-12-08 at 09:30, Detroit Immigration Court (hearing {first!.Id}). Edit that one instead of saving it twice.",
            problem.GetProperty("errors").GetProperty("On")[0].GetString());
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (otherTime.StatusCode, otherKind.StatusCode));
        Assert.Equal(HttpStatusCode.BadRequest, moveOnto.StatusCode);
        Assert.Contains($"(hearing {first.Id})", await moveOnto.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.Equal([new TimeOnly(9, 30), new TimeOnly(9, 30), new TimeOnly(13, 0)],
            (await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().Hearings.Select(h => h.At!.Value).ToListAsync()).Order());
    }

    [Theory]
    [InlineData("""{"kind":"Master","on":"2026-12-08"}""", "Court", "The court is required")]
    [InlineData("""{"kind":"Master","court":"Detroit"}""", "On", "The hearing's date is required.")]
    [InlineData("""{"kind":"Master","on":"2026-12-08","court":"Detroit","outcome":"Granted"}""", "Outcome", "A hearing on 2026-12-08 has not happened yet")]
    [InlineData("""{"kind":"Master","on":"2026-11-02","court":"Detroit","outcome":"Granted","bondAmount":5000}""", "BondAmount", "Only a bond hearing sets a bond amount.")]
    [InlineData("""{"kind":"Bond","on":"2026-11-02","court":"Detroit","outcome":"Denied","bondAmount":5000}""", "BondAmount", "A bond amount is recorded when bond is granted")]
    [InlineData("""{"kind":"Bond","on":"2026-11-02","court":"Detroit","matterId":999999}""", "MatterId", "Matter 999999 is not one of this person's matters.")]
    public async Task Api_BadHearing_NamesTheFieldAndStoresNothing(string body, string field, string message)
    {
        await using var app = await TestApp.StartAsync(clock: Clock());
        var person = await new HabeasKit(app).PersonAsync("Sabah", "Yaldo");

        var response = await app.Api("attorney").PostAsync($"/api/v1/people/{person}/hearings", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().Hearings.AnyAsync());
    }

    [Fact]
    public async Task Pages_AddFromThePersonPage_ListedThereAndOnTheCalendar_AndTheEditIsAudited()
    {
        await using var app = await TestApp.StartAsync(clock: Clock());
        var person = await new HabeasKit(app).PersonAsync("Nadia", "Toma");
        var attorney = await app.SignedInAsync("attorney");
        var add = $"/Hearings/Edit?personId={person}";

        var saved = await TestApp.PostFormAsync(attorney, add, add, new Dictionary<string, string>
        {
            ["Input.Kind"] = "Individual",
            ["Input.On"] = "2026-12-15",
            ["Input.At"] = "13:00",
            ["Input.Court"] = "Detroit Immigration Court",
            ["Input.Judge"] = "IJ Example",
            ["Input.Outcome"] = "Scheduled",
            ["Input.Version"] = "0",
            ["PersonId"] = person.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());

        var page = WebUtility.HtmlDecode(await attorney.GetStringAsync($"/People/Details?id={person}"));
        Assert.Contains("Individual (merits) hearing", page, StringComparison.Ordinal);
        Assert.Contains("2026-12-15 13:00", page, StringComparison.Ordinal);
        var calendar = WebUtility.HtmlDecode(await (await app.SignedInAsync("viewer")).GetStringAsync("/Hearings"));
        Assert.Contains("Nadia Toma", calendar, StringComparison.Ordinal);
        Assert.Contains("Detroit Immigration Court, IJ Example", calendar, StringComparison.Ordinal);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var (id, version) = await db.Hearings.Select(h => new Tuple<long, int>(h.Id, h.Version)).SingleAsync() is var t ? (t.Item1, t.Item2) : default;
        var edit = $"/Hearings/Edit?id={id}";
        var continued = await TestApp.PostFormAsync(attorney, edit, edit, new Dictionary<string, string>
        {
            ["Input.Kind"] = "Individual",
            ["Input.On"] = "2026-12-15",
            ["Input.Court"] = "Detroit Immigration Court",
            ["Input.Outcome"] = "Cancelled",
            ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, continued.StatusCode);
        Assert.Equal(2, await db.AuditEvents.CountAsync(a => a.EntityType == nameof(Hearing) && a.PersonId == person && a.UserName == TestApp.Email("attorney")));
        Assert.Equal(HearingOutcome.Cancelled, (await db.Hearings.AsNoTracking().SingleAsync()).Outcome);
    }

    [Fact]
    public async Task EditPage_StaleVersion_SaysSomeoneElseChangedIt()
    {
        await using var app = await TestApp.StartAsync(clock: Clock());
        var person = await new HabeasKit(app).PersonAsync("Nadia", "Toma");
        var created = await app.Api("attorney").PostAsJsonAsync($"/api/v1/people/{person}/hearings", new { kind = "Master", on = "2026-12-08", court = "Detroit" });
        var hearing = await created.Content.ReadFromJsonAsync<HearingDto>(PeopleApiTests.Json);
        var edit = $"/Hearings/Edit?id={hearing!.Id}";

        var response = await TestApp.PostFormAsync(await app.SignedInAsync("attorney"), edit, edit, new Dictionary<string, string>
        {
            ["Input.Kind"] = "Master",
            ["Input.On"] = "2026-12-09",
            ["Input.Court"] = "Detroit",
            ["Input.Outcome"] = "Scheduled",
            ["Input.Version"] = "7",
            ["Id"] = hearing.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else saved a change to this record", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
