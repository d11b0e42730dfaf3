using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stayline;
using Stayline.Data;
using Stayline.Features.Account;
using Stayline.Infrastructure;

namespace Foundation.Bench;

/// <summary>
/// Issue 2's benchmark: 1,000,000 people in SQLite; GET /api/v1/people/{id} of the real app against a bare
/// Kestrel + SQLite primary-key read (same file, same run, alternating); then the people list's search.
/// </summary>
internal static class Program
{
    private const string ViewerEmail = "viewer@bench.stayline.test";

    public static async Task<int> Main(string[] args)
    {
        if (args is ["serve", var kind, var db])
        {
            return await Servers.ServeAsync(kind, db);
        }

        var o = Options.Parse(args);
        if (o is null)
        {
            Console.Error.WriteLine("""
                usage: Foundation.Bench [--people 1000000] [--runs 3] [--concurrency 16,64] [--rates 250,1000] [--warmup 15] [--duration 10]
                                        [--queries 100] [--db FILE (reuse a database made with --keep)] [--keep]
                                        [--no-load] [--no-search]
                """);
            return 1;
        }

        var folder = Directory.CreateTempSubdirectory("stayline-foundation-bench-").FullName;
        void CleanUp()
        {
            if (!o.Keep && Directory.Exists(folder))
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        }

        // Interrupted (Ctrl+C, kill): still remove the half-made database; the servers stop when their input closes.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => CleanUp();
        try
        {
            return await RunAsync(o, folder);
        }
        finally
        {
            CleanUp();
            if (o.Keep)
            {
                Console.WriteLine($"Kept {folder}");
            }
        }
    }

