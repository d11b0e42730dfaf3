using System.Diagnostics;
using System.Globalization;
using System.Text;
using Stayline.Domain.Deadlines;

// Benchmarks for issue 3: `stayline deadline --csv` on 100,000 rows end to end, and the in-process bulk path.
// Every measurement is compared with a baseline taken in the same run; medians of interleaved runs.
// Usage: dotnet run -c Release --project bench/Deadlines.Bench -- [path/to/stayline] [runs]
//        dotnet run -c Release --project bench/Deadlines.Bench -- board [rows on the board] [runs] [--sample]   (the deadlines board, issue 12/15;
//        --sample: 30 pages per section on every run, without the first run's walk through every page;
//        --profile: each step of a page timed alone and the SQL sent, then the database kept for EXPLAIN QUERY PLAN)
if (args is ["board", ..])
{
    return await Deadlines.Bench.BoardBench.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 150_000, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5,
        walkAll: !args.Contains("--sample"), profile: args.Contains("--profile"));
}

var root = FindRepositoryRoot();
var exe = args.Length > 0 ? Path.GetFullPath(args[0]) : Path.Combine(root, "src/Stayline/bin/Release/net10.0/stayline");
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 9;
if (!File.Exists(exe))
{
    Console.Error.WriteLine($"{exe} not found: run `dotnet build -c Release src/Stayline` first, or pass the path.");
    return 1;
}

var csv = Path.Combine(Path.GetTempPath(), "stayline-deadlines-bench-100k.csv");
File.WriteAllText(csv, MakeCsv(100_000));
Console.WriteLine($"input {csv}: 100,000 rows, {new FileInfo(csv).Length:N0} bytes; {runs} interleaved runs; {Environment.ProcessorCount} cores");

// Warm the OS file cache and the runtime's files once before timing.
Run(exe, ["deadline", "--csv", csv]);
var cat = new List<double>();
var start = new List<double>();
var deadline = new List<double>();
for (var i = 0; i < runs; i++)
{
    cat.Add(Run("cat", [csv]).Seconds);
    start.Add(Run(exe, ["calendar", "2025"]).Seconds);
    var (seconds, lines) = Run(exe, ["deadline", "--csv", csv]);
    if (lines != 100_001)
    {
        Console.Error.WriteLine($"deadline --csv wrote {lines} lines, expected 100,001");
        return 1;
    }

    deadline.Add(seconds);
}

Report("cat FILE (read+write the same bytes)", cat);
Report("stayline calendar 2025 (process start)", start);
Report("stayline deadline --csv FILE", deadline);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ratio deadline/cat {Median(deadline) / Median(cat):F1}x, deadline/start {Median(deadline) / Median(start):F2}x; target <= 2 s: {(Median(deadline) <= 2 ? "met" : "MISSED")}"));

// In process: 1,000,000 people x 3 deadlines, against the same loop that only adds the period (no calendar).
var random = new Random(3);
var triggers = Enumerable.Range(0, 3_000_000).Select(_ => new DateOnly(1990, 1, 1).AddDays(random.Next(40_000))).ToArray();
var rules = Enumerable.Range(0, triggers.Length).Select(i => DeadlineRules.All[i % DeadlineRules.All.Count]).ToArray();
var raw = new List<double>();
var due = new List<double>();
for (var i = 0; i < runs; i++)
{
    raw.Add(Time(() => Sum(triggers, rules, static (r, t) => t.AddDays(r.PeriodDays))));
    due.Add(Time(() => Sum(triggers, rules, static (r, t) => DeadlineCalculator.DueDate(r, t, CourtCalendar.Federal))));
}

Report("3,000,000 x trigger+period (baseline)", raw);
Report("3,000,000 x DeadlineCalculator.DueDate", due);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ratio DueDate/baseline {Median(due) / Median(raw):F1}x; {Median(due) / 3.0 * 1e3:F1} ns per due date"));

// Issue 15: business-day rules (foia-response 20, eoir43-appeal 10, eoir43-notice 1) count day by day; calendar-day
// rules add the period and roll forward. Same triggers, each kind alone, against the same baseline.
DeadlineRule[] OfKind(DeadlineCounting counting) => [.. DeadlineRules.All.Where(r => r.Counting == counting)];
var calendarKind = OfKind(DeadlineCounting.CalendarDaysNextCourtDay);
var businessKind = OfKind(DeadlineCounting.BusinessDays);
var calendarRules = Enumerable.Range(0, triggers.Length).Select(i => calendarKind[i % calendarKind.Length]).ToArray();
var businessRules = Enumerable.Range(0, triggers.Length).Select(i => businessKind[i % businessKind.Length]).ToArray();
var calendarDue = new List<double>();
var businessDue = new List<double>();
for (var i = 0; i < runs; i++)
{
    calendarDue.Add(Time(() => Sum(triggers, calendarRules, static (r, t) => DeadlineCalculator.DueDate(r, t, CourtCalendar.Federal))));
    businessDue.Add(Time(() => Sum(triggers, businessRules, static (r, t) => DeadlineCalculator.DueDate(r, t, CourtCalendar.Federal))));
}

Report("3,000,000 x DueDate, calendar-day rules only", calendarDue);
Report("3,000,000 x DueDate, business-day rules only", businessDue);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ratio business/calendar {Median(businessDue) / Median(calendarDue):F1}x; {Median(businessDue) / 3.0 * 1e3:F1} ns per business-day due date"));
return 0;

static (double Seconds, int Lines) Run(string file, string[] arguments)
{
    var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
    foreach (var argument in arguments)
    {
        info.ArgumentList.Add(argument);
    }

    var clock = Stopwatch.StartNew();
    using var process = Process.Start(info)!;
    var lines = 0;
    var buffer = new char[1 << 16];
    int read;
    while ((read = process.StandardOutput.Read(buffer, 0, buffer.Length)) > 0)
    {
        lines += buffer.AsSpan(0, read).Count('\n');
    }

    process.WaitForExit();
    var seconds = clock.Elapsed.TotalSeconds;
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}");
    }

    return (seconds, lines);
}

static double Time(Func<long> work)
{
    var clock = Stopwatch.StartNew();
    var sink = work();
    var seconds = clock.Elapsed.TotalSeconds;
    GC.KeepAlive(sink);
    return seconds;
}

static long Sum(DateOnly[] triggers, DeadlineRule[] rules, Func<DeadlineRule, DateOnly, DateOnly> due)
{
    long sum = 0;
    for (var i = 0; i < triggers.Length; i++)
    {
        sum += due(rules[i], triggers[i]).DayNumber;
    }

    return sum;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted[sorted.Length / 2];
}

static void Report(string name, List<double> seconds) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{name,-45} median {Median(seconds) * 1e3,7:F1} ms  (min {seconds.Min() * 1e3:F1}, max {seconds.Max() * 1e3:F1})"));

static string MakeCsv(int rows)
{
    var random = new Random(2017);
    var text = new StringBuilder("rule,trigger\n");
    for (var i = 0; i < rows; i++)
    {
        var rule = DeadlineRules.All[random.Next(DeadlineRules.All.Count)].Id;
        var trigger = new DateOnly(1990, 1, 1).AddDays(random.Next(40_000));
        text.Append(rule).Append(',').Append(trigger.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
    }

    return text.ToString();
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Stayline.slnx")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
