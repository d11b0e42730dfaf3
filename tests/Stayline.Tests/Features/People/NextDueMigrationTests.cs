using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Tests.Features.Review;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.People;

/// <summary>Upgrading sets the stored next deadline of protection rows written before it existed from the stored
/// deadline rows (so the board's "by next deadline" order is right before the start-up recompute rewrites them).</summary>
public class NextDueMigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upgrade_RowWithoutNextDue_SetFromTheOpenDeadlinesStored(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var open = await ReviewServiceTests.AddPersonAsync(db, "Amal", "Toma", new DateOnly(1980, 1, 1));
        var met = await ReviewServiceTests.AddPersonAsync(db, "Basil", "Toma", new DateOnly(1980, 1, 1));
        var kept = await ReviewServiceTests.AddPersonAsync(db, "Dina", "Toma", new DateOnly(1980, 1, 1));
        void Due(long who, DateOnly due, string state) => db.Deadlines.Add(new PersonDeadline
        {
            PersonId = who,
            RuleId = "manual",
            Manual = true,
            Title = "Brief",
            DueDate = due,
            State = state,
            Citation = "",
        });
        Due(open, new DateOnly(2027, 3, 20), "Open");
        Due(open, new DateOnly(2027, 3, 5), "Open");
        Due(open, new DateOnly(2027, 3, 1), "Met");
        Due(met, new DateOnly(2027, 3, 2), "Met");
        Due(kept, new DateOnly(2027, 4, 1), "Open");
        await db.SaveChangesAsync();
        Assert.Equal(new DateOnly(2027, 3, 5), await NextDueAsync(db, open));

        // As before the upgrade: rows of the old format hold no next deadline (one already rewritten keeps its own).
        await db.Protections.Where(pp => pp.PersonId == open || pp.PersonId == met).ExecuteUpdateAsync(s => s.SetProperty(pp => pp.NextDueDate, (DateOnly?)null));
        await db.Protections.Where(pp => pp.PersonId == kept).ExecuteUpdateAsync(s => s.SetProperty(pp => pp.NextDueDate, new DateOnly(2027, 4, 2)));
        var migrations = db.Database.GetMigrations().ToList();
        var at = migrations.FindIndex(m => m.EndsWith("_NextDueFromStoredDeadlines", StringComparison.Ordinal));
        Assert.True(at > 0);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[at - 1]);
        await migrator.MigrateAsync();

        Assert.Equal(new DateOnly(2027, 3, 5), await NextDueAsync(db, open));
        Assert.Null(await NextDueAsync(db, met));
        Assert.Equal(new DateOnly(2027, 4, 2), await NextDueAsync(db, kept));
    }

    private static Task<DateOnly?> NextDueAsync(StaylineDbContext db, long person) =>
        db.Protections.AsNoTracking().Where(pp => pp.PersonId == person).Select(pp => pp.NextDueDate).SingleAsync();
}
