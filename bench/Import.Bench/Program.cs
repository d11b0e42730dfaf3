using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Stayline;
using Stayline.Data;
using Stayline.Features.Import;
using Stayline.Infrastructure;

// Import.Bench [ROWS] [REPEATS] [--postgres "Host=...;Username=..."] [--read-only]
// --read-only times only the CSV reader (Tables.CsvReader) over the same file, REPEATS times.
// Each run uses a fresh, migrated database. Baselines write the same people rows with the fastest raw
// path of the provider (prepared INSERTs in one transaction; binary COPY written synchronously, which is about
// twice as fast as Npgsql's per-value async calls), from values already in memory.
if (args is ["--statements", ..])
{
    await StatementShape.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5);
    return 0;
}

var rows = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var r) ? r : 1_000_000;
var repeats = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var k) ? k : 3;
var pgIndex = Array.IndexOf(args, "--postgres");
var postgres = pgIndex >= 0 ? args[pgIndex + 1] : null;

var folder = Path.Combine(Path.GetTempPath(), "import-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
Directory.CreateDirectory(folder);
var csv = Path.Combine(folder, "people.csv");
Synthetic.Write(csv, rows);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows, {new FileInfo(csv).Length / 1048576.0:N1} MiB CSV, {repeats} repeats, {Environment.ProcessorCount} cores"));

if (args.Contains("--read-only"))
{
    var times = new List<double>();
    for (var i = 0; i < repeats; i++)
    {
        var sw = Stopwatch.StartNew();
        using var reader = new Stayline.Tables.CsvReader(new StreamReader(csv, new UTF8Encoding(false), true, 1 << 16));
        reader.ReadHeader(out _);
        long fields = 0;
        while (reader.Read(out var values, out _))
        {
            fields += values.Length;
        }

        times.Add(sw.Elapsed.TotalMilliseconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  read {i + 1}: {reader.Row - 1:N0} rows, {fields:N0} values, {sw.Elapsed.TotalMilliseconds:N0} ms"));
    }

    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"CSV reader: median {times[times.Count / 2]:N0} ms, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB"));
    Directory.Delete(folder, recursive: true);
    return 0;
}

try
{
    await Bench.RunAsync("SQLite", repeats, rows, i => Task.FromResult($"Data Source={Path.Combine(folder, $"b{i}.db")}"), csv);
    if (postgres is not null)
    {
        await Bench.RunAsync("PostgreSQL", repeats, rows, async i =>
        {
            var name = $"import_bench_{Environment.ProcessId}_{i}";
            await using var conn = new NpgsqlConnection(postgres);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name}; ", conn);
            await cmd.ExecuteNonQueryAsync();
            cmd.CommandText = $"CREATE DATABASE {name}";
            await cmd.ExecuteNonQueryAsync();
            return new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ToString();
        }, csv);
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

return 0;

internal sealed record Row(string ANumber, string Given, string Family, DateOnly Birth, string Country);

internal static class Synthetic
{
    /// <summary>IMPORT_BENCH_DISTINCT_NAMES=1: every person's name is different (the worst case for the import's
    /// per-name token cache); by default about 255,000 distinct names in 1,000,000 rows.</summary>
    private static readonly bool DistinctNames = Environment.GetEnvironmentVariable("IMPORT_BENCH_DISTINCT_NAMES") == "1";

    private static readonly string[] Given = ["Yousif", "Mohammed", "Nadia", "Ban", "Hanna", "Sami", "Rana", "Amir", "Layla", "Karim", "Samira", "Faris", "Huda", "Basim", "Wafa", "Rami"];
    private static readonly string[] Family = ["Kassab", "Al-Rubaie", "Jarjees", "Hermiz", "Aljabouri", "Toma", "Yaldo", "Shamoon", "Kakos", "Najjar", "Dawood", "Essa", "Gorgis", "Oraha", "Putrus", "Sesi"];

    public static void Write(string path, int count)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write("A-Number,Last Name,First Name,DOB,Country\n");
        foreach (var row in Rows(count))
        {
            w.Write(string.Create(CultureInfo.InvariantCulture, $"A{row.ANumber},{row.Family},{row.Given},{row.Birth:yyyy-MM-dd},{row.Country}\n"));
        }
    }

    /// <summary>The same rows every call (fixed seed): the baselines regenerate them rather than keep them alive during the import.</summary>
    public static List<Row> Rows(int count)
    {
        var rng = new Random(17);
        var list = new List<Row>(count);
        for (var i = 0; i < count; i++)
        {
            // Distinct A-numbers; the name is varied with a suffix so rows are not all alike.
            var a = (100_000_000 + i).ToString(CultureInfo.InvariantCulture);
            var row = new Row(a, Given[rng.Next(Given.Length)], Family[rng.Next(Family.Length)] + (DistinctNames ? i : i % 997).ToString(CultureInfo.InvariantCulture),
                new DateOnly(1950 + rng.Next(50), 1 + rng.Next(12), 1 + rng.Next(28)), "Iraq");
            list.Add(row);
        }

        return list;
    }
}

