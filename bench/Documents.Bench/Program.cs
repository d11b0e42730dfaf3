using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stayline;
using Stayline.Cli;
using Stayline.Data;
using Stayline.Features.Documents;
using Stayline.Features.Reports;
using Stayline.Infrastructure;
using Stayline.Tables;

// Bulk drafting (1,400 people, the demo crisis) and the status report (10,000 class members), each against a
// baseline measured in the same run. Usage: dotnet run -c Release --project bench/Documents.Bench [repeats=5]
var repeats = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var work = Directory.CreateTempSubdirectory("stayline-bench-").FullName;
Console.WriteLine($"cores {Environment.ProcessorCount}, repeats {repeats} (after three warm-ups), folder {work}");

// --- Bulk drafting: 1,400 people ---
var small = Path.Combine(work, "demo1400.db");
await Cli("demo", "--people", "1400", "--db", small);
await using (var app = await Open(small))
{
    await using var scope = app.Services.CreateAsyncScope();
    var docs = scope.ServiceProvider.GetRequiredService<DocumentService>();
    var template = (await docs.TemplateAsync("habeas-2241", default))!;
    var zip = Path.Combine(work, "out.zip");

    var copy = Measure(repeats, () =>
    {
        // Baseline: the same zip of 1,400 files, each a plain copy of the template.
        using var stream = File.Create(zip);
        using var archive = new ZipArchive(stream, ZipArchiveMode.Create);
        for (var i = 0; i < 1400; i++)
        {
            using var entry = archive.CreateEntry($"copy-{i}.docx", CompressionLevel.NoCompression).Open();
            entry.Write(template.Content);
        }
    });
    var generate = Measure(repeats, () =>
    {
        var items = docs.GenerateAsync(template, null, store: false, default).GetAwaiter().GetResult();
        DraftArchive.WriteAsync(items, zip, default).GetAwaiter().GetResult();
    });
    var drafts = docs.GenerateAsync(template, null, store: false, default).GetAwaiter().GetResult();
    var zipOnly = Measure(repeats, () => DraftArchive.WriteAsync(drafts, zip, default).GetAwaiter().GetResult());
    var mergeOnly = Measure(repeats, () => docs.GenerateAsync(template, null, store: false, default).GetAwaiter().GetResult());
    var stored = Measure(Math.Min(repeats, 3), () => docs.GenerateAsync(template, null, store: true, default).GetAwaiter().GetResult());
    Report("1,400 drafts", ("copy template 1,400x into a zip (baseline)", copy), ("load facts + merge + zip", generate), ("  of which: load facts + merge", mergeOnly), ("  of which: zip of the drafts", zipOnly), ("load facts + merge + store with audit", stored));
}

var cli = Stopwatch.StartNew();
await Cli("docs", "generate", "--template", "habeas-2241", "--out", Path.Combine(work, "cli.zip"), "--db", small);
Console.WriteLine($"  end to end `stayline docs generate` (process already warm, includes storing): {cli.Elapsed.TotalSeconds:F1} s");

// --- Status report: 10,000 class members ---
var large = Path.Combine(work, "demo10000.db");
await Cli("demo", "--people", "10000", "--db", large);
await using (var app = await Open(large))
{
    await using var scope = app.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
    var classId = await db.ClassActions.Select(c => c.Id).FirstAsync();
    // Everyone joins the class, so the report covers 10,000 members.
    await db.Database.ExecuteSqlRawAsync(
        "INSERT OR IGNORE INTO class_memberships (ClassActionId, PersonId, AddedOn) SELECT {0}, Id, '2026-01-05' FROM people", classId);
    var members = await db.ClassMemberships.CountAsync(m => m.ClassActionId == classId);
    var since = DateOnly.FromDateTime(DateTime.Today).AddDays(-60);
    var connection = db.Database.GetConnectionString()!;

    var raw = Measure(repeats, () => RawRead(connection, classId));
    var csv = Measure(repeats, () =>
    {
        var r = StatusReport.RunAsync(db, classId, since, DateOnly.FromDateTime(DateTime.Today), default).GetAwaiter().GetResult()!.Value;
        File.WriteAllBytes(Path.Combine(work, "status.csv"), TableWriter.Write(StatusReport.ToTable(r.Rows), TableFormat.Csv));
    });
    var xlsx = Measure(repeats, () =>
    {
        var r = StatusReport.RunAsync(db, classId, since, DateOnly.FromDateTime(DateTime.Today), default).GetAwaiter().GetResult()!.Value;
        File.WriteAllBytes(Path.Combine(work, "status.xlsx"), TableWriter.Write(StatusReport.ToTable(r.Rows), TableFormat.Xlsx));
    });
    Report($"status report, {members:N0} members", ("raw read of the same rows (baseline)", raw), ("report to CSV", csv), ("report to XLSX", xlsx));
}

