using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stayline;
using Stayline.Data;
using Stayline.Domain.Deadlines;
using Stayline.Features.Deadlines;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Deadlines.Bench;

/// <summary>
/// The deadlines board with more than 100,000 rows in its 30-day window (and twice as many outside it) on SQLite:
/// every page of every section walked by cursor, the first page of the board, and an API page of 1,000, each
/// against a primary-key read of one deadline measured in the same run, and against the board as it was (one
/// query capped at 2,000 rows, ordered by due date and name) and an OFFSET page as deep as the last cursor page.
/// </summary>
internal static class BoardBench
{
    private static readonly string[] Rules =
    [
        "bia-appeal", "reconsider-ij", "mtr-ij", "mtr-bia", "pfr", "class-mtr", "habeas-return", "zadvydas", "custody-review-hq",
        "removal-period", "eoir43-notice", "eoir43-appeal", "bond-stay-lapse",
    ];

    /// <summary>Set while <c>--profile</c> prints EF Core's SQL and timings for one page of each kind.</summary>
    private static volatile bool logSql;

    public static async Task<int> RunAsync(int rows, int runs, bool walkAll = true, bool profile = false)
    {
        var folder = Directory.CreateTempSubdirectory("stayline-board-bench-").FullName;
        try
        {
            var path = Path.Combine(folder, "stayline.db");
            var builder = StaylineApp.CreateBuilder(path);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter((category, level) => level >= LogLevel.Warning
                || (logSql && category == "Microsoft.EntityFrameworkCore.Database.Command" && level >= LogLevel.Information));
            await using var app = StaylineApp.Build(builder);
            await DatabaseSetup.EnsureReadyAsync(app.Services, migrate: true);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            const int people = 50_000;
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
                SqliteConnection.ClearAllPools();
                await FillPeopleAsync(path, people);
                var fill = Stopwatch.StartNew();
                await FillDeadlinesAsync(path, people, rows, today);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{people:N0} people; {rows:N0} deadlines in the board's window and {rows * 2:N0} outside it, written in {fill.Elapsed.TotalSeconds:N1} s; "
                    + $"{Environment.ProcessorCount} cores; load average {LoadAverage()}"));
            }

            var access = new UserAccess("bench", IsAdmin: true, CanEditPeople: true, CanEditLegal: true, CanReadPrivileged: true);
            if (profile)
            {
                await ProfileAsync(app.Services, access, today);
                return 0;
            }

            var pk = new List<double>();
            var old = new List<double>();
            var first = new List<double>();
            var pages = new List<double>();
            var api = new List<double>();
            var offset = new List<double>();
            var random = new Random(7);
            long maxId;
            {
                await using var scope = app.Services.CreateAsyncScope();
                maxId = await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().Deadlines.MaxAsync(d => d.Id);
            }

            int walked = 0, exactTotal = 0;
            for (var run = 0; run < runs; run++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
                for (var i = 0; i < 20; i++)
                {
                    var id = random.NextInt64(1, maxId + 1);
                    pk.Add(await TimeAsync(() => db.Deadlines.AsNoTracking().Where(d => d.Id == id).ToListAsync()));
                }

                old.Add(await TimeAsync(() => OldBoardAsync(db, today)));
                var watchFirst = Stopwatch.StartNew();
                var whole = await DeadlineBoard.LoadAsync(db, access, false, today, 30, CancellationToken.None);
                first.Add(watchFirst.Elapsed.TotalMilliseconds);
                exactTotal = whole.Sections.Sum(s => s.Total);

                // Every page of every section, by cursor (what the Next links do): all of them on the first run, 30 per section after.
                walked = 0;
                foreach (var section in Enum.GetValues<BoardSection>())
                {
                    string? after = null;
                    var sectionPages = 0;
                    do
                    {
                        sectionPages++;
                        var watch = Stopwatch.StartNew();
                        var board = await DeadlineBoard.LoadAsync(db, access, false, today, 30, CancellationToken.None, section, after);
                        pages.Add(watch.Elapsed.TotalMilliseconds);
                        var page = board.Sections.First(s => s.Section == section);
                        walked += page.Shown;
                        after = page.Next;
                    }
                    while (after is not null && ((walkAll && run == 0) || sectionPages < 30));
                }

                // The API: 1,000 rows a page across the sections; the last page of the walk is as deep as the board goes.
                string? cursor = null;
                var apiPages = 0;
                do
                {
                    var watch = Stopwatch.StartNew();
                    var page = await DeadlineBoard.PageAsync(db, access, false, today, 30, cursor, DeadlineBoard.MaxPageSize, CancellationToken.None);
                    api.Add(watch.Elapsed.TotalMilliseconds);
                    cursor = page!.Next;
                    apiPages++;
                }
                while (cursor is not null && apiPages < (walkAll && run == 0 ? int.MaxValue : 10));

                offset.Add(await TimeAsync(() => db.Deadlines.AsNoTracking().Where(d => d.DueDate >= today.AddDays(-30) && d.DueDate <= today.AddDays(30))
                    .OrderBy(d => d.RuleId).ThenBy(d => d.DueDate).ThenBy(d => d.Id).Skip(rows - 100).Take(100).ToListAsync()));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first walk reached {walked:N0} rows of an exact total of {exactTotal:N0}"));
            Report("baseline: one deadline by primary key", pk);
            Report("before: the old board (one query, first 2,000 rows)", old);
            Report("board, first page of every section (100 rows each, exact counts)", first);
            Report(walkAll ? "board, any page of one section by cursor (every page in the first run, 30 a section after)" : "board, any page of one section by cursor (--sample: 30 pages a section)", pages);
            Report("API page of 1,000 rows by cursor", api);
            Report("OFFSET page at the end of the window (for comparison)", offset);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"p95 per cursor page {P(pages, 0.95):F1} ms (target < 100 ms: {(P(pages, 0.95) < 100 ? "met" : "MISSED")}); ratio to the PK read p95 {P(pages, 0.95) / P(pk, 0.95):F0}x; "
                + $"first page / old board median {P(first, 0.5) / P(old, 0.5):F2}"));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Each step of a board page timed alone, and the SQL EF Core sends with its own timing (for EXPLAIN QUERY PLAN).</summary>
    private static async Task ProfileAsync(IServiceProvider services, UserAccess access, DateOnly today)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        for (var i = 0; i < 3; i++)
        {
            await DeadlineBoard.LoadAsync(db, access, false, today, 30, CancellationToken.None);
        }

        var watch = Stopwatch.StartNew();
        var describer = await DeadlineDescriber.CreateAsync(db, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"describer created in {watch.Elapsed.TotalMilliseconds:F2} ms"));
        var rows = await DeadlineQueries.Rows(db).Where(d => d.DueDate >= today.AddDays(-30) && d.DueDate <= today.AddDays(30)).Take(1_000).ToListAsync();
        foreach (var rule in rows.GroupBy(r => r.RuleId))
        {
            watch.Restart();
            var n = 0;
            foreach (var row in rule)
            {
                n += describer.Describe(row).Explanation.Length;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"describe {rule.Key,-20} {watch.Elapsed.TotalMilliseconds / rule.Count():F4} ms a row ({n} chars)"));
        }

        logSql = true;
        Console.WriteLine("--- first page of the board");
        watch.Restart();
        var board = await DeadlineBoard.LoadAsync(db, access, false, today, 30, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"--- {watch.Elapsed.TotalMilliseconds:F1} ms; a later page of the month section"));
        watch.Restart();
        await DeadlineBoard.LoadAsync(db, access, false, today, 30, CancellationToken.None, BoardSection.Month, board.Within30.Next);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"--- {watch.Elapsed.TotalMilliseconds:F1} ms; API page of 1,000"));
        watch.Restart();
        await DeadlineBoard.PageAsync(db, access, false, today, 30, null, DeadlineBoard.MaxPageSize, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"--- {watch.Elapsed.TotalMilliseconds:F1} ms"));
        logSql = false;
        var copy = Path.Combine(Path.GetTempPath(), "stayline-board-profile.db");
        File.Delete(copy);
        await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", copy);
        Console.WriteLine("database kept as " + copy + " for EXPLAIN QUERY PLAN");
    }

    /// <summary>The board before: everything in the window in due order, first 2,000, described.</summary>
    private static async Task<int> OldBoardAsync(StaylineDbContext db, DateOnly today)
    {
        var from = today.AddDays(-30);
        var to = today.AddDays(30);
        var rows = await DeadlineQueries.Rows(db).Where(d => d.DueDate != null && d.DueDate >= from && d.DueDate <= to && (d.State == "Open" || d.State == "Missed"))
            .OrderBy(d => d.DueDate).ThenBy(d => d.PersonName).Take(2_000).ToListAsync();
        var describer = await DeadlineDescriber.CreateAsync(db, CancellationToken.None);
        return rows.Select(describer.Describe).Count();
    }

    /// <summary>
    /// People with names only (the board shows name and A-number): every other required column gets a neutral value read
    /// from the schema, so the bench keeps working as the people table grows.
    /// </summary>
    private static async Task FillPeopleAsync(string path, int people)
    {
        await using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await conn.OpenAsync();
        var columns = new List<(string Name, string Type)>();
        await using (var info = conn.CreateCommand())
        {
            info.CommandText = "SELECT name, type FROM pragma_table_info('people') WHERE \"notnull\" = 1 AND pk = 0 AND dflt_value IS NULL";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        long organisation;
        await using (var org = conn.CreateCommand())
        {
            org.CommandText = "SELECT MIN(Id) FROM organisations";
            organisation = (long)(await org.ExecuteScalarAsync())!;
        }

        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync();
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO people ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$c" + i))})";
        var parameters = columns.Select((_, i) => cmd.Parameters.Add("$c" + i, SqliteType.Text)).ToArray();
        for (var id = 1; id <= people; id++)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].Name switch
                {
                    "GivenName" => "Given" + id.ToString(CultureInfo.InvariantCulture),
                    "FamilyName" => "Family" + id.ToString(CultureInfo.InvariantCulture),
                    "OrganisationId" => organisation,
                    _ when columns[i].Type.Contains("INT", StringComparison.OrdinalIgnoreCase) => 0,
                    _ when columns[i].Type.Contains("REAL", StringComparison.OrdinalIgnoreCase) => 0.0,
                    _ => "",
                };
            }

            await cmd.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
    }

    private static async Task FillDeadlinesAsync(string path, int people, int rows, DateOnly today)
    {
        await using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await conn.OpenAsync();
        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync();
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO person_deadlines (PersonId, RuleId, TriggerDate, DueDate, PeriodDays, Citation, State, Manual) VALUES ($p, $r, $t, $d, 30, $c, $s, 0)";
        var p = cmd.Parameters.Add("$p", SqliteType.Integer);
        var r = cmd.Parameters.Add("$r", SqliteType.Text);
        var t = cmd.Parameters.Add("$t", SqliteType.Text);
        var d = cmd.Parameters.Add("$d", SqliteType.Text);
        var c = cmd.Parameters.Add("$c", SqliteType.Text);
        var s = cmd.Parameters.Add("$s", SqliteType.Text);
        var random = new Random(11);
        for (var i = 0; i < rows * 3; i++)
        {
            // One row in three in the window (30 days back to 30 ahead); the rest years before or after it.
            var offsetDays = i % 3 == 0 ? random.Next(-30, 31) : random.Next(2) == 0 ? random.Next(-3_000, -31) : random.Next(31, 400);
            var due = today.AddDays(offsetDays);
            var rule = Rules[random.Next(Rules.Length)];
            p.Value = random.Next(1, people + 1);
            r.Value = rule;
            t.Value = due.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            d.Value = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            c.Value = DeadlineRules.TryGet(rule, out var known) ? known.Citation : "8 CFR 241.4(k)";
            // As the recompute writes them: a clock's (or another party's) passed day is Reached, a filing of ours Met or Missed.
            s.Value = due >= today ? "Open" : DeadlineBoard.WhoseDay(rule) is not null ? "Reached" : random.Next(4) == 0 ? "Met" : "Missed";
            await cmd.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
        await using var analyze = conn.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task<double> TimeAsync<T>(Func<Task<T>> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double P(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    }

    private static void Report(string name, List<double> ms) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-70} n={ms.Count,5} p50 {P(ms, 0.5),8:F2} ms  p95 {P(ms, 0.95),8:F2} ms  max {ms.Max(),8:F2} ms"));

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
