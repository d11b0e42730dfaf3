using System.Globalization;
using Stayline.Domain.Matching;

namespace Matching.Bench;

/// <summary>
/// Deduplicates Splink's fake_1000 (first_name, surname, dob, and city and email unless --no-extras) as
/// `stayline match` does (m learned by expectation maximisation, clusters with the pairs they imply) and scores
/// the pairs against the true clusters, and separately against the 3,176 clerically labelled pairs.
/// --half 0|1 keeps only the people whose cluster number is even/odd (half 1 is held out: nothing was tuned on it).
/// </summary>
internal static class PeopleAccuracy
{
    public static int Run(string[] args)
    {
        var dir = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !int.TryParse(a, out _)) ?? "/work/shared/benchmarks/people";
        var rows = SimpleCsv.Read(Path.Combine(dir, "fake_1000.csv")).ToList();
        var half = Array.IndexOf(args, "--half") is var h && h >= 0 ? int.Parse(args[h + 1], CultureInfo.InvariantCulture) : -1;
        if (half >= 0)
        {
            rows = rows.Where(r => int.Parse(r["cluster"], CultureInfo.InvariantCulture) % 2 == half).ToList();
        }

        var extras = !args.Contains("--no-extras");
        var records = rows.Select(r =>
        {
            BirthDate.TryParse(r["dob"], out var dob, out _);
            return new PersonRecord(r["unique_id"], r["first_name"], r["surname"], dob, null, null)
            {
                Extras = extras ? new PersonExtras(city: r["city"], email: r["email"]) : null,
            };
        }).ToList();
        var cluster = rows.Select(r => r["cluster"]).ToArray();
        var truePairs = 0;
        foreach (var g in cluster.GroupBy(c => c))
        {
            var n = g.Count();
            truePairs += n * (n - 1) / 2;
        }

