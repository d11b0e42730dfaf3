using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Features.People;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.People;

public class PeopleApiTests
{
    private static object NewPerson(string aNumber = "A012-345-678", string? birth = "1971-03-02") => new
    {
        aNumber,
        givenName = "Yousif",
        familyName = "Kassab",
        nativeName = "يوسف قصاب",
        birthDate = birth,
        citizenship = "Iraq",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateGetSearchUpdate_RoundTrip_OnEachDatabase(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = app.Api("attorney");

        var created = await api.PostAsJsonAsync("/api/v1/people", NewPerson());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var person = (await created.Content.ReadFromJsonAsync<PersonDto>(Json))!;
        Assert.Equal("012345678", person.ANumber);

        foreach (var query in new[] { "A012-345-678", "012345678", "A12345678", "kass", "YOUSIF kassab", "يوسف" })
        {
            var page = (await api.GetFromJsonAsync<PeoplePage>($"/api/v1/people?q={Uri.EscapeDataString(query)}", Json))!;
            Assert.True(page.Rows.Count == 1, $"search \"{query}\" found {page.Rows.Count}");
        }

        var update = await api.PutAsJsonAsync($"/api/v1/people/{person.Id}", new
        {
            aNumber = "A012345678",
            givenName = "Yousef",
            familyName = "Kassab",
            birthDate = "1971-03-02",
            version = person.Version,
        });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var fetched = (await api.GetFromJsonAsync<PersonDto>($"/api/v1/people/{person.Id}", Json))!;
        Assert.Equal("Yousef", fetched.GivenName);
        Assert.Equal(person.Version + 1, fetched.Version);
    }

    [Fact]
    public async Task Update_WithStaleVersion_Returns409AndChangesNothing()
    {
        await using var app = await TestApp.StartAsync();
        var api = app.Api("admin");
        var person = (await (await api.PostAsJsonAsync("/api/v1/people", NewPerson())).Content.ReadFromJsonAsync<PersonDto>(Json))!;
        var first = await api.PutAsJsonAsync($"/api/v1/people/{person.Id}", new { givenName = "Yousef", familyName = "Kassab", version = person.Version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var stale = await api.PutAsJsonAsync($"/api/v1/people/{person.Id}", new { givenName = "Youssef", familyName = "Kassab", version = person.Version });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("changed by someone else", await stale.Content.ReadAsStringAsync());
        var now = (await api.GetFromJsonAsync<PersonDto>($"/api/v1/people/{person.Id}", Json))!;
        Assert.Equal("Yousef", now.GivenName);
    }

    [Theory]
    [InlineData("A1234567", null, "aNumber", "7 digits")]
    [InlineData("A012345678", "2999-01-01", "birthDate", "in the future")]
    public async Task Create_BadInput_Returns400NamingTheFieldAndSavesNothing(string aNumber, string? birth, string field, string message)
    {
        await using var app = await TestApp.StartAsync();
        var response = await app.Api("intake").PostAsJsonAsync("/api/v1/people", NewPerson(aNumber, birth));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        var key = errors.EnumerateObject().Single().Name;
        Assert.Equal(field, key, ignoreCase: true);
        Assert.Contains(message, errors.EnumerateObject().Single().Value[0].GetString());
        await using var scope = app.Scope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().People.CountAsync());
    }

    [Fact]
    public async Task Create_DuplicateANumber_Returns400NamingTheOtherPerson()
    {
        await using var app = await TestApp.StartAsync();
        var api = app.Api("admin");
        await api.PostAsJsonAsync("/api/v1/people", NewPerson());
        var again = await api.PostAsJsonAsync("/api/v1/people", NewPerson("12345678"));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already belongs to Yousif Kassab", await again.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null, "GET", HttpStatusCode.Unauthorized)]
    [InlineData("viewer", "GET", HttpStatusCode.OK)]
    [InlineData("intake", "GET", HttpStatusCode.OK)]
    [InlineData("viewer", "POST", HttpStatusCode.Forbidden)]
    [InlineData("intake", "POST", HttpStatusCode.Created)]
    [InlineData("attorney", "POST", HttpStatusCode.Created)]
    [InlineData("admin", "POST", HttpStatusCode.Created)]
    [InlineData(null, "POST", HttpStatusCode.Unauthorized)]
    public async Task Roles_AllowedAndDenied(string? role, string method, HttpStatusCode expected)
    {
        await using var app = await TestApp.StartAsync();
        var api = app.Api(role);
        var response = method == "GET" ? await api.GetAsync("/api/v1/people") : await api.PostAsJsonAsync("/api/v1/people", NewPerson());
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Get_WithRevokedOrWrongToken_Returns401()
    {
        await using var app = await TestApp.StartAsync();
        var api = app.Api(null);
        api.DefaultRequestHeaders.Authorization = new("Bearer", "stl_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/people")).StatusCode);
    }

    [Fact]
    public async Task Get_RecordsTheOpeningInTheAuditLog()
    {
        await using var app = await TestApp.StartAsync();
        var api = app.Api("viewer");
        var person = (await (await app.Api("admin").PostAsJsonAsync("/api/v1/people", NewPerson())).Content.ReadFromJsonAsync<PersonDto>(Json))!;
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/people/{person.Id}")).StatusCode);

        await app.ReadAuditMovedAsync();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var view = await db.AuditEvents.SingleAsync(a => a.Action == "view" && a.PersonId == person.Id);
        Assert.Equal(TestApp.Email("viewer"), view.UserName);
        var create = await db.AuditEvents.SingleAsync(a => a.Action == "create" && a.EntityType == "Person");
        Assert.Equal(TestApp.Email("admin"), create.UserName);
        Assert.Contains("Kassab", create.After);
    }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
