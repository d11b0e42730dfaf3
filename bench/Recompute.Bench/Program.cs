using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Data.Bulk;
using Stayline.Features.Classes;
using Stayline.Features.Protection;

// Recompute of protection and deadlines on a generated SQLite database, in the cases that happen:
// the first recompute into empty derived tables, a re-run with unchanged facts, the next day's run, a day with 1% of
// people's facts changed, and one class-wide order. Baselines measured in the same run: a raw read of the same fact
// rows (no mapping) and a raw batched insert of the same derived rows into identical tables.
var people = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var members = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
// "first": only the first recompute into empty derived tables (the case `stayline import` meets on a new database).
var firstOnly = args.Length > 3 && args[3] == "first";
var day = new DateOnly(2018, 1, 15);
var folder = Path.Combine(Path.GetTempPath(), "stayline-recompute-bench");
Directory.CreateDirectory(folder);
var file = Path.Combine(folder, "bench.db");
foreach (var f in Directory.GetFiles(folder))
{
    File.Delete(f);
}

var database = StaylineDatabase.From(file);
var clock = new BenchClock(day);
var recompute = new ProtectionRecompute(clock);
StaylineDbContext Context() => new(database.Options(), null, clock, [recompute]);

await using (var db = Context())
{
    await StaylineDatabase.MigrateAsync(db);
}

var watch = Stopwatch.StartNew();
var (benchClass, rows) = await BenchData.GenerateAsync(Context, people, members);
Console.WriteLine($"Generated {people:N0} people, {rows.Matters:N0} matters, {rows.Events:N0} events, {rows.Memberships:N0} class memberships in {watch.Elapsed.TotalSeconds:N1} s");
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, SQLite WAL, synchronous default; load average {Load()}");
Console.WriteLine();

// 1. First recompute into empty derived tables: every row is written.
var first = new List<double>();
var readBase = new List<double>();
var insertBase = new List<double>();
var stats = RecomputeStats.Zero;
for (var run = 0; run < runs; run++)
{
    await BenchData.ClearDerivedAsync(Context);
    readBase.Add(await Time(() => BenchData.RawReadAsync(Context)));
    first.Add(await Time(async () => stats = await RecomputeAllAsync(day)));
    await BenchData.RawInsertSameRowsAsync(Context);
    insertBase.Add(BenchData.Elapsed.TotalSeconds);
}

Console.WriteLine($"First recompute into empty derived tables, {stats.People:N0} people, {stats.Deadlines:N0} deadlines ({runs} runs; load {Load()})");
Report("  recompute (read + evaluate + write all)", first);
Detail(stats);
Report("  baseline: raw read of the same fact rows", readBase);
Report("  baseline: raw insert of the same derived rows", insertBase);
Console.WriteLine($"  ratio recompute / (raw read + raw insert): {Median(first) / (Median(readBase) + Median(insertBase)):N2}");
Console.WriteLine();

// The protection reasons are evaluated on read (docs/adr/0010): what the person page and the protection API pay per
// view, one person at a time, against reading the stored row alone (1,000 people spread over the ids, one context).
await using (var db = Context())
{
    var step = Math.Max(1, people / 1_000);
    var sample = await db.People.Where(p => p.Id % step == 0).Select(p => p.Id).Take(1_000).ToListAsync();
    var rowOnly = new List<double>();
    var shown = new List<double>();
    foreach (var id in sample)
    {
        var t = Stopwatch.StartNew();
        _ = await db.Protections.AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == id);
        rowOnly.Add(t.Elapsed.TotalMilliseconds);
        t.Restart();
        _ = await ProtectionReader.GetAsync(db, recompute, clock, id, CancellationToken.None);
        shown.Add(t.Elapsed.TotalMilliseconds);
    }

    Console.WriteLine($"One person's protection as the person page reads it, {sample.Count:N0} people (load {Load()})");
    Console.WriteLine($"  ProtectionReader.GetAsync (stored row + the person evaluated for its reasons): median {Median(shown):N3} ms, p95 {P95(shown):N3} ms");
    Console.WriteLine($"  baseline: the stored row alone: median {Median(rowOnly):N3} ms, p95 {P95(rowOnly):N3} ms");
    Console.WriteLine();
}
if (firstOnly)
{
    return;
}

// 2. The same day again, no fact changed: nothing to write.
var same = new List<double>();
for (var run = 0; run < runs; run++)
{
    same.Add(await Time(async () => stats = await RecomputeAllAsync(day)));
}

Console.WriteLine($"Re-run, same day, unchanged facts ({runs} runs; load {Load()})");
Report("  recompute (read + evaluate + compare)", same);
Detail(stats);
Console.WriteLine($"  ratio recompute / raw read of the facts: {Median(same) / Median(readBase):N2}");
Console.WriteLine();

// 3. The next day, no fact changed: only results that move with the date are written (a deadline passes, a stay ends).
var next = new List<double>();
for (var run = 0; run < runs; run++)
{
    day = day.AddDays(1);
    next.Add(await Time(async () => stats = await RecomputeAllAsync(day)));
}

