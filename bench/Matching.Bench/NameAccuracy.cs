using System.Globalization;
using Stayline.Domain.Matching;

namespace Matching.Bench;

/// <summary>
/// Scores NameComparer on the person rows of the OpenSanctions name benchmark and compares with the
/// published logic-v2 run on the same rows. Rows are split into two halves by a hash of the pair, so
/// that rules tuned while looking at one half can be checked on the other.
/// </summary>
internal static class NameAccuracy
{
    public static int Run(string[] args)
    {
        var dir = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "/work/shared/benchmarks/names";
        var dump = args.Contains("--dump");
        var rows = SimpleCsv.Read(Path.Combine(dir, "opensanctions-logicv2-run.csv"))
            .Where(r => r["schema"] == "Person")
            .ToList();
        var thresholds = new[] { 0.7, 0.75, 0.8, 0.85 };
        var scored = rows.Select(r => (
                Row: r,
                Truth: r["is_match"] == "true",
                Ours: NameComparer.Similarity(r["name1"], r["name2"]),
                Theirs: r["predicted_match"] == "true",
                Half: Half(r["name1"], r["name2"])))
            .ToList();

        Console.WriteLine($"person rows scored by logic-v2: {rows.Count}");
        Report("logic-v2 (published run, threshold 0.7)", scored.Select(s => (s.Truth, s.Theirs, s.Half)));
        foreach (var t in thresholds)
        {
            Report($"Stayline NameComparer >= {t.ToString(CultureInfo.InvariantCulture)}", scored.Select(s => (s.Truth, s.Ours >= t, s.Half)));
        }

        if (dump)
        {
            foreach (var s in scored.Where(s => s.Truth != (s.Ours >= NameComparer.MatchThreshold)).OrderBy(s => s.Half))
            {
                Console.WriteLine($"{(s.Truth ? "FN" : "FP")} h{s.Half} {s.Ours:0.000} | {s.Row["name1"]} | {s.Row["name2"]} | {NameComparer.Compare(ParsedName.Parse(s.Row["name1"]), ParsedName.Parse(s.Row["name2"]))}");
            }
        }

        return 0;
    }

    public static int Explain(string a, string b)
    {
        var pa = ParsedName.Parse(a);
        var pb = ParsedName.Parse(b);
        Console.WriteLine(string.Join(" ", pa.Tokens.Select(t => $"[{t.Key}|{t.AltKey}|{t.Skeleton}{(t.IsPatronymic ? "|P" : "")}]")));
        Console.WriteLine(string.Join(" ", pb.Tokens.Select(t => $"[{t.Key}|{t.AltKey}|{t.Skeleton}{(t.IsPatronymic ? "|P" : "")}]")));
        foreach (var x in pa.Tokens)
        {
            Console.WriteLine(string.Join("  ", pb.Tokens.Select(y => $"{x.Key}~{y.Key}={NameComparer.Pair(x, y):0.00}")));
        }

        Console.WriteLine(NameComparer.Compare(pa, pb));
        return 0;
    }

    /// <summary>`score GIVEN FAMILY DOB GIVEN FAMILY DOB`: one pair with the default model, every field's evidence.</summary>
    public static int ScorePair(string[] a)
    {
        PersonRecord R(int o)
        {
            BirthDate.TryParse(a[o + 2], out var d, out _);
            return new PersonRecord(o.ToString(CultureInfo.InvariantCulture), a[o], a[o + 1], d, null, null);
        }

        var p = Linker.Score(R(0), R(3));
        Console.WriteLine($"{p.Score:0.000} {p.Decision} {p.Evidence}");
        var others = Enumerable.Range(0, a.Length > 6 ? int.Parse(a[6], CultureInfo.InvariantCulture) : 0)
            .Select(i => new PersonRecord($"o{i}", i % 2 == 0 ? "Ali" : "Hanna", $"Family{(char)('a' + (i % 26))}{i}", BirthDate.Exact(1950 + i, 1 + (i % 12), 1 + (i % 28)), null, null));
        var run = Linker.Deduplicate([R(0), R(3), .. others], new LinkerOptions { MinScore = 0.001 });
        Console.WriteLine(run.Count == 0 ? "not found by a deduplicating run (not blocked together, or below 0.001)" : $"deduplicating run: {run[0].Score:0.000} {run[0].Evidence}");
        return 0;
    }

    // Stable split: FNV-1a of the pair text, so the halves do not depend on file order or the runtime's string hash.
    private static int Half(string a, string b)
    {
        var h = 2166136261u;
        foreach (var c in a + "|" + b)
        {
            h = (h ^ c) * 16777619u;
        }

        return (int)(h % 2);
    }

    private static void Report(string label, IEnumerable<(bool Truth, bool Predicted, int Half)> results)
    {
        var list = results.ToList();
        string F(IEnumerable<(bool Truth, bool Predicted, int Half)> xs)
        {
            int tp = 0, fp = 0, fn = 0, tn = 0;
            foreach (var (t, p, _) in xs)
            {
                if (t && p) tp++;
                else if (!t && p) fp++;
                else if (t) fn++;
                else tn++;
            }

            var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
            var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return string.Create(CultureInfo.InvariantCulture, $"P {precision:0.000} R {recall:0.000} F1 {f1:0.000} (n={tp + fp + fn + tn})");
        }

        Console.WriteLine($"{label,-40} all: {F(list)} | half0: {F(list.Where(x => x.Half == 0))} | half1: {F(list.Where(x => x.Half == 1))}");
    }
}