Directory.Delete(work, recursive: true);
return;

static async Task Cli(params string[] args)
{
    var rc = await StaylineCli.RunAsync(args, TextWriter.Null, Console.Error);
    if (rc != 0)
    {
        throw new InvalidOperationException($"stayline {string.Join(' ', args)} failed ({rc}).");
    }
}

static async Task<Microsoft.AspNetCore.Builder.WebApplication> Open(string path)
{
    var builder = StaylineApp.CreateBuilder(path);
    builder.Logging.ClearProviders();
    var app = builder.Build();
    await DatabaseSetup.EnsureReadyAsync(app.Services, migrate: true);
    return app;
}

// Reads every column the report needs, for every member, and touches each value: the floor for any report.
static void RawRead(string connectionString, long classId)
{
    using var conn = new SqliteConnection(connectionString);
    conn.Open();
    foreach (var sql in new[]
    {
        "SELECT p.Id, p.ANumber, p.GivenName, p.FamilyName, p.CustodyStatus, p.CurrentFacilityId FROM people p JOIN class_memberships m ON m.PersonId = p.Id AND m.ClassActionId = $c",
        "SELECT x.PersonId, x.Kind, x.Status, x.FiledOn, x.DecidedOn, x.StayRequested FROM matters x JOIN class_memberships m ON m.PersonId = x.PersonId AND m.ClassActionId = $c",
        "SELECT x.PersonId, x.FacilityId, x.\"From\", x.\"To\", x.EndReason FROM custody_episodes x JOIN class_memberships m ON m.PersonId = x.PersonId AND m.ClassActionId = $c",
        "SELECT x.PersonId, x.Kind, x.\"On\" FROM person_events x JOIN class_memberships m ON m.PersonId = x.PersonId AND m.ClassActionId = $c",
    })
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$c", classId);
        using var reader = cmd.ExecuteReader();
        long sink = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                sink += reader.IsDBNull(i) ? 0 : reader.GetValue(i).GetHashCode();
            }
        }

        GC.KeepAlive(sink);
    }
}

// Wall time and process CPU time: on a shared, overloaded machine the CPU time is the steadier number.
static (double[] Wall, double[] Cpu) Measure(int repeats, Action action)
{
    // Three warm-ups: the OpenXML code runs at tier-0 JIT for the first calls.
    for (var w = 0; w < 3; w++)
    {
        action();
    }

    var wall = new double[repeats];
    var cpu = new double[repeats];
    var process = Process.GetCurrentProcess();
    for (var i = 0; i < repeats; i++)
    {
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        action();
        wall[i] = sw.Elapsed.TotalMilliseconds;
        process.Refresh();
        cpu[i] = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
    }

    return (wall, cpu);
}

static void Report(string title, params (string Name, (double[] Wall, double[] Cpu) Times)[] rows)
{
    Console.WriteLine($"{title} (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
    var baseline = Median(rows[0].Times.Wall);
    foreach (var (name, (wall, cpu)) in rows)
    {
        var m = Median(wall);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-45} median {m,8:F0} ms  min {wall.Min(),8:F0} ms  max {wall.Max(),8:F0} ms  ratio {m / baseline,6:F1}x  cpu median {Median(cpu),8:F0} ms"));
    }
}

static double Median(double[] xs)
{
    var s = xs.Order().ToArray();
    return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
}