internal static class Bench
{
    public static async Task RunAsync(string provider, int repeats, int rows, Func<int, Task<string>> newDatabase, string csv)
    {
        var raw = new List<double>();
        var rawAll = new List<double>();
        var import = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            // The import first, in a process holding nothing else (as the CLI runs it: a million rows in memory
            // make every garbage collection dearer, so the baselines' data must not be alive meanwhile).
            import.Add(await TimeAsync(await ReadyAsync(await newDatabase((i * 3) + 2)), cs => ImportAsync(cs, csv, rows)));
            if (Environment.GetEnvironmentVariable("IMPORT_BENCH_IMPORT_ONLY") is null)
            {
                // The baselines get their values computed before the clock starts: they measure writing only.
                var people = Synthetic.Rows(rows);
                var sortNames = people.Select(p => Stayline.Domain.People.SearchText.Fold($"{p.Given} {p.Family}")).ToArray();
                var tokens = people.Select(p => PersonSearch.TokensFor([$"{p.Given} {p.Family} "]).ToArray()).ToArray();
                raw.Add(await TimeAsync(await ReadyAsync(await newDatabase(i * 3)), cs => RawAsync(cs, people, sortNames, null)));
                rawAll.Add(await TimeAsync(await ReadyAsync(await newDatabase((i * 3) + 1)), cs => RawAsync(cs, people, sortNames, tokens)));
            }
            else
            {
                raw.Add(double.NaN);
                rawAll.Add(double.NaN);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {provider} run {i + 1}: raw people {raw[^1]:N1} s, raw people+tokens {rawAll[^1]:N1} s, import {import[^1]:N1} s"));
        }

        double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        var (m0, m1, m2) = (Median(raw), Median(rawAll), Median(import));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: raw people {rows / m0:N0} rows/s; raw people+tokens {rows / m1:N0} rows/s; import (read, parse, check, link, write) {rows / m2:N0} rows/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: import / raw people = {m0 / m2:0.00}; import / raw same writes = {m1 / m2:0.00} (target >= 0.50)"));
    }

    private static async Task<string> ReadyAsync(string connectionString)
    {
        var builder = StaylineApp.CreateBuilder(connectionString);
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        await DatabaseSetup.EnsureReadyAsync(app.Services, migrate: true);
        return connectionString;
    }

    private static async Task<double> TimeAsync(string connectionString, Func<string, Task> work)
    {
        GC.Collect();
        var sw = Stopwatch.StartNew();
        await work(connectionString);
        return sw.Elapsed.TotalSeconds;
    }

    private static async Task ImportAsync(string connectionString, string csv, int rows)
    {
        var builder = StaylineApp.CreateBuilder(connectionString);
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        // Where the time goes: the moment each phase starts.
        var sw = Stopwatch.StartNew();
        var phases = new List<string>();
        var last = (ImportPhase)(-1);
        var progress = new PhaseClock(p =>
        {
            if (p.Phase != last)
            {
                last = p.Phase;
                phases.Add(string.Create(CultureInfo.InvariantCulture, $"{p.Phase} at {sw.Elapsed.TotalSeconds:N1} s"));
            }
        });
        var report = await scope.ServiceProvider.GetRequiredService<ImportService>().RunAsync(csv, new ImportOptions { Source = "bench", FileName = "people.csv", DeriveProtection = false }, progress);
        Console.WriteLine("    import phases: " + string.Join(", ", phases));
        if (!report.Written || report.Created != rows)
        {
            throw new InvalidOperationException(report.Summary + " " + string.Join("; ", report.Errors.Take(3)));
        }
    }

