using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Data.Sqlite;

// ImportMemory.Bench --dll PATH/stayline.dll [--rows 5000000] [--cases csv,dry,bomb,strings,baseline] [--timeout 900]
// Runs the real CLI (`dotnet stayline.dll import people FILE`) as a child process per case, on a fresh migrated
// SQLite database, and reads the child's peak resident set (VmHWM, polled from /proc/<pid>/status; the kernel keeps
// it as a high-water mark, so polling misses nothing but the last interval's growth). The baseline is a plain insert
// of the same rows (this program run as a child with --insert: the CSV streamed into prepared INSERTs).
if (args.Length >= 3 && args[0] == "--insert")
{
    return PlainInsert.Run(args[1], args[2]);
}

string Arg(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 ? args[i + 1] : fallback;
var dll = Path.GetFullPath(Arg("--dll", "artifacts/app/stayline.dll"));
var rows = int.Parse(Arg("--rows", "5000000"), CultureInfo.InvariantCulture);
var cases = Arg("--cases", "baseline,csv,dry,bomb,strings").Split(',');
var timeout = TimeSpan.FromSeconds(int.Parse(Arg("--timeout", "1800"), CultureInfo.InvariantCulture));
var folder = Path.Combine(Path.GetTempPath(), "import-memory-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
Directory.CreateDirectory(folder);
try
{
    var csv = Path.Combine(folder, "people.csv");
    Files.Csv(csv, rows);
    var bomb = Path.Combine(folder, "bomb.xlsx");
    Files.SheetBomb(bomb, 1L << 30);
    var strings = Path.Combine(folder, "strings.xlsx");
    Files.SharedStringsBomb(strings, 1L << 30);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{dll}\n{rows:N0} rows: CSV {new FileInfo(csv).Length / 1048576.0:N0} MiB; sheet bomb {new FileInfo(bomb).Length / 1048576.0:N1} MiB (1 GiB of XML); shared-strings bomb {new FileInfo(strings).Length / 1048576.0:N1} MiB (1 GiB of XML); {Environment.ProcessorCount} cores"));
    Console.WriteLine("| case | exit | wall | peak RSS (VmHWM) | last line |");
    Console.WriteLine("|---|---|---|---|---|");
    var n = 0;
    foreach (var c in cases)
    {
        var db = Path.Combine(folder, $"db{n++}.db");
        await Child.RunAsync("dotnet", [dll, "db", "migrate", "--db", $"Data Source={db}"], timeout);
        var result = c switch
        {
            "baseline" => await Child.RunAsync("dotnet", [typeof(PlainInsert).Assembly.Location, "--insert", csv, db], timeout),
            "csv" => await Child.RunAsync("dotnet", [dll, "import", "people", csv, "--db", $"Data Source={db}"], timeout),
            "dry" => await Child.RunAsync("dotnet", [dll, "import", "people", csv, "--dry-run", "--db", $"Data Source={db}"], timeout),
            "bomb" => await Child.RunAsync("dotnet", [dll, "import", "people", bomb, "--dry-run", "--db", $"Data Source={db}"], timeout),
            "strings" => await Child.RunAsync("dotnet", [dll, "import", "people", strings, "--dry-run", "--db", $"Data Source={db}"], timeout),
            _ => throw new ArgumentException("unknown case " + c),
        };
        var last = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {c} | {(result.TimedOut ? "timed out" : result.Exit.ToString(CultureInfo.InvariantCulture))} | {result.Wall.TotalSeconds:N1} s | {result.PeakKiB / 1024.0:N0} MiB | {(last.Length > 160 ? last[..157] + "..." : last)} |"));
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

return 0;

internal sealed record ChildResult(int Exit, bool TimedOut, TimeSpan Wall, long PeakKiB, string Output);

internal static class Child
{
    public static async Task<ChildResult> RunAsync(string file, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

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

            await Task.Delay(100);
        }

        await p.WaitForExitAsync();
        lock (output)
        {
            return new ChildResult(timedOut ? -1 : p.ExitCode, timedOut, sw.Elapsed, peak, output.ToString());
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

        return 0;
    }
}

internal static class Files
{
    private static readonly string[] Given = ["Yousif", "Mohammed", "Nadia", "Ban", "Hanna", "Sami", "Rana", "Amir", "Layla", "Karim", "Samira", "Faris", "Huda", "Basim", "Wafa", "Rami"];
    private static readonly string[] Family = ["Kassab", "Al-Rubaie", "Jarjees", "Hermiz", "Aljabouri", "Toma", "Yaldo", "Shamoon", "Kakos", "Najjar", "Dawood", "Essa", "Gorgis", "Oraha", "Putrus", "Sesi"];

    /// <summary>The shape of Import.Bench's list: distinct A-numbers, about 16,000 distinct names.</summary>
    public static void Csv(string path, int count)
    {
        var rng = new Random(17);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write("A-Number,Last Name,First Name,DOB,Country\n");
        for (var i = 0; i < count; i++)
        {
            w.Write(string.Create(CultureInfo.InvariantCulture,
                $"A{100_000_000 + i},{Family[rng.Next(Family.Length)]}{i % 997},{Given[rng.Next(Given.Length)]},{new DateOnly(1950 + rng.Next(50), 1 + rng.Next(12), 1 + rng.Next(28)):yyyy-MM-dd},Iraq\n"));
        }
    }

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>A workbook whose one sheet is a header row and then one row of empty cells, <paramref name="bytes"/> of XML.</summary>
    public static void SheetBomb(string path, long bytes) => Workbook(path, sheet: w =>
    {
        w.Write($"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>Last Name</t></is></c></row><row r=\"2\">");
        Repeat(w, "<c/>", bytes);
        w.Write("</row></sheetData></worksheet>");
    }, strings: null);

    /// <summary>A workbook whose shared strings are <paramref name="bytes"/> of one-letter strings (the sheet uses the first).</summary>
    public static void SharedStringsBomb(string path, long bytes) => Workbook(path, sheet: w =>
        w.Write($"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c t=\"s\"><v>0</v></c></row></sheetData></worksheet>"), strings: w =>
    {
        w.Write($"<sst xmlns=\"{Main}\">");
        Repeat(w, "<si><t>a</t></si>", bytes);
        w.Write("</sst>");
    });

    private static void Repeat(StreamWriter w, string unit, long bytes)
    {
        var block = string.Concat(Enumerable.Repeat(unit, 4096));
        for (long written = 0; written < bytes; written += block.Length)
        {
            w.Write(block);
        }
    }

    private static void Workbook(string path, Action<StreamWriter> sheet, Action<StreamWriter>? strings)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Entry(string name, Action<StreamWriter> write)
        {
            using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false), 1 << 16);
            write(w);
        }

        Entry("[Content_Types].xml", w => w.Write("""
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>
            """));
        Entry("_rels/.rels", w => w.Write("""
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """));
        Entry("xl/workbook.xml", w => w.Write($"<workbook xmlns=\"{Main}\" xmlns:r=\"{Rel}\"><sheets><sheet name=\"Detainees\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
        Entry("xl/_rels/workbook.xml.rels", w => w.Write(
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + (strings is null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
            + "</Relationships>"));
        Entry("xl/worksheets/sheet1.xml", sheet);
        if (strings is not null)
        {
            Entry("xl/sharedStrings.xml", strings);
        }
    }
}

/// <summary>The baseline: the CSV's rows streamed into prepared INSERTs of the people table, one transaction.</summary>
internal static class PlainInsert
{
    public static int Run(string csv, string db)
    {
        using var conn = new SqliteConnection($"Data Source={db}");
        conn.Open();
        using var tx = conn.BeginTransaction();
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

        tx.Commit();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count:N0} rows inserted."));
        return 0;
    }
}
