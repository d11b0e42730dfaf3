using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Classes;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Features.Protection;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Protection;

/// <summary>Builds a person's case through the API (and the DbContext where the app has no API), as a team would.</summary>
public sealed class CaseBuilder(TestApp app)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public HttpClient Api { get; } = app.Api("admin");

    public async Task<long> PersonAsync(string aNumber, string given = "Yousif", string family = "Kassab")
    {
        var response = await Api.PostAsJsonAsync("/api/v1/people", new { aNumber, givenName = given, familyName = family, citizenship = "Iraq" });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
    }

    public async Task RemovalOrderAsync(long personId, string on, Adjudicator by = Adjudicator.ImmigrationJudge, bool inAbsentia = false, bool waived = false,
        bool reserved = false)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var (order, errors) = RemovalOrder.Create(personId, TestClock.D(on), by, inAbsentia, waived, "Iraq", DateOnly.MaxValue, reserved);
        Assert.Empty(errors);
        db.RemovalOrders.Add(order!);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Three people ordered removed on 1998-03-12, A-file received 2017-08-14, members of a class whose order of
    /// 2017-07-24 gives 90 days after the A-file and record of proceedings.
    /// </summary>
    public async Task<long[]> ThreeClassMembersAsync()
    {
        long[] ids = [await PersonAsync("A012345678"), await PersonAsync("A087654321", "Sami", "Toma"), await PersonAsync("A023456789", "Nadia", "Yono")];
        foreach (var id in ids)
        {
            await RemovalOrderAsync(id, "1998-03-12");
            await EventAsync(id, PersonEventKind.AFileReceived, "2017-08-14");
        }

        var classId = await ClassAsync(ids);
        (await Api.PostAsJsonAsync($"/api/v1/classes/{classId}/orders", new Stayline.Features.Classes.ClassOrderWrite("Order", null, null, TestClock.D("2017-07-24"), 90)))
            .EnsureSuccessStatusCode();
        return ids;
    }

    public async Task<long> ClassAsync(params long[] members)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var c = new ClassAction("Hamama v. Adducci", "E.D. Mich.", "2:17-cv-11910", "Iraqi nationals with final orders");
        db.ClassActions.Add(c);
        await db.SaveChangesAsync();
        foreach (var m in members)
        {
            db.ClassMemberships.Add(new ClassMembership(c.Id, m, new DateOnly(2017, 6, 20)));
        }

        await db.SaveChangesAsync();
        return c.Id;
    }

    public async Task EventAsync(long personId, PersonEventKind kind, string on) =>
        (await Api.PostAsJsonAsync($"/api/v1/people/{personId}/events", new EventWrite(kind, TestClock.D(on)))).EnsureSuccessStatusCode();

    public async Task<long> MatterAsync(long personId, MatterKind kind, string filed, bool stay = false)
    {
        var response = await Api.PostAsJsonAsync($"/api/v1/people/{personId}/matters",
            new { kind = (int)kind, status = (int)MatterStatus.Pending, filedOn = filed, stayRequested = stay });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
    }

    public async Task DecideAsync(long matterId, MatterStatus status, string on)
    {
        var m = JsonDocument.Parse(await Api.GetStringAsync($"/api/v1/matters/{matterId}")).RootElement;
        var response = await Api.PutAsJsonAsync($"/api/v1/matters/{matterId}", new
        {
            kind = m.GetProperty("kind").GetString(),
            status = (int)status,
            filedOn = m.GetProperty("filedOn").GetString(),
            decidedOn = on,
            stayRequested = m.GetProperty("stayRequested").GetBoolean(),
            version = m.GetProperty("version").GetInt32(),
        });
        response.EnsureSuccessStatusCode();
    }

    public async Task<ProtectionView> ProtectionAsync(long personId) =>
        (await Api.GetFromJsonAsync<ProtectionView>($"/api/v1/people/{personId}/protection", Json))!;

    public async Task<List<DeadlineDto>> DeadlinesAsync(long personId) =>
        (await Api.GetFromJsonAsync<List<DeadlineDto>>($"/api/v1/people/{personId}/deadlines", Json))!;
}
