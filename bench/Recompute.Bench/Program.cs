using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Protection;
using Stayline.Features.Classes;
using Stayline.Features.Protection;

// Full recompute of protection and deadlines, and one class-wide order, on a generated SQLite database.
// Baselines measured in the same run: a raw read of the same fact rows (no mapping) and a raw batched insert of
// the same derived rows into identical tables.
var people = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var members = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var Runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
var asOf = new DateOnly(2018, 1, 15);
var folder = Path.Combine(Path.GetTempPath(), "stayline-recompute-bench");
Directory.CreateDirectory(folder);
var file = Path.Combine(folder, "bench.db");
foreach (var f in Directory.GetFiles(folder))
{
    File.Delete(f);
}

var database = StaylineDatabase.From(file);
var clock = new FixedClock(asOf);
var recompute = new ProtectionRecompute(clock);
StaylineDbContext Context() => new(database.Options(), null, clock, recompute);

await using (var db = Context())
{
    await StaylineDatabase.MigrateAsync(db);
}

var watch = Stopwatch.StartNew();
var (benchClass, rows) = await BenchData.GenerateAsync(Context, people, members);
Console.WriteLine($"Generated {people:N0} people, {rows.Matters:N0} matters, {rows.Events:N0} events, {rows.Memberships:N0} class memberships in {watch.Elapsed.TotalSeconds:N1} s");
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, SQLite WAL, synchronous default");
Console.WriteLine();

var full = new List<double>();
var readBase = new List<double>();
var insertBase = new List<double>();
RecomputeStats last = RecomputeStats.Zero;
for (var run = 0; run < Runs; run++)
{
    readBase.Add(await Time(() => BenchData.RawReadAsync(Context)));
    await using (var db = Context())
    {
        var t = Stopwatch.StartNew();
        last = await recompute.RecomputeAllAsync(db, asOf, CancellationToken.None);
        full.Add(t.Elapsed.TotalSeconds);
    }

    await BenchData.RawInsertSameRowsAsync(Context);
    insertBase.Add(BenchData.Elapsed.TotalSeconds);
}

Console.WriteLine($"Full recompute, {last.People:N0} people, {last.Deadlines:N0} deadlines ({Runs} runs)");
Report("  recompute (read + evaluate + write)", full);
Console.WriteLine($"    last run: read {last.Read.TotalSeconds:N2} s, evaluate {last.Evaluate.TotalSeconds:N2} s, write {last.Write.TotalSeconds:N2} s");
Report("  baseline: raw read of the same fact rows", readBase);
Report("  baseline: raw insert of the same derived rows", insertBase);
Console.WriteLine($"  ratio recompute / (raw read + raw insert): {Median(full) / (Median(readBase) + Median(insertBase)):N2}");
Console.WriteLine();

var order = new List<double>();
var classRead = new List<double>();
var classInsert = new List<double>();
for (var run = 0; run < Runs; run++)
{
    classRead.Add(await Time(() => BenchData.RawReadAsync(Context, benchClass)));
    await using (var db = Context())
    {
        var t = Stopwatch.StartNew();
        var (_, errors) = await ClassOrders.RecordAsync(db, benchClass,
            new ClassOrderWrite($"Bench order {run}", "E.D. Mich.", null, asOf.AddDays(-run), 90), asOf, CancellationToken.None);
        order.Add(t.Elapsed.TotalSeconds);
        if (errors is not { Count: 0 })
        {
            throw new InvalidOperationException("order not recorded");
        }
    }

    await BenchData.RawInsertSameRowsAsync(Context, benchClass);
    classInsert.Add(BenchData.Elapsed.TotalSeconds);
}

Console.WriteLine($"Class-wide order reaching {members:N0} members, one transaction ({Runs} runs)");
Report("  record order + recompute members", order);
Report("  baseline: raw read of the members' fact rows", classRead);
Report("  baseline: raw insert of the members' derived rows", classInsert);
Console.WriteLine($"  ratio order / (raw read + raw insert): {Median(order) / (Median(classRead) + Median(classInsert)):N2}");

static async Task<double> Time(Func<Task> action)
{
    var t = Stopwatch.StartNew();
    await action();
    return t.Elapsed.TotalSeconds;
}

static double Median(List<double> xs)
{
    var s = xs.Order().ToArray();
    return s[s.Length / 2];
}

static void Report(string label, List<double> xs) =>
    Console.WriteLine($"{label}: median {Median(xs):N2} s (runs {string.Join(", ", xs.Select(x => x.ToString("N2", CultureInfo.InvariantCulture)))})");

internal sealed class FixedClock(DateOnly day) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

internal sealed record RowCounts(int Matters, int Events, int Memberships);
