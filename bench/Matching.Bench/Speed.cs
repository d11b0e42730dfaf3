using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Matching.Bench;

/// <summary>
/// Times `stayline match` on synthetic files under /usr/bin/time -v (wall time and peak RSS of the whole
/// process, runtime start-up included) against a baseline measured in the same run: reading the same
/// CSV files line by line and splitting every field (the floor for any tool that reads them).
/// </summary>
internal static partial class Speed
{
    public static int Run(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var dir = Arg("--dir", "/tmp/stayline-match-bench");
        var runs = int.Parse(Arg("--runs", "3"), CultureInfo.InvariantCulture);
        var dll = Arg("--stayline", Path.GetFullPath("src/Stayline/bin/Release/net10.0/stayline.dll"));
        var linkN = int.Parse(Arg("--link", "100000"), CultureInfo.InvariantCulture);
        var dedupN = int.Parse(Arg("--dedup", "1000000"), CultureInfo.InvariantCulture);
        Directory.CreateDirectory(dir);

        var left = Path.Combine(dir, $"left-{linkN}.csv");
        var right = Path.Combine(dir, $"right-{linkN}.csv");
        var dedup = Path.Combine(dir, $"dedup-{dedupN}.csv");
        if (linkN > 0 && !File.Exists(right))
        {
            Synthetic.WriteLink(dir, linkN, 11);
        }

        if (dedupN > 0 && !File.Exists(dedup))
        {
            Synthetic.WriteDedup(dir, dedupN, 12);
        }

        if (linkN > 0)
        {
            Measure($"link {linkN:N0} x {linkN:N0}", runs, [left, right], dll, ["match", left, right, "--out", Path.Combine(dir, "link-pairs.csv")]);
            LinkAccuracy(Path.Combine(dir, "link-pairs.csv"), Path.Combine(dir, $"link-{linkN}.truth"));
        }

        if (dedupN > 0)
        {
            Measure($"dedup {dedupN:N0}", runs, [dedup], dll, ["match", dedup, "--out", Path.Combine(dir, "dedup-pairs.csv")]);
            DedupAccuracy(Path.Combine(dir, "dedup-pairs.csv"), Path.Combine(dir, $"dedup-{dedupN}.truth"));
        }

        return 0;
    }

    private static void Measure(string label, int runs, string[] inputs, string dll, string[] matchArgs)
    {
        var baseline = new List<double>();
        var wall = new List<double>();
        var rss = new List<double>();
        var cpu = new List<double>();
        for (var r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            long fields = 0;
            foreach (var input in inputs)
            {
                using var reader = new StreamReader(input);
                while (reader.ReadLine() is { } line)
                {
                    fields += line.Split(',').Length;
                }
            }

            baseline.Add(sw.Elapsed.TotalSeconds);

            var psi = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true };
            psi.ArgumentList.Add("-v");
            psi.ArgumentList.Add("dotnet");
            psi.ArgumentList.Add(dll);
            foreach (var a in matchArgs)
            {
                psi.ArgumentList.Add(a);
            }

            sw.Restart();
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            wall.Add(sw.Elapsed.TotalSeconds);
            var kb = MaxRss().Match(stderr);
            rss.Add(kb.Success ? double.Parse(kb.Groups[1].Value, CultureInfo.InvariantCulture) / 1024 / 1024 : double.NaN);
            var user = UserTime().Match(stderr);
            var sys = SystemTime().Match(stderr);
            cpu.Add(user.Success && sys.Success
                ? double.Parse(user.Groups[1].Value, CultureInfo.InvariantCulture) + double.Parse(sys.Groups[1].Value, CultureInfo.InvariantCulture)
                : double.NaN);
            var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label} run {r + 1}: baseline {baseline[^1]:0.00} s ({fields:N0} fields), match {wall[^1]:0.00} s wall, {cpu[^1]:0.00} s CPU, peak RSS {rss[^1]:0.00} GiB, load {load}; {stdout.Result.Trim()}"));
            if (process.ExitCode != 0)
            {
                Console.WriteLine(stderr);
            }
        }

        var mb = Median(baseline);
        var mw = Median(wall);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: median baseline {mb:0.00} s, median match {mw:0.00} s wall (x{mw / mb:0.0} the baseline; min {wall.Min():0.00}, max {wall.Max():0.00}), median {Median(cpu):0.00} s CPU, median peak RSS {Median(rss):0.00} GiB, {runs} runs"));
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[(s.Count / 2) - 1] + s[s.Count / 2]) / 2;
    }

    private static void LinkAccuracy(string pairsPath, string truthPath)
    {
        var truth = File.ReadLines(truthPath).ToHashSet();
        var found = File.ReadLines(pairsPath).Skip(1).Select(l => string.Join(',', l.Split(',').Take(2))).ToHashSet();
        PrintAccuracy("link", truth.Count, found.Count, found.Count(truth.Contains));
    }

    private static void DedupAccuracy(string pairsPath, string truthPath)
    {
        var person = File.ReadLines(truthPath).Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        long truePairs = 0;
        foreach (var g in person.GroupBy(p => p))
        {
            long n = g.Count();
            truePairs += n * (n - 1) / 2;
        }

        var found = 0;
        var correct = 0;
        foreach (var line in File.ReadLines(pairsPath).Skip(1))
        {
            var parts = line.Split(',');
            found++;
            if (person[int.Parse(parts[0].AsSpan(1), CultureInfo.InvariantCulture)] == person[int.Parse(parts[1].AsSpan(1), CultureInfo.InvariantCulture)])
            {
                correct++;
            }
        }

        PrintAccuracy("dedup", truePairs, found, correct);
    }

    private static void PrintAccuracy(string label, long truePairs, long found, long correct)
    {
        var precision = found == 0 ? 0 : (double)correct / found;
        var recall = truePairs == 0 ? 0 : (double)correct / truePairs;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label} accuracy on the synthetic truth: {found:N0} pairs, precision {precision:0.000}, recall {recall:0.000}, F1 {f1:0.000} ({truePairs:N0} true pairs)"));
    }

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex MaxRss();

    [GeneratedRegex(@"User time \(seconds\): ([\d.]+)")]
    private static partial Regex UserTime();

    [GeneratedRegex(@"System time \(seconds\): ([\d.]+)")]
    private static partial Regex SystemTime();
}
