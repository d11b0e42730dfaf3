using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Work;
using Stayline.Features.People;
using Stayline.Tests.Features.People;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Habeas;

/// <summary>People, custody and petitions through the API, as an intake volunteer and an attorney would record them.</summary>
public sealed class HabeasKit(TestApp app)
{
    private int _next = 10_000_000;

    /// <summary>A fresh outbox folder: on PostgreSQL the default one is shared by every test.</summary>
    public static void OwnOutbox(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder) =>
        builder.Configuration["Stayline:Reminders:OutboxFolder"] = Path.Combine(Path.GetTempPath(), "stayline-outbox-" + Guid.NewGuid().ToString("N"));

    public async Task<long> PersonAsync(string given, string family)
    {
        var response = await app.Api("intake").PostAsJsonAsync("/api/v1/people", new { aNumber = $"A0{_next++}", givenName = given, familyName = family });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PersonDto>(PeopleApiTests.Json))!.Id;
    }

    public async Task CustodyAsync(long personId, string action, string on, long? facilityId = null)
    {
        var response = await app.Api("intake").PostAsJsonAsync($"/api/v1/people/{personId}/custody", new { action, on, facilityId });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public async Task HabeasAsync(long personId, string status, string? filedOn)
    {
        var response = await app.Api("attorney").PostAsJsonAsync($"/api/v1/people/{personId}/matters",
            new { kind = "HabeasPetition", court = "E.D. Mich.", status, filedOn });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public async Task<long> FacilityAsync(string name, string? state = null)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().Facilities
            .Where(f => f.Name == name && (state == null || f.State == state)).Select(f => f.Id).SingleAsync();
    }

    public async Task AssignAsync(long personId, string role, DateOnly from)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == TestApp.Email(role));
        db.Assignments.Add(new Assignment(personId, user.Id, from));
        await db.SaveChangesAsync();
    }
}
