using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.People;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.People;

public class PersonSaveTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveTwiceInOneContext_RefreshesTokensAndAuditsBoth(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var today = new DateOnly(2026, 11, 28);
        var (person, _) = Person.Create(new PersonInput("A012345678", "Yousif", "Kassab", null, null, BirthDatePrecision.Unknown, "Iraq", null, false, null), today, DateTimeOffset.UtcNow);
        db.People.Add(person!);
        await db.SaveChangesAsync();

        person!.Update(person.ToInput() with { GivenName = "Youssef" }, today);
        await db.SaveChangesAsync();
        person.Update(person.ToInput() with { FamilyName = "Qassab" }, today);
        await db.SaveChangesAsync();

        var tokens = await db.NameTokens.Where(t => t.PersonId == person.Id).Select(t => t.Token).ToListAsync();
        Assert.Contains("youssef", tokens);
        Assert.Contains("qassab", tokens);
        Assert.DoesNotContain("kassab", tokens);
        Assert.Equal(2, await db.AuditEvents.CountAsync(a => a.PersonId == person.Id && a.Action == "update"));
    }
}
