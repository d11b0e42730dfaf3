using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

// ImportCli.Bench [--dll PATH/stayline.dll] [--rows 1000000] [--repeats 3] [--inputs ordinary,newwords] [--what insert,late,cli,all] [--timeout 1800]
// The user's import exactly as `./stayline import people FILE` runs it: per run a fresh SQLite file (migrated by
// `stayline db migrate`, not timed), then a cold child process `dotnet stayline.dll import people FILE --db FILE` with
// the environment the wrapper sets (DOTNET_gcServer=0 for commands). Wall time and peak resident set (VmHWM polled
// from /proc/<pid>/status) of the whole process: reading, linking, writing, the index rebuild, the commit and the
// protection and deadlines of the new people computed before the command returns. After each run the database is
// checked: every new person has a stored protection row and fingerprints, so the person pages and lists answer
// without computing anything. Baseline, same run, interleaved: this program as a child (--insert) streaming the
// same CSV into one prepared INSERT of the people table (same schema, same indexes), one transaction; and a
// stronger one, the same insert with the people table's secondary indexes dropped first and created after (the
// import's own trick), in the same transaction. Third, the floor: everything the import stored (people, name tokens,
// key dictionary, protection rows, fingerprints, deadlines, batch; read back from the same run's CLI database) written
// again with plain prepared INSERTs into a fresh migrated file, one transaction, indexes after (runs after a CLI run).
// Without --dll, the app is the one `./stayline` runs: the wrapper builds it (Release, ReadyToRun) into artifacts/app.
if (args.Length >= 3 && args[0] is "--insert" or "--insert-late")
{
    return PlainInsert.Run(args[1], args[2], lateIndexes: args[0] == "--insert-late");
}

if (args.Length >= 3 && args[0] == "--insert-all")
{
    return StoredRaw.Run(args[1], args[2]);
}

