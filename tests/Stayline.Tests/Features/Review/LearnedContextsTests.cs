using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Matching;
using Stayline.Features.Import;
using Stayline.Features.Review;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Review;

/// <summary>The learned linkage context kept between requests: the compare page and the queue score with it, it is
/// learned once for two first requests, and once people are added the compare page scores with the context learned over
/// them (at once in a small database; in a large one after the background relearn, the old one served meanwhile).</summary>
public class LearnedContextsTests
{
    private static readonly string[] Families =
    [
        "Kassab", "Yono", "Kallabat", "Jarbo", "Shamoun", "Hakim", "Toma", "Sheikho", "Kakos", "Bazzi", "Dulaimi", "Tikriti",
        "Rubaie", "Shammari", "Saffar", "Najjar", "Haddad", "Khafaji", "Ubaidi", "Zubaidi", "Attiyah", "Kubaisi", "Jaburi", "Mansour",
    ];

    /// <summary>24 people, enough that the model estimated from them differs from the defaults, and a pair the finder
    /// queues (Riyadh Hamama born on a 1 January placeholder, Riad Yousif Hamamah born that year).</summary>
    internal static async Task<(long A, long B)> SeedAsync(StaylineDbContext db)
    {
        for (var i = 0; i < Families.Length; i++)
        {
            await ReviewServiceTests.AddPersonAsync(db, i % 2 == 0 ? "Ali" : "Sargon", Families[i], new DateOnly(1950 + i, 1 + (i % 12), 2 + (i % 27)));
        }

        var a = await ReviewServiceTests.AddPersonAsync(db, "Riyadh", "Hamama", new DateOnly(1971, 1, 1));
        var b = await ReviewServiceTests.AddPersonAsync(db, "Riad Yousif", "Hamamah", new DateOnly(1971, 6, 12));
        return (a, b);
    }

    /// <summary>Namesakes of the pair, born the same year: agreeing on "Hamama" and on 1971 becomes common, so the model
    /// learned over everyone now gives the pair another score.</summary>
    private static async Task AddNamesakesAsync(StaylineDbContext db)
    {
        string[] given = ["Sami", "Nabil", "Fadi", "Rami", "Sabah", "Basim", "Munir", "Adel", "Karim", "Salim", "Jamil", "Wisam"];
        for (var i = 0; i < given.Length; i++)
        {
            await ReviewServiceTests.AddPersonAsync(db, given[i], "Hamama", new DateOnly(1971, 1 + i, 3 + i));
        }
    }

    /// <summary>The pair's score with a context learned now over everyone (what the page did on every request before the cache).</summary>
    private static async Task<double> FreshScoreAsync(StaylineDbContext db, long a, long b)
    {
        var known = await KnownRecords.LoadAsync(db, CancellationToken.None);
        var context = Linker.ContextFor(known.Records, null);
        var left = await db.People.FindAsync(a);
        var right = await db.People.FindAsync(b);
        await db.Entry(left!).Collection(p => p.Aliases).LoadAsync();
        await db.Entry(right!).Collection(p => p.Aliases).LoadAsync();
        return ReviewService.BestPair(left!, right!, context).Score;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SmallDatabase_PeopleAdded_NextCompareScoresWithTheContextLearnedOverThem_AndTheQueueAgrees(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var review = scope.ServiceProvider.GetRequiredService<ReviewService>();
        var contexts = app.Services.GetRequiredService<LearnedContexts>();
        var (a, b) = await SeedAsync(db);

        var before = (await review.CompareAsync(a, b))!.Score;
        Assert.Equal(26, contexts.LearnedAt(db)!.Value.People);
        await AddNamesakesAsync(db);
        var after = (await review.CompareAsync(a, b))!.Score;

        Assert.Equal(38, contexts.LearnedAt(db)!.Value.People);
        Assert.NotEqual(before, after, 6);
        Assert.Equal(await FreshScoreAsync(db, a, b), after, 9);
        var queued = (await review.FindAsync()).Single(c => c.LeftId == Math.Min(a, b) && c.RightId == Math.Max(a, b));
        Assert.Equal(after, queued.Score, 9);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LargeDatabase_PeopleAdded_OldContextServedUntilTheBackgroundRelearn_ThenTheNewOne(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var contexts = app.Services.GetRequiredService<LearnedContexts>();
        await app.Services.GetRequiredService<DuplicateRuns>().WarmedUp;
        // Every database counts as large here: a change is relearned in the background, never inline.
        contexts.InlineBelowRecords = 0;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var review = scope.ServiceProvider.GetRequiredService<ReviewService>();
        var (a, b) = await SeedAsync(db);

        var before = (await review.CompareAsync(a, b))!.Score;
        await AddNamesakesAsync(db);
        var served = (await review.CompareAsync(a, b))!.Score;
        var relearn = contexts.Refreshing(db);
        Assert.NotNull(relearn);
        await relearn;
        var after = (await review.CompareAsync(a, b))!.Score;

        Assert.Equal(before, served, 9);
        Assert.Equal(38, contexts.LearnedAt(db)!.Value.People);
        Assert.NotEqual(before, after, 6);
        Assert.Equal(await FreshScoreAsync(db, a, b), after, 9);
        // The queue's pairs are found in the background here too: the first view starts the run.
        var runs = app.Services.GetRequiredService<DuplicateRuns>();
        await review.FindAsync();
        await runs.Running(db)!;
        Assert.Equal(after, (await review.FindAsync()).Single(c => c.LeftId == Math.Min(a, b)).Score, 9);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoFirstRequestsAtOnce_LearnOneContext(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var contexts = app.Services.GetRequiredService<LearnedContexts>();
        await using (var seed = app.Scope())
        {
            await SeedAsync(seed.ServiceProvider.GetRequiredService<StaylineDbContext>());
        }

        await using var one = app.Scope();
        await using var two = app.Scope();
        var first = contexts.ForAsync(one.ServiceProvider.GetRequiredService<StaylineDbContext>(), CancellationToken.None);
        var second = contexts.ForAsync(two.ServiceProvider.GetRequiredService<StaylineDbContext>(), CancellationToken.None);

        Assert.Same(await first, await second);
    }
}