Console.WriteLine($"Next day, unchanged facts ({runs} runs, one day later each; load {Load()})");
Report("  recompute", next);
Detail(stats);
Console.WriteLine($"  ratio recompute / raw read of the facts: {Median(next) / Median(readBase):N2}");
Console.WriteLine();

// 4. The next day after a working day: 1% of the people got a new fact without the save hook seeing it.
var changed = new List<double>();
for (var run = 0; run < runs; run++)
{
    var touched = await BenchData.ApplyDayOfChangesAsync(Context, people, day, seed: run);
    day = day.AddDays(1);
    changed.Add(await Time(async () => stats = await RecomputeAllAsync(day)));
    if (run == 0)
    {
        Console.WriteLine($"Next day after changes to {touched:N0} people's facts ({runs} runs; load {Load()})");
    }
}

Report("  recompute", changed);
Detail(stats);
Console.WriteLine($"  ratio recompute / raw read of the facts: {Median(changed) / Median(readBase):N2}");
Console.WriteLine();

// 5. A class-wide order: the save hook recomputes every member in the order's transaction.
clock.Day = day;
var order = new List<double>();
var classRead = new List<double>();
var classInsert = new List<double>();
for (var run = 0; run < runs; run++)
{
    classRead.Add(await Time(() => BenchData.RawReadAsync(Context, benchClass)));
    await using (var db = Context())
    {
        var t = Stopwatch.StartNew();
        var (_, errors) = await ClassOrders.RecordAsync(db, benchClass,
            new ClassOrderWrite($"Bench order {run}", "E.D. Mich.", null, day.AddDays(-run), 90), day, CancellationToken.None);
        order.Add(t.Elapsed.TotalSeconds);
        if (errors is not { Count: 0 })
        {
            throw new InvalidOperationException("order not recorded");
        }
    }

    await BenchData.RawInsertSameRowsAsync(Context, benchClass);
    classInsert.Add(BenchData.Elapsed.TotalSeconds);
}

Console.WriteLine($"Class-wide order reaching {members:N0} members, one transaction ({runs} runs; load {Load()})");
Report("  record order + recompute members", order);
Report("  baseline: raw read of the members' fact rows", classRead);
Report("  baseline: raw insert of all the members' derived rows", classInsert);
Console.WriteLine($"  ratio order / (raw read + raw insert): {Median(order) / (Median(classRead) + Median(classInsert)):N2}");

// Where the order's time goes: the same recompute of the members, called directly, after one more order recorded behind
// the save hook's back (so the members' results change as they do under the hook), then once more with nothing changed.
await BenchData.InsertClassOrderBehindHookAsync(Context, benchClass, day);
foreach (var label in new[] { "after a new order", "nothing changed" })
{
    await using var db = Context();
    await using var tx = await db.Database.BeginTransactionAsync();
    var elapsed = await Time(async () =>
    {
        stats = await recompute.RecomputeAsync(db, PersonScope.ClassMembers(benchClass), day, CancellationToken.None);
        await tx.CommitAsync();
    });
    Console.WriteLine($"  members' recompute alone, {label}: {elapsed:N2} s");
    Detail(stats);
}

async Task<RecomputeStats> RecomputeAllAsync(DateOnly asOf)
{
    clock.Day = asOf;
    await using var db = Context();
    return await recompute.RecomputeAllAsync(db, asOf, CancellationToken.None);
}

static void Detail(RecomputeStats s) => Console.WriteLine(
    $"    last run: cpu {Cpu.Last:N2} s; read {s.Read.TotalSeconds:N2} s, evaluate {s.Evaluate.TotalSeconds:N2} s (overlaps the read), write {s.Write.TotalSeconds:N2} s; "
    + $"{s.PeopleChanged:N0} people changed, {s.ProtectionRowsWritten:N0} protection rows and {s.DeadlineRowsWritten:N0} deadline rows written");

static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static async Task<double> Time(Func<Task> action)
{
    var t = Stopwatch.StartNew();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    await action();
    Cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    return t.Elapsed.TotalSeconds;
}

static double Median(List<double> xs)
{
    var s = xs.Order().ToArray();
    return s[s.Length / 2];
}

static double P95(List<double> xs)
{
    var s = xs.Order().ToArray();
    return s[(int)(s.Length * 0.95)];
}

static void Report(string label, List<double> xs) =>
    Console.WriteLine($"{label}: median {Median(xs):N2} s (runs {string.Join(", ", xs.Select(x => x.ToString("N2", CultureInfo.InvariantCulture)))})");

/// <summary>Processor time of the last timed action (both cores): less disturbed by other jobs' load than elapsed time.</summary>
internal static class Cpu
{
    public static double Last { get; private set; }

    public static void Add(double s) => Last = s;
}

internal sealed class BenchClock(DateOnly day) : TimeProvider
{
    public DateOnly Day { get; set; } = day;

    public override DateTimeOffset GetUtcNow() => new(Day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

internal sealed record RowCounts(int Matters, int Events, int Memberships);