        Console.WriteLine($"fake_1000: {records.Count} records, {cluster.Distinct().Count()} people, {truePairs} true pairs");
        var context = Linker.ContextFor(records, null, args.Contains("--u-only") ? MatchModel.EstimateU(records, null) : null);
        var model = context.Model;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"EM: {model.Iterations} rounds, {model.LearnedMatches:0} matches among the sampled candidates"));
        foreach (var f in Enum.GetValues<ModelField>())
        {
            Console.WriteLine($"  {f,-11} m {string.Join(" ", model.M(f).Select(x => x.ToString("0.000", CultureInfo.InvariantCulture)))}  u {string.Join(" ", model.U(f).Select(x => x.ToString("0.0000", CultureInfo.InvariantCulture)))}");
        }

        var all = Linker.Deduplicate(records, new LinkerOptions { MinScore = 0.01, Context = context });
        foreach (var t in new[] { MatchModel.ReviewThreshold, 0.5, 0.7, MatchModel.SameThreshold })
        {
            var predicted = all.Where(p => p.Score >= t).ToList();
            var tp = predicted.Count(p => cluster[p.Left] == cluster[p.Right]);
            Print($"all pairs, score >= {t.ToString(CultureInfo.InvariantCulture)}", tp, predicted.Count - tp, truePairs - tp);
        }

        // As `match` writes them: the pairs at the threshold and every pair their clusters imply.
        foreach (var (t, floor) in new[] { (0.5, Clusters.ClearlyDifferent), (MatchModel.SameThreshold, Clusters.ClearlyDifferent), (MatchModel.SameThreshold, 0.1), (MatchModel.SameThreshold, 0.01), (MatchModel.SameThreshold, 0.0) })
        {
            Console.Write($"guard {floor}: ");
            var direct = all.Where(p => p.Score >= t).ToList();
            var grouping = Clusters.Build(records.Count, direct, t, (x, y) => Linker.Score(records[x], records[y], context).Score, floor);
            var set = direct.Select(p => (p.Left, p.Right)).Concat(grouping.Implied.Select(i => (i.Left, i.Right))).ToHashSet();
            var tp = set.Count(p => cluster[p.Left] == cluster[p.Right]);
            Print($"with clusters, score >= {t.ToString(CultureInfo.InvariantCulture)}", tp, set.Count - tp, truePairs - tp);
            Console.WriteLine($"  {grouping.ClusterOf.Distinct().Count()} clusters, {grouping.Implied.Count} implied, {grouping.RefusedLinks} refused");
        }

        // Clerical labels: score every labelled pair directly (no blocking), with the run's model.
        var index = rows.Select((r, i) => (r["unique_id"], i)).ToDictionary(x => x.Item1, x => x.i);
        var labels = SimpleCsv.Read(Path.Combine(dir, "fake_1000_labels.csv")).Where(l => index.ContainsKey(l["unique_id_l"]) && index.ContainsKey(l["unique_id_r"])).ToList();
        foreach (var t in new[] { MatchModel.ReviewThreshold, MatchModel.SameThreshold })
        {
            int tp = 0, fp = 0, fn = 0;
            foreach (var l in labels)
            {
                var truth = double.Parse(l["clerical_match_score"], CultureInfo.InvariantCulture) >= 0.5;
                var pair = Linker.Score(records[index[l["unique_id_l"]]], records[index[l["unique_id_r"]]], context);
                var predicted = pair.Score >= t;
                if (truth && predicted) tp++;
                else if (predicted) fp++;
                else if (truth) fn++;
            }

            Print($"labelled pairs, score >= {t.ToString(CultureInfo.InvariantCulture)}", tp, fp, fn);
        }

        if (args.Contains("--levels"))
        {
            var levels = new Dictionary<string, int>();
            foreach (var g in Enumerable.Range(0, rows.Count).GroupBy(i => cluster[i]))
            {
                var ids = g.ToList();
                for (var x = 0; x < ids.Count; x++)
                {
                    for (var y = x + 1; y < ids.Count; y++)
                    {
                        var e = Linker.Score(records[ids[x]], records[ids[y]], model).Evidence;
                        var k = $"{e.NameLevel}/{e.BirthDateLevel}";
                        levels[k] = levels.GetValueOrDefault(k) + 1;
                    }
                }
            }

            var got = all.Where(p => p.Score >= MatchModel.ReviewThreshold).Select(p => (p.Left, p.Right)).ToHashSet();
            var missed = 0;
            foreach (var g in Enumerable.Range(0, rows.Count).GroupBy(i => cluster[i]))
            {
                var ids = g.ToList();
                for (var x = 0; x < ids.Count; x++)
                {
                    for (var y = x + 1; y < ids.Count; y++)
                    {
                        var s = Linker.Score(records[ids[x]], records[ids[y]], model);
                        if (s.Score >= MatchModel.ReviewThreshold && !got.Contains((ids[x], ids[y])) && missed++ < 10)
                        {
                            Console.WriteLine($"not blocked: {Describe(rows[ids[x]])} | {Describe(rows[ids[y]])} {s.Score:0.00}");
                        }
                    }
                }
            }

            Console.WriteLine($"scored >= review but not found by blocking: {missed}");
            foreach (var kv in levels.OrderByDescending(kv => kv.Value))
            {
                Console.WriteLine($"{kv.Key,-30} {kv.Value}");
            }
        }

        if (args.Contains("--dump"))
        {
            var found = all.Where(p => p.Score >= MatchModel.SameThreshold).Select(p => (p.Left, p.Right)).ToHashSet();
            foreach (var p in all.Where(p => p.Score >= MatchModel.SameThreshold && cluster[p.Left] != cluster[p.Right]).Take(30))
            {
                Console.WriteLine($"FP {p.Score:0.000} {Describe(rows[p.Left])} | {Describe(rows[p.Right])} | {p.Evidence}");
            }

            var byCluster = Enumerable.Range(0, rows.Count).GroupBy(i => cluster[i]);
            var shown = 0;
            foreach (var g in byCluster)
            {
                var ids = g.ToList();
                for (var x = 0; x < ids.Count && shown < 40; x++)
                {
                    for (var y = x + 1; y < ids.Count && shown < 40; y++)
                    {
                        if (!found.Contains((ids[x], ids[y])))
                        {
                            var s = Linker.Score(records[ids[x]], records[ids[y]], model);
                            Console.WriteLine($"FN {s.Score:0.000} {Describe(rows[ids[x]])} | {Describe(rows[ids[y]])} | {s.Evidence.NameLevel} {s.Evidence.BirthDateLevel}");
                            shown++;
                        }
                    }
                }
            }
        }

        return 0;
    }

    private static string Describe(Dictionary<string, string> r) => $"{r["first_name"]} {r["surname"]} {r["dob"]}";

    private static void Print(string label, int tp, int fp, int fn)
    {
        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-36} TP {tp,5} FP {fp,5} FN {fn,5}  P {precision:0.000} R {recall:0.000} F1 {f1:0.000}"));
    }
}