    private const string Columns = "\"ANumber\",\"GivenName\",\"FamilyName\",\"BirthDate\",\"BirthDatePrecision\",\"Citizenship\",\"ConsentGiven\",\"CustodyStatus\",\"SortName\",\"Version\",\"CreatedAt\"";

    /// <summary>The baseline: the same people rows (and, with tokens, the same token rows) written raw.</summary>
    private static async Task RawAsync(string connectionString, List<Row> people, string[] sortNames, string[][]? tokens)
    {
        if (connectionString.Contains("Host=", StringComparison.Ordinal))
        {
            await RawPostgresAsync(connectionString, people, sortNames, tokens);
            return;
        }

        await using var conn = new SqliteConnection(connectionString);
        await conn.OpenAsync();
        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync();
        await using (var cache = conn.CreateCommand())
        {
            // The same page cache the import's bulk writer uses.
            cache.Transaction = tx;
            cache.CommandText = $"PRAGMA cache_size = -{Stayline.Features.Import.PeopleBulkWriter.BulkCacheKib}";
            await cache.ExecuteNonQueryAsync();
        }

        var insert = conn.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = $"INSERT INTO people (\"Id\",{Columns}) VALUES ($id,$a,$g,$f,$b,'Exact',$c,0,'Unknown',$s,0,0)";
        var ps = new[] { "$id", "$a", "$g", "$f", "$b", "$c", "$s" }.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        insert.Prepare();
        var token = conn.CreateCommand();
        token.Transaction = tx;
        token.CommandText = "INSERT INTO person_name_tokens (\"Token\",\"SortName\",\"PersonId\") VALUES ($t,$s,$p)";
        var tp = token.Parameters.Add(new SqliteParameter { ParameterName = "$t" });
        var ts = token.Parameters.Add(new SqliteParameter { ParameterName = "$s" });
        var pp = token.Parameters.Add(new SqliteParameter { ParameterName = "$p" });
        token.Prepare();
        for (var i = 0; i < people.Count; i++)
        {
            var p = people[i];
            ps[0].Value = i + 1L;
            ps[1].Value = p.ANumber;
            ps[2].Value = p.Given;
            ps[3].Value = p.Family;
            ps[4].Value = p.Birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            ps[5].Value = p.Country;
            ps[6].Value = sortNames[i];
            await insert.ExecuteNonQueryAsync();
            if (tokens is not null)
            {
                foreach (var t in tokens[i])
                {
                    tp.Value = t;
                    ts.Value = sortNames[i];
                    pp.Value = i + 1L;
                    await token.ExecuteNonQueryAsync();
                }

            }
        }

        await tx.CommitAsync();
    }