string Arg(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 ? args[i + 1] : fallback;
var rows = int.Parse(Arg("--rows", "1000000"), CultureInfo.InvariantCulture);
var repeats = int.Parse(Arg("--repeats", "3"), CultureInfo.InvariantCulture);
var inputs = Arg("--inputs", "ordinary,newwords").Split(',');
var runs = Arg("--what", "insert,late,cli,all").Split(',');
var timeout = TimeSpan.FromSeconds(int.Parse(Arg("--timeout", "1800"), CultureInfo.InvariantCulture));
var folder = Path.Combine(Path.GetTempPath(), "import-cli-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
Directory.CreateDirectory(folder);
try
{
    var dll = Array.IndexOf(args, "--dll") >= 0 ? Path.GetFullPath(Arg("--dll", "")) : await Build.ReleaseAsync();
    var files = inputs.ToDictionary(i => i, i =>
    {
        var path = Path.Combine(folder, i + ".csv");
        Files.Csv(path, rows, newWords: i == "newwords");
        return path;
    });
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{dll}\n{rows:N0} rows per input; {repeats} repeats, interleaved; {Environment.ProcessorCount} cores; load {Load.Now()}"));
    Console.WriteLine("| run | input | what | exit | wall | peak RSS | load (1 min) before/after | check |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|");
    var results = new List<(string Input, string What, ChildResult Result)>();
    var n = 0;
    var stored = Path.Combine(folder, "stored.db");
    for (var r = 1; r <= repeats; r++)
    {
        foreach (var input in inputs)
        {
            // Alternate which goes first, so neither always follows the other's page cache and writeback.
            // "all" copies what the CLI stored, so it follows the CLI run.
            string[] order = r % 2 == 1 ? ["insert", "late", "cli", "all"] : ["cli", "all", "late", "insert"];
            foreach (var what in order.Where(runs.Contains))
            {
                var db = Path.Combine(folder, $"db{n++}.db");
                var migrate = await Child.RunAsync("dotnet", [dll, "db", "migrate", "--db", db], timeout);
                if (migrate.Exit != 0)
                {
                    Console.WriteLine("db migrate failed: " + migrate.Output);
                    return 1;
                }

                var before = Load.Now();
                var result = what switch
                {
                    "cli" => await Child.RunAsync("dotnet", [dll, "import", "people", files[input], "--db", db, "--timings"], timeout),
                    "all" => await Child.RunAsync("dotnet", [typeof(PlainInsert).Assembly.Location, "--insert-all", stored, db], timeout),
                    _ => await Child.RunAsync("dotnet", [typeof(PlainInsert).Assembly.Location, what == "late" ? "--insert-late" : "--insert", files[input], db], timeout),
                };
                var check = Check.Of(db, rows, what is "cli" or "all");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {r} | {input} | {Names[what]} | {(result.TimedOut ? "timed out" : result.Exit.ToString(CultureInfo.InvariantCulture))} | {result.Wall.TotalSeconds:N2} s | {result.PeakKiB / 1024.0:N0} MiB | {before} / {Load.Now()} | {check} |"));
                if (result.Exit != 0 || what is "cli" or "all")
                {
                    // The CLI's phase times (--timings), the copy's, or everything it said when it failed.
                    Console.WriteLine(result.Exit != 0 ? result.Output
                        : string.Join('\n', result.Output.Split('\n').Where(l => l.EndsWith(" s", StringComparison.Ordinal)).Select(l => "    " + l)));
                }

                results.Add((input, what, result));
                SqliteConnection.ClearAllPools();
                if (what == "cli" && result.Exit == 0)
                {
                    // Kept until the next CLI run: the "all" run copies what it stored.
                    foreach (var f in Directory.GetFiles(folder, "stored.db*"))
                    {
                        File.Delete(f);
                    }

                    File.Move(db, stored);
                }

                foreach (var f in Directory.GetFiles(folder, Path.GetFileName(db) + "*"))
                {
                    File.Delete(f);
                }
            }
        }
    }

    Console.WriteLine();
    Console.WriteLine("| input | plain insert, median | plain insert, indexes after, median | everything stored, raw (floor), median | stayline import people, median | ratio (insert / import) | ratio (indexes after / import) | ratio (everything raw / import) | peak RSS, import (max) | peak RSS, insert (max) |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
    foreach (var input in inputs)
    {
        // The floor's own time (inserts, index creation, commit), not its wall time, which adds reading the source.
        double Median(string what) => Stats.Median(results.Where(x => x.Input == input && x.What == what).Select(x => what == "all" ? StoredRaw.FloorOf(x.Result.Output) : x.Result.Wall.TotalSeconds));
        long Peak(string what) => results.Where(x => x.Input == input && x.What == what).Select(x => x.Result.PeakKiB).DefaultIfEmpty().Max();
        var (insert, late, all, cli) = (Median("insert"), Median("late"), Median("all"), Median("cli"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {input} | {insert:N2} s | {late:N2} s | {all:N2} s | {cli:N2} s | **{insert / cli:N2}** | **{late / cli:N2}** | **{all / cli:N2}** | {Peak("cli") / 1024.0:N0} MiB | {Math.Max(Peak("insert"), Peak("late")) / 1024.0:N0} MiB |"));
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

return 0;

internal static partial class Program
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["insert"] = "plain insert",
        ["late"] = "plain insert, indexes after",
        ["cli"] = "stayline import people",
        ["all"] = "everything stored, raw",
    };
}

internal sealed record ChildResult(int Exit, bool TimedOut, TimeSpan Wall, long PeakKiB, string Output);

internal static class Child
{
    /// <summary>Runs a child with the environment the `stayline` wrapper gives a command.</summary>
    public static async Task<ChildResult> RunAsync(string file, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_gcServer"] = "0";
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(start)!;
        var output = new StringBuilder();
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        long peak = 0;
        var timedOut = false;
        while (!p.HasExited)
        {
            peak = Math.Max(peak, Hwm(p.Id));
            if (sw.Elapsed > timeout)
            {
                timedOut = true;
                p.Kill(entireProcessTree: true);
                break;
            }

            await Task.Delay(50);
        }

        await p.WaitForExitAsync();
        var wall = sw.Elapsed;
        lock (output)
        {
            return new ChildResult(timedOut ? -1 : p.ExitCode, timedOut, wall, peak, output.ToString());
        }
    }

    private static long Hwm(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 0;
    }
}

internal static class Build
{
    /// <summary>The build the user runs: `./stayline` builds (publishes, ReadyToRun) into artifacts/app when the
    /// sources changed, so the child process timed is the one `./stayline import people` starts.</summary>
    public static async Task<string> ReleaseAsync()
    {
        var root = Directory.GetCurrentDirectory();
        while (!File.Exists(Path.Combine(root, "Stayline.slnx")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Run from inside the repository, or pass --dll.");
        }

        var build = await Child.RunAsync("bash", [Path.Combine(root, "stayline"), "--version"], TimeSpan.FromMinutes(30));
        if (build.Exit != 0)
        {
            throw new InvalidOperationException("Release build failed:\n" + build.Output);
        }

        return Path.Combine(root, "artifacts", "app", "stayline.dll");
    }
}

internal static class Load
{
    public static string Now() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}

internal static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length == 0 ? double.NaN : v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
    }
}

/// <summary>What the database holds after a run: the people, and (after the CLI) their stored protection and fingerprints.</summary>
internal static class Check
{
    public static string Of(string db, int rows, bool derived)
    {
        using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        long Scalar(string sql)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
        }

        var people = Scalar("SELECT COUNT(*) FROM people");
        if (!derived)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{people:N0} people{(people == rows ? "" : " (WRONG)")}");
        }

        var protection = Scalar("SELECT COUNT(*) FROM person_protection");
        var hashes = Scalar("SELECT COUNT(*) FROM person_derived_hashes");
        var tokens = Scalar("SELECT COUNT(*) FROM person_name_tokens");
        var ok = people == rows && protection == people && hashes == people;
        return string.Create(CultureInfo.InvariantCulture, $"{people:N0} people, {protection:N0} protection rows, {hashes:N0} fingerprints, {tokens:N0} name tokens{(ok ? "" : " (WRONG)")}");
    }
}

internal static class Files
{
    private static readonly string[] Given = ["Yousif", "Mohammed", "Nadia", "Ban", "Hanna", "Sami", "Rana", "Amir", "Layla", "Karim", "Samira", "Faris", "Huda", "Basim", "Wafa", "Rami"];
    private static readonly string[] Family = ["Kassab", "Al-Rubaie", "Jarjees", "Hermiz", "Aljabouri", "Toma", "Yaldo", "Shamoon", "Kakos", "Najjar", "Dawood", "Essa", "Gorgis", "Oraha", "Putrus", "Sesi"];
    private const string Consonants = "bdfghjklmnprstvz";
    private const string Vowels = "aeiou";

    /// <summary>
    /// Distinct A-numbers. Ordinary: about 16,000 distinct names (ImportMemory.Bench's shape). New words: every
    /// family name a word of letters seen nowhere else in the file (four syllables spelling the row number).
    /// </summary>
    public static void Csv(string path, int count, bool newWords)
    {
        var rng = new Random(17);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write("A-Number,Last Name,First Name,DOB,Country\n");
        var word = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            string family;
            if (newWords)
            {
                word.Clear();
                for (int k = 0, v = i; k < 4; k++, v /= Consonants.Length * Vowels.Length)
                {
                    var s = v % (Consonants.Length * Vowels.Length);
                    word.Append(Consonants[s / Vowels.Length]).Append(Vowels[s % Vowels.Length]);
                }

                word[0] = char.ToUpperInvariant(word[0]);
                family = word.ToString();
                rng.Next(Family.Length);
            }
            else
            {
                family = Family[rng.Next(Family.Length)] + (i % 997).ToString(CultureInfo.InvariantCulture);
            }

            w.Write(string.Create(CultureInfo.InvariantCulture,
                $"A{100_000_000 + i},{family},{Given[rng.Next(Given.Length)]},{new DateOnly(1950 + rng.Next(50), 1 + rng.Next(12), 1 + rng.Next(28)):yyyy-MM-dd},Iraq\n"));
        }
    }
}

/// <summary>
/// The baseline: the CSV streamed into one prepared INSERT of the people table (the migrated schema, its indexes),
/// one transaction, with the values the import stores for a new person except the name index.
/// </summary>
internal static class PlainInsert
{
    public static int Run(string csv, string db, bool lateIndexes)
    {
        using var conn = new SqliteConnection($"Data Source={db}");
        conn.Open();
        using var tx = conn.BeginTransaction();
        var indexes = new List<(string Name, string Sql)>();
        if (lateIndexes)
        {
            using var list = conn.CreateCommand();
            list.Transaction = tx;
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'people' AND sql IS NOT NULL";
            using (var reader = list.ExecuteReader())
            {
                while (reader.Read())
                {
                    indexes.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            foreach (var (name, _) in indexes)
            {
                Execute(conn, tx, $"DROP INDEX \"{name}\"");
            }
        }

        using var insert = conn.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO people (\"ANumber\",\"GivenName\",\"FamilyName\",\"BirthDate\",\"BirthDatePrecision\",\"Citizenship\",\"ConsentGiven\",\"CustodyStatus\",\"SortName\",\"Version\",\"CreatedAt\",\"OrganisationId\") "
            + "VALUES ($a,$g,$f,$b,'Exact',$c,0,'Unknown',$s,0,0,1)";
        var ps = new[] { "$a", "$g", "$f", "$b", "$c", "$s" }.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        insert.Prepare();
        var count = 0;
        foreach (var line in File.ReadLines(csv).Skip(1))
        {
            var f = line.Split(',');
            ps[0].Value = f[0][1..];
            ps[1].Value = f[2];
            ps[2].Value = f[1];
            ps[3].Value = f[3];
            ps[4].Value = f[4];
            ps[5].Value = (f[2] + " " + f[1]).ToLowerInvariant();
            insert.ExecuteNonQuery();
            count++;
        }

        foreach (var (_, sql) in indexes)
        {
            Execute(conn, tx, sql);
        }

        tx.Commit();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count:N0} rows inserted."));
        return 0;
    }

    private static void Execute(SqliteConnection conn, SqliteTransaction tx, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}

/// <summary>
/// The floor: every row the import stored (the tables a fresh migrated file has empty and the CLI's database has
/// filled), read back from that database and written with one prepared INSERT per table into a fresh migrated file,
/// one transaction, in the stored order, those tables' secondary indexes dropped first and created after. The same
/// journal and page cache as the import's bulk write (rollback journal, 128 MiB), so only the work differs. The
/// source is read in chunks outside the timed part (the values are given, as a raw insert's are): the floor is the
/// time of the inserts, the index creation and the commit ("floor: N s"); the wall time adds the reading and the start.
/// </summary>
internal static class StoredRaw
{
    private const int Chunk = 65_536;

    public static double FloorOf(string output) =>
        output.Split('\n').Where(l => l.StartsWith("floor (", StringComparison.Ordinal)).Select(l => double.Parse(l[(l.LastIndexOf(':') + 1)..^2].Trim(), CultureInfo.InvariantCulture)).DefaultIfEmpty(double.NaN).First();

    public static int Run(string source, string db)
    {
        using var conn = new SqliteConnection($"Data Source={db};Pooling=False");
        conn.Open();
        Execute(conn, null, "PRAGMA journal_mode = TRUNCATE");
        Execute(conn, null, "PRAGMA cache_size = -131072");
        Execute(conn, null, $"ATTACH DATABASE '{source.Replace("'", "''", StringComparison.Ordinal)}' AS src");
        var tables = new List<string>();
        foreach (var table in Strings(conn, null, "SELECT name FROM src.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"))
        {
            if (Scalar(conn, null, $"SELECT EXISTS (SELECT 1 FROM src.\"{table}\")") == 1 && Scalar(conn, null, $"SELECT EXISTS (SELECT 1 FROM main.\"{table}\")") == 0)
            {
                tables.Add(table);
            }
        }

        // Referenced tables first (foreign keys are checked, as in the import).
        var ordered = new List<string>();
        while (ordered.Count < tables.Count)
        {
            ordered.AddRange(tables.Where(t => !ordered.Contains(t)
                && Strings(conn, null, $"SELECT \"table\" FROM pragma_foreign_key_list('{t}', 'main')").All(r => r == t || ordered.Contains(r) || !tables.Contains(r))).ToList());
        }

        var floor = new Stopwatch();
        var reading = Stopwatch.StartNew();
        reading.Stop();
        floor.Start();
        using var tx = conn.BeginTransaction();
        var indexes = new List<string>();
        foreach (var table in ordered)
        {
            foreach (var (name, sql) in Pairs(conn, tx, $"SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = '{table}' AND sql IS NOT NULL"))
            {
                Execute(conn, tx, $"DROP INDEX main.\"{name}\"");
                indexes.Add(sql);
            }
        }

        floor.Stop();
        long rows = 0;
        foreach (var table in ordered)
        {
            var columns = Strings(conn, tx, $"SELECT name FROM pragma_table_info('{table}', 'main') ORDER BY cid");
            using var insert = conn.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = $"INSERT INTO main.\"{table}\" ({string.Join(",", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(",", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
            var ps = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i.ToString(CultureInfo.InvariantCulture) })).ToArray();
            insert.Prepare();
            var chunk = new object[Chunk][];
            var inTable = TimeSpan.Zero;
            long n = 0;
            // The source stays open on one statement: a chunk is read (not timed), then inserted (timed).
            using var read = conn.CreateCommand();
            read.Transaction = tx;
            read.CommandText = $"SELECT {string.Join(",", columns.Select(c => $"\"{c}\""))} FROM src.\"{table}\"";
            reading.Start();
            using var reader = read.ExecuteReader();
            reading.Stop();
            while (true)
            {
                reading.Start();
                var count = 0;
                while (count < Chunk && reader.Read())
                {
                    var values = new object[columns.Count];
                    reader.GetValues(values);
                    chunk[count++] = values;
                }

                reading.Stop();
                if (count == 0)
                {
                    break;
                }

                floor.Start();
                var watch = Stopwatch.StartNew();
                for (var r = 0; r < count; r++)
                {
                    for (var i = 0; i < ps.Length; i++)
                    {
                        ps[i].Value = chunk[r][i];
                    }

                    insert.ExecuteNonQuery();
                }

                inTable += watch.Elapsed;
                floor.Stop();
                n += count;
            }

            rows += n;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{table} ({n:N0} rows): {inTable.TotalSeconds:N2} s"));
        }

        floor.Start();
        var rebuild = Stopwatch.StartNew();
        foreach (var sql in indexes)
        {
            Execute(conn, tx, sql);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"indexes created ({indexes.Count}): {rebuild.Elapsed.TotalSeconds:N2} s"));
        var commit = Stopwatch.StartNew();
        tx.Commit();
        floor.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"commit: {commit.Elapsed.TotalSeconds:N2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reading the source (not in the floor): {reading.Elapsed.TotalSeconds:N2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor ({rows:N0} rows in {ordered.Count} tables): {floor.Elapsed.TotalSeconds:F2} s"));
        return 0;
    }

    private static void Execute(SqliteConnection conn, SqliteTransaction? tx, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection conn, SqliteTransaction? tx, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    private static List<string> Strings(SqliteConnection conn, SqliteTransaction? tx, string sql) => [.. Pairs(conn, tx, sql, 1).Select(p => p.A)];

    private static List<(string A, string B)> Pairs(SqliteConnection conn, SqliteTransaction? tx, string sql, int width = 2)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var list = new List<(string, string)>();
        while (reader.Read())
        {
            list.Add((reader.GetString(0), width > 1 ? reader.GetString(1) : ""));
        }

        return list;
    }
}
