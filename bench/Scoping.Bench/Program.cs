using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stayline;
using Stayline.Data;
using Stayline.Features.People;

namespace Scoping.Bench;

/// <summary>
/// What organisation scoping costs on the two hottest reads: GET person by id (<see cref="PersonReader"/>) and the people
/// name search (<see cref="PeopleQuery"/>), on a migrated copy of a large database. Unscoped: a reader who sees all (an
/// admin of the coordinating organisation: the filters reduce to a parameter test). Scoped: a user of the coordinating
/// organisation, who sees the same people through the organisation predicate (its EXISTS on shares is paid on every
/// row). Both run in the same process, interleaved round by round on the same ids and queries, so a busy shared
/// machine slows both alike; the medians and their ratio are printed.
/// With --partner, a partner organisation is made to own every tenth person (People.Bench's PartnerOrganisation), the
/// ids and searches are of its people, and its reader (who sees only them) is timed too, against the same reader who sees all.
/// Usage: dotnet run -c Release --project bench/Scoping.Bench -- --db COPY.db [--rounds 9] [--reads 3000] [--searches 60] [--partner]
/// (run `stayline db migrate --db COPY.db` first).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        string? path = null;
        int rounds = 9, reads = 3000, searches = 60;
        var withPartner = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--db": path = args[++i]; break;
                case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--reads": reads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--searches": searches = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--partner": withPartner = true; break;
                default: Console.Error.WriteLine($"Unknown argument {args[i]}"); return 1;
            }
        }

        if (path is null)
        {
            Console.Error.WriteLine("Give --db PATH (a migrated copy).");
            return 1;
        }

        long? partner = withPartner ? await People.Bench.PartnerOrganisation.EnsureAsync(path) : null;
        var source = new SwitchSource();
        var builder = StaylineApp.CreateBuilder(path);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IVisibilitySource>(source);
        await using var app = StaylineApp.Build(builder);
        var reader = app.Services.GetRequiredService<PersonReader>();

        long maxId;
        Func<Random, long> pick = null!;
        List<string> queries;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            maxId = await db.People.MaxAsync(p => p.Id);
            var top = maxId;
            pick = partner is null ? r => r.NextInt64(1, top + 1) : r => (r.NextInt64(0, top / 10) * 10) + 3;
            var rng = new Random(7);
            var sample = new List<string>();
            for (var i = 0; i < searches; i++)
            {
                var id = pick(rng);
                var p = await db.People.AsNoTracking().Where(x => x.Id >= id).OrderBy(x => x.Id).Select(x => new { x.GivenName, x.FamilyName }).FirstAsync();
                // "yousif kas": a full given name and the beginning of the family name, as typed into the search box.
                sample.Add($"{p.GivenName.ToLowerInvariant()} {p.FamilyName.ToLowerInvariant()[..Math.Min(4, p.FamilyName.Length)]}");
            }

            queries = sample;
        }

        var unscoped = Visibility.For(1, coordinatingAdmin: true);
        var scoped = Visibility.For(1, coordinatingAdmin: false);
        var readers = new Dictionary<string, Visibility> { ["unscoped"] = unscoped, ["scoped"] = scoped };
        if (partner is { } partnerId)
        {
            readers["partner"] = Visibility.For(partnerId, coordinatingAdmin: false);
        }

        var results = new Dictionary<(string Op, string Reader), List<double>>();
        foreach (var op in new[] { "get", "search" })
        {
            foreach (var r in readers.Keys)
            {
                results[(op, r)] = [];
            }
        }

        // Warm-up: every statement prepared, every query plan compiled, tiered JIT settled.
        foreach (var v in readers.Values)
        {
            source.Current = v;
            await ReadsAsync(app.Services, reader, pick, 2000, 1);
            await SearchesAsync(app.Services, queries.Take(10).ToList());
        }

        for (var round = 0; round < rounds; round++)
        {
            // Rotate which goes first, so none always meets a warmer cache.
            var order = readers.Keys.ToList();
            order = order.Skip(round % order.Count).Concat(order.Take(round % order.Count)).ToList();
            foreach (var r in order)
            {
                source.Current = readers[r];
                results[("get", r)].Add(await ReadsAsync(app.Services, reader, pick, reads, round));
                results[("search", r)].Add(await SearchesAsync(app.Services, queries));
            }
        }

        Console.WriteLine($"people: {maxId:N0}; rounds: {rounds}; per round {reads} reads by id, {queries.Count} name searches{(partner is null ? "" : " (of the partner's people)")}");
        foreach (var op in new[] { "get", "search" })
        {
            var u = Median(results[(op, "unscoped")]);
            foreach (var r in readers.Keys.Skip(1))
            {
                var s = Median(results[(op, r)]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{op,-6} unscoped median {u * 1000:F1} us/op, {r} median {s * 1000:F1} us/op, {r}/unscoped {s / u:F3} (rounds: {string.Join(" ", results[(op, r)].Zip(results[(op, "unscoped")], (a, b) => (a / b).ToString("F2", CultureInfo.InvariantCulture)))})"));
            }
        }

        return 0;
    }

    /// <summary>Milliseconds per read of one person by id, each through a fresh request scope (as the API does).</summary>
    private static async Task<double> ReadsAsync(IServiceProvider services, PersonReader reader, Func<Random, long> pick, int count, int seed)
    {
        var rng = new Random(seed);
        var ids = Enumerable.Range(0, count).Select(_ => pick(rng)).ToArray();
        var watch = Stopwatch.StartNew();
        foreach (var id in ids)
        {
            await using var scope = services.CreateAsyncScope();
            // An id may be a gap (people merged or undone): both modes meet the same gaps.
            await reader.ReadAsync(id, scope.ServiceProvider, CancellationToken.None);
        }

        return watch.Elapsed.TotalMilliseconds / count;
    }

    /// <summary>Milliseconds per name search (the people list's first page and its count).</summary>
    private static async Task<double> SearchesAsync(IServiceProvider services, List<string> queries)
    {
        var watch = Stopwatch.StartNew();
        foreach (var q in queries)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            await PeopleQuery.RunAsync(db, new PeopleFilter { Q = q }, CancellationToken.None);
        }

        return watch.Elapsed.TotalMilliseconds / queries.Count;
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[(s.Count / 2) - 1] + s[s.Count / 2]) / 2;
    }

    private sealed class SwitchSource : IVisibilitySource
    {
        public Visibility Current { get; set; } = Visibility.Everyone;
    }
}
