using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.People;
using Stayline.Features.People;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.People;

/// <summary>GET /api/v1/people/{id}: the hand-written SQLite read and the EF read answer the same, and every read is audited.</summary>
public class PersonReadTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Get_PersonWithAliases_AnswersEveryFieldAndTheAliasesInOrder(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        long id;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var (person, errors) = Person.Create(new PersonInput("A012-345-678", "Yousif", "Kassab", "يوسف قصاب", new DateOnly(1971, 1, 1),
                BirthDatePrecision.Exact, "Iraq", "Arabic, English", true, new DateOnly(2017, 6, 20), "Tel Keppe", "Hanna", null, "Sterling Heights", null, "+1 586 555 0100"),
                new DateOnly(2017, 6, 20), DateTimeOffset.UnixEpoch);
            Assert.Empty(errors);
            person!.AddAlias("Yusuf", "Qassab", "ICE list");
            person.AddAlias("Joseph", "Kassab", null);
            db.People.Add(person);
            await db.SaveChangesAsync();
            id = person.Id;
        }

        var dto = (await app.Api("viewer").GetFromJsonAsync<PersonDto>($"/api/v1/people/{id}", Json))!;

        Assert.Equal(new PersonDto(id, "012345678", "Yousif", "Kassab", "يوسف قصاب", new DateOnly(1971, 1, 1), BirthDatePrecision.SuspectedPlaceholder,
            "Iraq", "Arabic, English", true, new DateOnly(2017, 6, 20), CustodyStatus.Unknown, null, 0, [], "Tel Keppe", "Hanna", null, "Sterling Heights", null,
            "+1 586 555 0100"), dto with { Aliases = [] });
        Assert.Equal([new AliasDto("Yusuf", "Qassab", "ICE list"), new AliasDto("Joseph", "Kassab", null)], dto.Aliases);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Get_ExistingAndMissingPerson_AuditsOnlyTheRead(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = app.Api("viewer");
        var created = await app.Api("intake").PostAsJsonAsync("/api/v1/people", new { givenName = "Nadia", familyName = "Jarjees" });
        var id = (await created.Content.ReadFromJsonAsync<PersonDto>(Json))!.Id;

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/people/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/people/{id + 1000}")).StatusCode);

        await app.ReadAuditMovedAsync();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var views = await db.AuditEvents.Where(e => e.Action == "view").Select(e => new { e.PersonId, e.UserName, e.After }).ToListAsync();
        Assert.Equal([new { PersonId = (long?)id, UserName = (string?)TestApp.Email("viewer"), After = (string?)$"GET /api/v1/people/{id}" }], views);
    }
}