    private static async Task RawPostgresAsync(string connectionString, List<Row> people, string[] sortNames, string[][]? tokens)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow;
        await using (var copy = await conn.BeginBinaryImportAsync($"COPY people (\"Id\",{Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            copy.Timeout = TimeSpan.FromHours(1);
            for (var i = 0; i < people.Count; i++)
            {
                var p = people[i];
                copy.StartRow();
                copy.Write(i + 1L, NpgsqlDbType.Bigint);
                copy.Write(p.ANumber, NpgsqlDbType.Varchar);
                copy.Write(p.Given, NpgsqlDbType.Varchar);
                copy.Write(p.Family, NpgsqlDbType.Varchar);
                copy.Write(p.Birth, NpgsqlDbType.Date);
                copy.Write("Exact", NpgsqlDbType.Varchar);
                copy.Write(p.Country, NpgsqlDbType.Varchar);
                copy.Write(false, NpgsqlDbType.Boolean);
                copy.Write("Unknown", NpgsqlDbType.Varchar);
                copy.Write(sortNames[i], NpgsqlDbType.Varchar);
                copy.Write(0, NpgsqlDbType.Integer);
                copy.Write(now, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        if (tokens is not null)
        {
            await using (var copy = await conn.BeginBinaryImportAsync("COPY person_name_tokens (\"Token\",\"SortName\",\"PersonId\") FROM STDIN (FORMAT BINARY)"))
            {
                copy.Timeout = TimeSpan.FromHours(1);
                for (var i = 0; i < people.Count; i++)
                {
                    foreach (var t in tokens[i])
                    {
                        copy.StartRow();
                        copy.Write(t, NpgsqlDbType.Varchar);
                        copy.Write(sortNames[i], NpgsqlDbType.Varchar);
                        copy.Write(i + 1L, NpgsqlDbType.Bigint);
                    }
                }

                await copy.CompleteAsync();
            }
        }

        await tx.CommitAsync();
    }
}

internal sealed class PhaseClock(Action<ImportProgress> report) : IProgress<ImportProgress>
{
    public void Report(ImportProgress value) => report(value);
}

/// <summary>
/// Import.Bench --statements [ROWS] [REPEATS]: the same person and token rows written into fresh SQLite files with
/// SQLite's own statements bound by position, one row per statement against 8 people / 16 token rows per
/// statement (the shape the bulk writer used until issue 11), alternating, in one process: load on the machine
/// hits both alike. Also the cost of a person's search tokens computed with working lists made per call.
/// </summary>
internal static class StatementShape
{
    public static async Task RunAsync(int rows, int repeats)
    {
        var people = Synthetic.Rows(rows);
        var sortNames = people.Select(p => Stayline.Domain.People.SearchText.Fold($"{p.Given} {p.Family}")).ToArray();
        var tokens = people.Select(p => PersonSearch.TokensFor([$"{p.Given} {p.Family} "])).ToArray();
        var times = new Dictionary<int, List<double>> { [1] = [], [8] = [] };
        for (var i = 0; i < repeats; i++)
        {
            foreach (var perStatement in i % 2 == 0 ? new[] { 1, 8 } : [8, 1])
            {
                var folder = Path.Combine(Path.GetTempPath(), "statement-shape-" + Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(folder);
                var cs = $"Data Source={Path.Combine(folder, "b.db")}";
                var builder = StaylineApp.CreateBuilder(cs);
                builder.Logging.ClearProviders();
                await using (var app = builder.Build())
                {
                    await DatabaseSetup.EnsureReadyAsync(app.Services, migrate: true);
                }

                SqliteConnection.ClearAllPools();
                GC.Collect();
                var sw = Stopwatch.StartNew();
                Write(cs, people, sortNames, tokens, perStatement);
                times[perStatement].Add(sw.Elapsed.TotalSeconds);
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        }

        double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows:N0} people, {tokens.Sum(t => t.Length):N0} token rows, {repeats} alternating runs; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        foreach (var (n, xs) in times)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {n} row(s) per statement: median {Median(xs):N2} s (runs {string.Join(", ", xs.Select(x => x.ToString("N2", CultureInfo.InvariantCulture)))})"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio one-row / multi-row: {Median(times[1]) / Median(times[8]):N2}"));

        // Search tokens of distinct names (the import computes them once per distinct name).
        var names = Enumerable.Range(0, rows).Select(i => $"Yousif{i} Kassab{i % 1000}").ToArray();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        foreach (var name in names)
        {
            PersonSearch.TokensFor([name]);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  search tokens of {rows:N0} distinct names: {watch.Elapsed.TotalMilliseconds * 1000 / rows:N2} us and {(GC.GetAllocatedBytesForCurrentThread() - allocated) / rows:N0} bytes allocated per name"));
    }

    private static void Write(string cs, List<Row> people, string[] sortNames, string[][] tokens, int peoplePerStatement)
    {
        using var conn = new SqliteConnection(cs);
        conn.Open();
        using var tx = conn.BeginTransaction();
        using (var cache = conn.CreateCommand())
        {
            cache.Transaction = tx;
            cache.CommandText = $"PRAGMA cache_size = -{PeopleBulkWriter.BulkCacheKib}";
            cache.ExecuteNonQuery();
        }

        const string person = "(?,?,?,?,?,'Exact',?,0,'Unknown',?,0,0)";
        using (var many = new RawStatement(conn, $"INSERT INTO people (\"Id\",\"ANumber\",\"GivenName\",\"FamilyName\",\"BirthDate\",\"BirthDatePrecision\",\"Citizenship\",\"ConsentGiven\",\"CustodyStatus\",\"SortName\",\"Version\",\"CreatedAt\") VALUES {string.Join(",", Enumerable.Repeat(person, peoplePerStatement))}"))
        using (var one = new RawStatement(conn, $"INSERT INTO people (\"Id\",\"ANumber\",\"GivenName\",\"FamilyName\",\"BirthDate\",\"BirthDatePrecision\",\"Citizenship\",\"ConsentGiven\",\"CustodyStatus\",\"SortName\",\"Version\",\"CreatedAt\") VALUES {person}"))
        {
            var whole = people.Count - (people.Count % peoplePerStatement);
            for (var i = 0; i < people.Count; i++)
            {
                var (s, at) = i < whole ? (many, 7 * (i % peoplePerStatement)) : (one, 0);
                var p = people[i];
                s.Bind(at + 1, i + 1L);
                s.Bind(at + 2, p.ANumber);
                s.Bind(at + 3, p.Given);
                s.Bind(at + 4, p.Family);
                s.Bind(at + 5, p.Birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                s.Bind(at + 6, p.Country);
                s.Bind(at + 7, sortNames[i]);
                if (i >= whole || i % peoplePerStatement == peoplePerStatement - 1)
                {
                    s.Step();
                }
            }
        }

        var tokenRows = tokens.SelectMany((t, i) => t.Select(token => (Token: token, Person: i))).OrderBy(r => r.Token, StringComparer.Ordinal)
            .ThenBy(r => sortNames[r.Person], StringComparer.Ordinal).ThenBy(r => r.Person).ToArray();
        var perStatement = peoplePerStatement == 1 ? 1 : 16;
        using (var many = new RawStatement(conn, "INSERT INTO person_name_tokens (\"Token\",\"SortName\",\"PersonId\") VALUES " + string.Join(",", Enumerable.Repeat("(?,?,?)", perStatement))))
        using (var one = new RawStatement(conn, "INSERT INTO person_name_tokens (\"Token\",\"SortName\",\"PersonId\") VALUES (?,?,?)"))
        {
            var whole = tokenRows.Length - (tokenRows.Length % perStatement);
            for (var k = 0; k < tokenRows.Length; k++)
            {
                var (s, at) = k < whole ? (many, 3 * (k % perStatement)) : (one, 0);
                s.Bind(at + 1, tokenRows[k].Token);
                s.Bind(at + 2, sortNames[tokenRows[k].Person]);
                s.Bind(at + 3, tokenRows[k].Person + 1L);
                if (k >= whole || k % perStatement == perStatement - 1)
                {
                    s.Step();
                }
            }
        }

        tx.Commit();
    }

    /// <summary>SQLite's own statement bound by position (SQLitePCLRaw), in the connection's open transaction.</summary>
    private sealed class RawStatement : IDisposable
    {
        private readonly SQLitePCL.sqlite3_stmt _stmt;

        public RawStatement(SqliteConnection conn, string sql) => Check(SQLitePCL.raw.sqlite3_prepare_v2(conn.Handle, sql, out _stmt));

        public void Bind(int i, long v) => Check(SQLitePCL.raw.sqlite3_bind_int64(_stmt, i, v));

        public void Bind(int i, string v) => Check(SQLitePCL.raw.sqlite3_bind_text(_stmt, i, v));

        public void Step()
        {
            if (SQLitePCL.raw.sqlite3_step(_stmt) != SQLitePCL.raw.SQLITE_DONE)
            {
                throw new InvalidOperationException("step failed");
            }

            Check(SQLitePCL.raw.sqlite3_reset(_stmt));
        }

        public void Dispose() => SQLitePCL.raw.sqlite3_finalize(_stmt);

        private static void Check(int rc)
        {
            if (rc != SQLitePCL.raw.SQLITE_OK)
            {
                throw new InvalidOperationException($"SQLite error {rc}");
            }
        }
    }
}
