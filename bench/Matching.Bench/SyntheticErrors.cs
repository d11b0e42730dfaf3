using System.Globalization;
using Stayline.Domain.Matching;
using Stayline.Domain.People;

namespace Matching.Bench;

/// <summary>Prints a sample of missed and wrong pairs on a small synthetic dedup file, to see what the model gets wrong.</summary>
internal static class SyntheticErrors
{
    public static int Run(string[] args)
    {
        var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20000;
        var dir = Directory.CreateTempSubdirectory("stayline-syn-").FullName;
        Synthetic.WriteDedup(dir, n, 12);
        var rows = SimpleCsv.Read(Path.Combine(dir, $"dedup-{n}.csv")).ToList();
        var person = File.ReadLines(Path.Combine(dir, $"dedup-{n}.truth")).Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        var records = rows.Select(r =>
        {
            BirthDate.TryParse(r["dob"], out var dob, out _);
            ANumber.TryParse(r["a_number"], out var a, out _);
            return new PersonRecord(r["id"], r["given_name"], r["family_name"], dob, a, r["country"]);
        }).ToList();
        // --learned: the model `match` uses (m learned by expectation maximisation); default: reasoned m, u estimated.
        var context = Linker.ContextFor(records, null, args.Contains("--learned") ? null : MatchModel.EstimateU(records, null));
        var model = context.Model;
        foreach (var f in new[] { ModelField.Name, ModelField.BirthDate, ModelField.Country })
        {
            Console.WriteLine($"  {f,-11} m {string.Join(" ", model.M(f).Select(x => x.ToString("0.000", CultureInfo.InvariantCulture)))}");
        }

        var pairs = Linker.Deduplicate(records, new LinkerOptions { MinScore = 0.01, Context = context });
        {
            var predicted = pairs.Where(p => p.Score >= MatchModel.SameThreshold).ToList();
            var tp = predicted.Count(p => person[p.Left] == person[p.Right]);
            var all = Enumerable.Range(0, n).GroupBy(i => person[i]).Sum(g => (long)g.Count() * (g.Count() - 1) / 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"score >= 0.9: TP {tp} FP {predicted.Count - tp} FN {all - tp} P {(double)tp / predicted.Count:0.000} R {(double)tp / all:0.000}"));
        }

        var found = pairs.Where(p => p.Score >= MatchModel.SameThreshold).Select(p => (p.Left, p.Right)).ToHashSet();
        var candidates = pairs.Select(p => (p.Left, p.Right)).ToHashSet();
        var levels = new Dictionary<string, int>();
        var shown = 0;
        foreach (var g in Enumerable.Range(0, n).GroupBy(i => person[i]))
        {
            var ids = g.ToList();
            for (var x = 0; x < ids.Count; x++)
            {
                for (var y = x + 1; y < ids.Count; y++)
                {
                    if (found.Contains((ids[x], ids[y])))
                    {
                        continue;
                    }

                    var s = Linker.Score(records[ids[x]], records[ids[y]], context);
                    var key = $"{s.Evidence.NameLevel}/{s.Evidence.BirthDateLevel}/{s.Evidence.ANumberLevel}{(candidates.Contains((ids[x], ids[y])) ? "" : " (not blocked)")}";
                    levels[key] = levels.GetValueOrDefault(key) + 1;
                    if (shown++ < 25)
                    {
                        Console.WriteLine($"FN {s.Score:0.000} {Show(rows[ids[x]])} | {Show(rows[ids[y]])} | {key} {s.Evidence.Name}");
                    }
                }
            }
        }

        foreach (var kv in levels.OrderByDescending(kv => kv.Value).Take(25))
        {
            Console.WriteLine($"{kv.Key,-50} {kv.Value}");
        }

        foreach (var p in pairs.Where(p => p.Score >= MatchModel.SameThreshold && person[p.Left] != person[p.Right]).Take(15))
        {
            Console.WriteLine($"FP {p.Score:0.000} {Show(rows[p.Left])} | {Show(rows[p.Right])} | {p.Evidence.NameLevel}/{p.Evidence.BirthDateLevel}/{p.Evidence.ANumberLevel}");
        }

        Directory.Delete(dir, true);
        return 0;
    }

    private static string Show(Dictionary<string, string> r) => $"{r["given_name"]} / {r["family_name"]} {r["dob"]} {r["a_number"]}";
}
