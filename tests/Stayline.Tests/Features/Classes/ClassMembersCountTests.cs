using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Features.Demo;
using Stayline.Features.People;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Classes;

public class ClassMembersCountTests
{
    /// <summary>Issue 12: a class's page said "Members 1,000" where the class list said 1,286.</summary>
    [Fact]
    public async Task ClassPage_MoreMembersThanTheOldCap_ShowsTheExactCount()
    {
        await using var app = await TestApp.StartAsync();
        await new DemoGenerator(DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow).FillAsync(app.Services, PeopleQuery.CountCap + 150, CancellationToken.None);
        long classId;
        int members;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var largest = (await db.ClassMemberships.Select(m => m.ClassActionId).ToListAsync()).GroupBy(id => id).MaxBy(g => g.Count())!;
            (classId, members) = (largest.Key, largest.Count());
        }

        var page = await (await app.SignedInAsync("viewer")).GetStringAsync($"/Classes/Details?id={classId}");

        Assert.True(members > PeopleQuery.CountCap, $"{members} members");
        Assert.Contains($">{members.ToString("N0", CultureInfo.InvariantCulture)}</a></dd>", page, StringComparison.Ordinal);
    }
}