    private static async Task<int> RunAsync(Options o, string folder)
    {
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, SQLite {SqliteVersion()}");
        var path = o.Database ?? Path.Combine(folder, "stayline.db");
        string token;
        long people;
        {
            // The app itself migrates the file and seeds roles and facilities; then people go in raw.
            var builder = StaylineApp.CreateBuilder(path);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            await using var app = StaylineApp.Build(builder);
            await DatabaseSetup.EnsureReadyAsync(app.Services, migrate: true);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
                people = await db.People.LongCountAsync();
                if (people == 0)
                {
                    var facilities = await db.Facilities.Select(f => f.Id).ToListAsync();
                    Console.WriteLine($"Generating {o.People:N0} people ({facilities.Count} facilities) in {path}");
                    SqliteConnection.ClearAllPools();
                    var r = await new PeopleGenerator(path).FillAsync(o.People, facilities, Console.Out);
                    people = r.People;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"Generated {r.People:N0} people, {r.Aliases:N0} aliases, {r.Tokens:N0} name tokens, {r.Episodes:N0} custody episodes " +
                        $"in {r.Elapsed.TotalSeconds:N1} s (indexes {r.IndexTime.TotalSeconds:N1} s); file {r.FileBytes / 1048576.0:N0} MiB"));
                }
                else
                {
                    Console.WriteLine($"Reusing {path}: {people:N0} people, file {new FileInfo(path).Length / 1048576.0:N0} MiB");
                }
            }

            token = await ViewerTokenAsync(app.Services);
        }

        SqliteConnection.ClearAllPools();
        if (o.Load)
        {
            await ThroughputAsync(o, path, token, people);
            await FixedRateAsync(o, path, token, people);
        }

        if (o.Search)
        {
            await SearchAsync(o, path, token, people);
        }

        return 0;
    }

    /// <summary>A viewer (read-only) user and a fresh personal access token, the way `user add` and `token create` make them.</summary>
    private static async Task<string> ViewerTokenAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        if (!await db.Users.AnyAsync(u => u.Email == ViewerEmail))
        {
            var error = await UserCommands.CreateUserAsync(services, ViewerEmail, "Benchmark viewer", Roles.Viewer, UserCommands.GeneratePassword());
            if (error is not null)
            {
                throw new InvalidOperationException(error);
            }
        }

        var user = await db.Users.SingleAsync(u => u.Email == ViewerEmail);
        var token = ApiTokens.NewToken();
        db.ApiTokens.Add(new ApiToken { UserId = user.Id, Name = "benchmark", TokenHash = ApiTokens.Hash(token), CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return token;
    }

    private static async Task ThroughputAsync(Options o, string path, string token, long people)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GET person by id, random ids 1..{people:N0}: {o.Runs} runs per server, alternating; {o.WarmUp} s warm-up + {o.Duration} s measured"));
        foreach (var workers in o.Concurrency)
        {
            var baseline = new List<LoadResult>();
            var stayline = new List<LoadResult>();
            for (var run = 1; run <= o.Runs; run++)
            {
                baseline.Add(await MeasureAsync("baseline", path, "/people/", null, people, workers, o, run));
                stayline.Add(await MeasureAsync("stayline", path, "/api/v1/people/", token, people, workers, o, run));
            }

            var b = Median(baseline);
            var s = Median(stayline);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                == {workers} concurrent workers, medians of {o.Runs} runs ==
                | server                     | req/s   | p50 ms | p95 ms | p99 ms | server CPU us/request |
                | bare Kestrel + SQLite read | {b.Rps,7:F0} | {b.P50,6:F2} | {b.P95,6:F2} | {b.P99,6:F2} | {b.Cpu,5:F0} |
                | Stayline GET /api/v1/people/{"{id}"} | {s.Rps,7:F0} | {s.P50,6:F2} | {s.P95,6:F2} | {s.P99,6:F2} | {s.Cpu,5:F0} |
                ratio Stayline / baseline: {s.Rps / b.Rps:F2} in req/s (target >= 0.5), {b.Cpu / s.Cpu:F2} in CPU per request; Stayline p99 {s.P99:F2} ms (target < 10 ms)
                """));
        }
    }

    /// <summary>Open loop: both servers at the same fixed request rates, for latency at a given load rather than at saturation.</summary>
    private static async Task FixedRateAsync(Options o, string path, string token, long people)
    {
        Console.WriteLine();
        Console.WriteLine($"GET person by id at fixed rates (open loop, up to {OpenLoopWorkers} requests in flight; latency from the scheduled send time)");
        foreach (var rate in o.Rates)
        {
            var baseline = new List<LoadResult>();
            var stayline = new List<LoadResult>();
            for (var run = 1; run <= o.Runs; run++)
            {
                baseline.Add(await MeasureAsync("baseline", path, "/people/", null, people, OpenLoopWorkers, o, run, rate));
                stayline.Add(await MeasureAsync("stayline", path, "/api/v1/people/", token, people, OpenLoopWorkers, o, run, rate));
            }

            var b = Median(baseline);
            var s = Median(stayline);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                == {rate} requests/s, medians of {o.Runs} runs ==
                | server                     | achieved req/s | p50 ms | p95 ms | p99 ms | server CPU us/request |
                | bare Kestrel + SQLite read | {b.Rps,7:F0} | {b.P50,6:F2} | {b.P95,6:F2} | {b.P99,6:F2} | {b.Cpu,5:F0} |
                | Stayline GET /api/v1/people/{"{id}"} | {s.Rps,7:F0} | {s.P50,6:F2} | {s.P95,6:F2} | {s.P99,6:F2} | {s.Cpu,5:F0} |
                """));
        }
    }

    private const int OpenLoopWorkers = 64;

    private static async Task<LoadResult> MeasureAsync(string kind, string path, string prefix, string? token, long people, int workers, Options o, int run,
        double? rate = null)
    {
        await using var server = await ServerProcess.StartAsync(kind, path);
        var load = Load.RunAsync(server.Address, prefix, token, people, workers, TimeSpan.FromSeconds(o.WarmUp), TimeSpan.FromSeconds(o.Duration), run, rate);
        await Task.Delay(TimeSpan.FromSeconds(o.WarmUp));
        var cpuBefore = server.ProcessorTime;
        var r = await load;
        r = r with { ServerCpuMicroseconds = (server.ProcessorTime - cpuBefore).TotalMicroseconds / r.Latency.Count };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  run {run} {kind,-8} {(rate is { } x ? $"rate={x}" : $"c={workers}")}: {r.RequestsPerSecond,8:F0} req/s, {r.Latency}, server CPU {r.ServerCpuMicroseconds:F0} us/request, errors {r.Errors}"));
        if (r.Errors > 0)
        {
            throw new InvalidOperationException($"{kind}: {r.Errors} requests did not answer 200.");
        }

        return r;
    }

    private sealed record Summary(double Rps, double P50, double P95, double P99, double Cpu);

    private static Summary Median(List<LoadResult> runs) => new(
        MedianOf(runs.Select(r => r.RequestsPerSecond)), MedianOf(runs.Select(r => r.Latency.P50)),
        MedianOf(runs.Select(r => r.Latency.P95)), MedianOf(runs.Select(r => r.Latency.P99)), MedianOf(runs.Select(r => r.ServerCpuMicroseconds)));

    private static double MedianOf(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    /// <summary>Sequential requests, one connection: the people list's search against the cost of one person read on each server.</summary>
    private static async Task SearchAsync(Options o, string path, string token, long people)
    {
        var rng = new Random(42);
        var cases = new (string Name, List<string> Queries)[]
        {
            ("A-number (A012-345-678, 012345678, A12345678, A 012 345 678)", SearchQueries.ANumbers(rng, people, o.Queries)),
            ("name prefix, one word (\"kass\")", SearchQueries.OneWordPrefixes(rng, o.Queries)),
            ("given name + family prefix (\"yousif kas\")", SearchQueries.GivenAndFamilyPrefix(rng, o.Queries)),
            ("article + family prefix (\"al-jab\")", SearchQueries.ArticlePrefixes(rng, o.Queries)),
        };
        var ids = Enumerable.Range(0, o.Queries).Select(_ => rng.NextInt64(1, people + 1).ToString(CultureInfo.InvariantCulture)).ToList();
        Console.WriteLine();
        Console.WriteLine($"Search: sequential requests, {o.Queries} distinct queries per kind, after a warm-up of 20 requests per kind");

        Latency floor;
        await using (var server = await ServerProcess.StartAsync("baseline", path))
        {
            using var client = Load.Client(server.Address, 1, null);
            await Load.SequentialAsync(client, ids.Take(20).Select(id => "/people/" + id));
            floor = Latency.Of(await Load.SequentialAsync(client, ids.Select(id => "/people/" + id)));
        }

        await using (var server = await ServerProcess.StartAsync("stayline", path))
        {
            using var client = Load.Client(server.Address, 1, token);
            Console.WriteLine($"| query kind | p50 ms | p95 ms | p99 ms | max ms | server CPU ms/query | median matches |");
            Console.WriteLine(Row("bare Kestrel + SQLite read by id (floor)", floor, double.NaN, null));
            await Load.SequentialAsync(client, ids.Take(20).Select(id => "/api/v1/people/" + id));
            var cpu = server.ProcessorTime;
            var get = Latency.Of(await Load.SequentialAsync(client, ids.Select(id => "/api/v1/people/" + id)));
            Console.WriteLine(Row("Stayline GET /api/v1/people/{id}", get, (server.ProcessorTime - cpu).TotalMilliseconds / get.Count, null));
            foreach (var (name, queries) in cases)
            {
                var paths = queries.Select(q => "/api/v1/people?q=" + Uri.EscapeDataString(q)).ToList();
                await Load.SequentialAsync(client, paths.Take(20));
                var totals = new List<double>();
                cpu = server.ProcessorTime;
                var latency = Latency.Of(await Load.SequentialAsync(client, paths, body =>
                    totals.Add(JsonDocument.Parse(body).RootElement.GetProperty("total").GetInt32())));
                var cpuPerQuery = (server.ProcessorTime - cpu).TotalMilliseconds / latency.Count;
                if (name.StartsWith("A-number", StringComparison.Ordinal) && totals.Any(t => t != 1))
                {
                    throw new InvalidOperationException("An A-number search did not find exactly one person.");
                }

                Console.WriteLine(Row(name, latency, cpuPerQuery, MedianOf(totals)));
            }
        }
    }

    private static string Row(string name, Latency l, double cpuMs, double? matches) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {l.P50:F2} | {l.P95:F2} | {l.P99:F2} | {l.Max:F1} | {(double.IsNaN(cpuMs) ? "" : cpuMs.ToString("F2", CultureInfo.InvariantCulture))} | {(matches is { } m ? m.ToString("N0", CultureInfo.InvariantCulture) : "")} |");

    private static string SqliteVersion()
    {
        using var conn = new SqliteConnection("Data Source=:memory:");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT sqlite_version()";
        return (string)cmd.ExecuteScalar()!;
    }
}

