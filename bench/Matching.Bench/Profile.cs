using System.Diagnostics;
using System.Globalization;
using Stayline.Domain.Matching;
using Stayline.Domain.People;

namespace Matching.Bench;

/// <summary>Times the stages of a dedup in-process: record construction, u estimation, linking.</summary>
internal static class Profile
{
    public static int Run(string[] args)
    {
        var path = args[0];
        var lines = File.ReadAllLines(path).Skip(1).Select(l => l.Split(',')).ToList();
        var sw = Stopwatch.StartNew();
        var records = new PersonRecord[lines.Count];
        Parallel.For(0, lines.Count, i =>
        {
            var f = lines[i];
            BirthDate.TryParse(f[3], out var dob, out _);
            ANumber.TryParse(f[4], out var a, out _);
            records[i] = new PersonRecord(f[0], f[1], f[2], dob, a, f[5]);
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"records: {sw.Elapsed.TotalSeconds:0.00} s"));
        sw.Restart();
        var model = MatchModel.EstimateU(records, null);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"estimate u: {sw.Elapsed.TotalSeconds:0.00} s"));
        sw.Restart();
        var pairs = Linker.Deduplicate(records, new LinkerOptions { Model = model, MinScore = 0.9 });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"deduplicate: {sw.Elapsed.TotalSeconds:0.00} s, {pairs.Count} pairs"));

        return 0;
    }
}
