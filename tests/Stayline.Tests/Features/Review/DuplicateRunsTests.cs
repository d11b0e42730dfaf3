using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Features.Review;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Review;

/// <summary>The duplicates queue reads stored pairs: found inline in a small database and in the background in a large
/// one (the threshold forced to zero here), a decided or merged pair gone at the next view without a new run, a pair shown
/// only to readers who see both people, and the page saying how current the list is.</summary>
public class DuplicateRunsTests
{
    private static async Task<(TestApp App, DuplicateRuns Runs)> LargeAsync(string provider)
    {
        var app = await TestApp.StartAsync(provider);
        await app.Services.GetRequiredService<DuplicateRuns>().WarmedUp;
        // Every database counts as large: runs are made in the background, never inline.
        app.Services.GetRequiredService<LearnedContexts>().InlineBelowRecords = 0;
        var runs = app.Services.GetRequiredService<DuplicateRuns>();
        runs.Gap = TimeSpan.Zero;
        return (app, runs);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SmallDatabase_PeopleAdded_TheNextViewShowsThePair_StoredWithWhenAndOverHowMany(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var review = scope.ServiceProvider.GetRequiredService<ReviewService>();
        Assert.Empty((await review.DuplicatesAsync(null, 50)).Pairs);
        var (a, b) = await LearnedContextsTests.SeedAsync(db);

        var page = await review.DuplicatesAsync(null, 50);

        var pair = Assert.Single(page.Pairs);
        Assert.Equal((Math.Min(a, b), Math.Max(a, b)), (pair.LeftId, pair.RightId));
        Assert.False(page.UnderWay);
        Assert.NotNull(page.FoundAt);
        Assert.Equal(26, page.People);
        // One run is kept: the view before the people were added left none of its own behind.
        Assert.Equal(1, await db.DuplicateRuns.CountAsync());
        Assert.Equal(1, await db.DuplicatePairs.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LargeDatabase_FoundInTheBackground_PageSaysUnderWay_ThenWhenFound_AndScoresAsTheComparePage(string provider)
    {
        var (app, runs) = await LargeAsync(provider);
        await using var _ = app;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var review = scope.ServiceProvider.GetRequiredService<ReviewService>();
        var (a, b) = await LearnedContextsTests.SeedAsync(db);

        var first = await review.DuplicatesAsync(null, 50);
        Assert.True(first.UnderWay);
        Assert.Null(first.FoundAt);
        Assert.Empty(first.Pairs);
        await runs.Running(db)!;

        var found = await review.DuplicatesAsync(null, 50);
        Assert.False(found.UnderWay);
        Assert.NotNull(found.FoundAt);
        Assert.Equal(26, found.People);
        var pair = Assert.Single(found.Pairs);
        Assert.Equal((Math.Min(a, b), Math.Max(a, b)), (pair.LeftId, pair.RightId));
        Assert.Equal((await review.CompareAsync(a, b))!.Score, pair.Score, 9);

        // A person added: the stored list is shown while a new search runs, and says so.
        await ReviewServiceTests.AddPersonAsync(db, "Nabil", "Hamama", new DateOnly(1971, 2, 3));
        var stale = await review.DuplicatesAsync(null, 50);
        Assert.True(stale.UnderWay);
        Assert.Equal(found.FoundAt, stale.FoundAt);
        Assert.Single(stale.Pairs);
        await runs.Running(db)!;
        Assert.Equal(27, (await review.DuplicatesAsync(null, 50)).People);
        Assert.Equal(1, await db.DuplicateRuns.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LargeDatabase_NotTheSameOrMerged_ThePairIsGoneAtTheNextView(string provider)
    {
        var (app, runs) = await LargeAsync(provider);
        await using var _ = app;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var review = scope.ServiceProvider.GetRequiredService<ReviewService>();
        var (a, b) = await LearnedContextsTests.SeedAsync(db);
        var c = await ReviewServiceTests.AddPersonAsync(db, "Mohammed", "Al-Rubaie", new DateOnly(1980, 5, 14));
        var d = await ReviewServiceTests.AddPersonAsync(db, "Muhammad", "Alrubaie", new DateOnly(1980, 5, 14));
        await review.DuplicatesAsync(null, 50);
        await runs.Running(db)!;
        Assert.Equal(2, (await review.DuplicatesAsync(null, 50)).Pairs.Count);
        var stored = await db.DuplicateRuns.AsNoTracking().SingleAsync();
        // No new run from here on (the merge changes the people): what follows is read from the stored run alone.
        runs.Gap = TimeSpan.FromHours(1);

        Assert.True((await review.NotSameAsync(b, a)).Done);
        var afterNotSame = await review.DuplicatesAsync(null, 50);
        Assert.Equal((Math.Min(c, d), Math.Max(c, d)), (Assert.Single(afterNotSame.Pairs).LeftId, afterNotSame.Pairs[0].RightId));

        Assert.True((await review.MergeAsync(c, d)).Done);
        var afterMerge = await review.DuplicatesAsync(null, 50);
        Assert.Empty(afterMerge.Pairs);
        // No new run was needed for either: the same stored run, read without the decided and the merged pair.
        Assert.Equal(stored.Id, (await db.DuplicateRuns.AsNoTracking().SingleAsync()).Id);
        Assert.Equal(stored.FoundAt, afterMerge.FoundAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AReaderOfAnotherOrganisation_DoesNotSeeThePair(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        long clinicId;
        (long A, long B) pair;
        await using (var seed = app.Scope())
        {
            var db = seed.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var (clinic, _) = Stayline.Domain.Organisations.Organisation.Create("Partner clinic", false, DateTimeOffset.UnixEpoch);
            db.Organisations.Add(clinic!);
            await db.SaveChangesAsync();
            clinicId = clinic!.Id;
            pair = await LearnedContextsTests.SeedAsync(db);
            Assert.Single(await seed.ServiceProvider.GetRequiredService<ReviewService>().FindAsync());
        }

        await using (var clinicReader = app.Scope())
        {
            var db = clinicReader.ServiceProvider.GetRequiredService<StaylineDbContext>();
            db.ScopeTo(Visibility.For(clinicId, coordinatingAdmin: false));
            Assert.Empty(await clinicReader.ServiceProvider.GetRequiredService<ReviewService>().FindAsync());
        }

        // One of the two shared with the clinic: still not a pair the clinic may see.
        await using (var share = app.Scope())
        {
            var db = share.ServiceProvider.GetRequiredService<StaylineDbContext>();
            db.PersonShares.Add(new Stayline.Domain.Organisations.PersonShare(pair.A, clinicId, null, "test", DateTimeOffset.UnixEpoch));
            await db.SaveChangesAsync();
        }

        await using (var clinicReader = app.Scope())
        {
            var db = clinicReader.ServiceProvider.GetRequiredService<StaylineDbContext>();
            db.ScopeTo(Visibility.For(clinicId, coordinatingAdmin: false));
            Assert.Empty(await clinicReader.ServiceProvider.GetRequiredService<ReviewService>().FindAsync());
            Assert.Equal(1, await db.People.CountAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pages_NextCarriesOnAfterTheLastPair_BestFirst(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var review = scope.ServiceProvider.GetRequiredService<ReviewService>();
        await LearnedContextsTests.SeedAsync(db);
        await ReviewServiceTests.AddPersonAsync(db, "Mohammed", "Al-Rubaie", new DateOnly(1980, 5, 14));
        await ReviewServiceTests.AddPersonAsync(db, "Muhammad", "Alrubaie", new DateOnly(1980, 5, 14));
        await ReviewServiceTests.AddPersonAsync(db, "Nadia", "Jarjees", new DateOnly(1965, 1, 20));
        await ReviewServiceTests.AddPersonAsync(db, "Nadia", "Jarjis", new DateOnly(1965, 1, 20));
        var all = await review.FindAsync(50);
        Assert.Equal(3, all.Count);

        var one = await review.DuplicatesAsync(null, 1);
        var two = await review.DuplicatesAsync(one.Next, 1);
        var three = await review.DuplicatesAsync(two.Next, 1);

        Assert.Null(three.Next);
        Assert.Equal(all.Select(p => (p.LeftId, p.RightId)), new[] { one, two, three }.Select(p => (Assert.Single(p.Pairs).LeftId, p.Pairs[0].RightId)));
        Assert.True(all[0].Score >= all[1].Score && all[1].Score >= all[2].Score);
    }

    /// <summary>A run stores its best pairs only (10,000 in the app: a million people gave about 250,000), best first.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ARun_StoresItsBestPairsOnly(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Services.GetRequiredService<DuplicateRuns>().Kept = 2;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var review = scope.ServiceProvider.GetRequiredService<ReviewService>();
        await LearnedContextsTests.SeedAsync(db);
        await ReviewServiceTests.AddPersonAsync(db, "Mohammed", "Al-Rubaie", new DateOnly(1980, 5, 14));
        await ReviewServiceTests.AddPersonAsync(db, "Muhammad", "Alrubaie", new DateOnly(1980, 5, 14));
        await ReviewServiceTests.AddPersonAsync(db, "Nadia", "Jarjees", new DateOnly(1965, 1, 20));
        await ReviewServiceTests.AddPersonAsync(db, "Nadia", "Jarjis", new DateOnly(1965, 1, 20));

        var page = await review.DuplicatesAsync(null, 50);

        Assert.Equal(2, page.Pairs.Count);
        Assert.Equal(2, await db.DuplicatePairs.CountAsync());
        var lowest = await db.DuplicatePairs.MinAsync(p => p.Score);
        Assert.All(page.Pairs, p => Assert.True(p.Score >= lowest));
        Assert.True(page.Pairs[0].Score >= page.Pairs[1].Score);
    }
}