internal sealed record Options(int People, int Runs, int[] Concurrency, int[] Rates, int WarmUp, int Duration, int Queries, string? Database,
    bool Keep, bool Load, bool Search)
{
    public static Options? Parse(string[] args)
    {
        // 15 s of warm-up: the app has far more code than the baseline for tiered JIT to optimise, and on this
        // shared machine its CPU per request was still falling after 8 s (62 us after 5 s, 50 us after 25 s).
        var o = new Options(1_000_000, 3, [16, 64], [250, 1000], 15, 10, 100, null, false, true, true);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next(), NumberStyles.Integer | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--people" => o with { People = Int() },
                "--runs" => o with { Runs = Int() },
                "--concurrency" => o with { Concurrency = Ints(Next()) },
                "--rates" => o with { Rates = Ints(Next()) },
                "--warmup" => o with { WarmUp = Int() },
                "--duration" => o with { Duration = Int() },
                "--queries" => o with { Queries = Int() },
                "--db" => o with { Database = Path.GetFullPath(Next()) },
                "--keep" => o with { Keep = true },
                "--no-load" => o with { Load = false },
                "--no-search" => o with { Search = false },
                _ => null,
            };
            if (o is null)
            {
                return null;
            }
        }

        static int[] Ints(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();

        return o.People is >= 1 and <= 10_000_000 && o.Runs >= 1 && o.Duration is >= 1 and <= 120 && o.WarmUp is >= 0 and <= 60 ? o : null;
    }
}
