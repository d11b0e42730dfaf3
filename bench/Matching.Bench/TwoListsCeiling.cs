using System.Globalization;
using Stayline.Domain.Matching;

namespace Matching.Bench;

/// <summary>
/// `twolists-ceiling SEED [PEOPLE] [--show N]`: the two-list set's own ambiguity ceiling, the recall no linker can pass
/// at precision 1.0 whatever its method.
///
/// A true pair (L, R) is ambiguous when the other list holds a rival that R's fields (or L's) cannot tell apart from
/// the true partner. From a row V's point of view two candidates X and Y are indistinguishable when they agree on
/// every field V has and differ at most in fields V leaves empty:
/// - name, word by word in its place (own given name, father's, grandfather's ..., family name words), each word
///   under the engine's own normalisation (its name family, else its phonetic key without a glued article): for every
///   place V fills, X and Y hold the same word there (or both none); where V leaves a place empty, X and Y may differ
///   (other words, or a word against none), unless the word is one V has in another place: a father's name V does
///   not write is no evidence either way (lists write it or not whoever the person is), one V wrote in the wrong
///   field is;
/// - birth date: V has none: anything goes; V has only a year, or 1 January (the placeholder), X and Y are in the
///   same year (and, for 1 January, both or neither exactly V's date); any other date of V: X and Y have the same date;
/// - A-number: V has one: X and Y both carry it, or both lack one, or both carry another; country likewise.
/// Indistinguishable is deliberately strict (agreement word for word, date for date): the ceiling it gives is an upper
/// bound; a looser notion (a similar name, a near date) would only lower it.
///
/// One-to-one lists (each person at most once per list) let a linker rule a rival out when that rival is itself
/// surely linked to someone else. The count therefore repeats: pairs without a rival are resolved, their two records
/// leave every rival set, and the rest are looked at again until nothing changes. What is left cannot be linked at
/// precision 1.0; linking one of them is a guess among 1 + k equally good candidates.
///
/// `--unique` adds the other side of it: a pair with no rival may still be false, when the hotline row is someone the
/// government list does not have (a namesake or cousin of someone it does) and nothing else tells them apart; it counts
/// such pairs, and the precision a linker of every unrivalled pair would have. `--misses` runs the engine as
/// `twolists SEED` does, splits its misses into ambiguous and linkable, shows how often its pairs are true by score
/// band (calibration), and the best F1 its own ranking allows at precision 0.99 or more.
/// </summary>
internal sealed partial class TwoLists
{
    private const int GivenPlaces = 4;
    private const int FamilyPlaces = 3;

    /// <summary>The words of a record by place: own given name, father, grandfather, more; then family name words.</summary>
    private static string?[] Places(PersonRecord r)
    {
        var places = new string?[GivenPlaces + FamilyPlaces];
        for (var i = 0; i < r.Given.Tokens.Count; i++)
        {
            places[Math.Min(i, GivenPlaces - 1)] ??= WordKey(r.Given.Tokens[i]);
        }

        for (var i = 0; i < r.Family.Tokens.Count; i++)
        {
            places[GivenPlaces + Math.Min(i, FamilyPlaces - 1)] ??= WordKey(r.Family.Tokens[i]);
        }

        return places;
    }

    /// <summary>`--loose`: words compared by the engine's coarse index key (consonant skeleton without w, y, h) unless they
    /// belong to a name family, so that spelling variants the hotline produces (Sheikho / Shaikho, Hamama / Hamamah)
    /// count as one word. This also merges some distinct names, so the ceiling it gives is an estimate, not a bound.</summary>
    private static bool loose;

    private static string WordKey(NameToken t) =>
        string.Intern(t.Family != 0 ? "#" + t.Family.ToString(CultureInfo.InvariantCulture) : loose ? "~" + t.IndexKey : t.AltKey ?? t.Key);

    /// <summary>Whether V (with its places <paramref name="v"/>) can tell X from Y.</summary>
    private static bool Indistinguishable(PersonRecord vr, string?[] v, PersonRecord xr, string?[] x, PersonRecord yr, string?[] y)
    {
        for (var p = 0; p < v.Length; p++)
        {
            if (ReferenceEquals(x[p], y[p]))
            {
                continue;
            }

            // They differ here (other words, or one has a word and the other none): only V's silence hides it, and
            // only if neither word is one V has elsewhere (a name written in the other field would tell them apart).
            if (v[p] is not null || (x[p] is not null && Array.IndexOf(v, x[p]) >= 0) || (y[p] is not null && Array.IndexOf(v, y[p]) >= 0))
            {
                return false;
            }
        }

        var d = vr.BirthDate;
        if (!d.IsMissing)
        {
            if (d.IsYearOnly || d.IsPlaceholder)
            {
                if (xr.BirthDate.Year != yr.BirthDate.Year || (d.IsPlaceholder && (xr.BirthDate == d) != (yr.BirthDate == d)))
                {
                    return false;
                }
            }
            else if (xr.BirthDate != yr.BirthDate)
            {
                return false;
            }
        }

        if (vr.ANumber is { } a && ANumberView(a, xr.ANumber) != ANumberView(a, yr.ANumber))
        {
            return false;
        }

        return vr.Country.Length == 0 || (xr.Country == vr.Country) == (yr.Country == vr.Country);
    }

    private static int ANumberView(Stayline.Domain.People.ANumber a, Stayline.Domain.People.ANumber? b) =>
        b is null ? 0 : b.Value.Digits == a.Digits ? 1 : 2;

    /// <summary>Word for word, date for date, A-number for A-number agreement on every field both records have.</summary>
    private static bool Compatible(PersonRecord a, string?[] ap, PersonRecord b, string?[] bp)
    {
        for (var p = 0; p < ap.Length; p++)
        {
            if (ap[p] is not null && bp[p] is not null && !ReferenceEquals(ap[p], bp[p]))
            {
                return false;
            }
        }

        var (x, y) = (a.BirthDate, b.BirthDate);
        var dateOk = x.IsMissing || y.IsMissing || x == y
            || ((x.IsPlaceholder || y.IsPlaceholder || x.IsYearOnly || y.IsYearOnly) && x.Year == y.Year);
        return dateOk && (a.ANumber is null || b.ANumber is null || a.ANumber.Value.Digits == b.ANumber.Value.Digits);
    }

    /// <summary>
    /// The other half of the ceiling: a pair with no rival on either list is linkable only if such a pair is rarely
    /// false, yet a hotline row may be someone the government list does not have (a namesake or cousin of someone it
    /// does). Links every pair of records that agree on all they both have and have no other such partner on either
    /// list, and counts how many are true, by what the hotline row says of the birth date.
    /// </summary>
    private static int Unique(List<PersonRecord> left, List<PersonRecord> right, string?[][] lp, string?[][] rp, HashSet<(int L, int R)> truth)
    {
        var leftCount = new int[left.Count];
        var rightCount = new int[right.Count];
        var candidates = new List<(int L, int R)>();
        for (var l = 0; l < left.Count; l++)
        {
            for (var r = 0; r < right.Count; r++)
            {
                if (Compatible(left[l], lp[l], right[r], rp[r]))
                {
                    leftCount[l]++;
                    rightCount[r]++;
                    candidates.Add((l, r));
                }
            }
        }

        var byKind = new SortedDictionary<string, (int True, int False)>(StringComparer.Ordinal);
        foreach (var (l, r) in candidates.Where(c => leftCount[c.L] == 1 && rightCount[c.R] == 1))
        {
            var d = right[r].BirthDate;
            var kind = d.IsMissing ? "hotline date missing" : d.IsPlaceholder ? "hotline date 1 January" : "hotline date full";
            kind += left[l].ANumber is not null && right[r].ANumber is not null ? ", A-number on both" : string.Empty;
            var (t, f) = byKind.GetValueOrDefault(kind);
            byKind[kind] = truth.Contains((l, r)) ? (t + 1, f) : (t, f + 1);
        }

        Console.WriteLine("pairs that agree on everything both have and have no other such partner (true / false, precision):");
        foreach (var (kind, (t, f)) in byKind)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind,-45} {t,5} / {f,4}  {(double)t / (t + f):0.000}"));
        }

        return byKind.Values.Sum(v => v.False);
    }

    private static HashSet<string> CoarseKeys(PersonRecord r)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (r.BirthDate.IsMissing)
        {
            return keys;
        }

        foreach (var t in r.Name.Tokens)
        {
            var coarse = TokenKey.Coarse(t.IndexKey);
            if (coarse.Length >= 2)
            {
                keys.Add(coarse + "/" + r.BirthDate.Year.ToString(CultureInfo.InvariantCulture));
            }
        }

        return keys;
    }

    public static int Ceiling(string[] args)
    {
        var seed = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1;
        var people = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3000;
        var show = args.SkipWhile(a => a != "--show").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(0);
        loose = args.Contains("--loose");
        var (leftRows, rightRows, truth) = Generate(seed, people);
        var left = leftRows.Select(ToRecord).ToList();
        var right = rightRows.Select(ToRecord).ToList();
        var leftPlaces = left.Select(Places).ToArray();
        var rightPlaces = right.Select(Places).ToArray();
        var leftIndex = left.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var rightIndex = right.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var pairs = truth.Select(t => (L: leftIndex[t.Item1], R: rightIndex[t.Item2])).OrderBy(p => p.L).ToList();

        // Rivals of each true pair, once: left records R cannot tell from L, right records L cannot tell from R.
        var rivals = new List<(List<int> Left, List<int> Right)>(pairs.Count);
        foreach (var (l, r) in pairs)
        {
            var lr = new List<int>();
            for (var y = 0; y < left.Count; y++)
            {
                if (y != l && Indistinguishable(right[r], rightPlaces[r], left[l], leftPlaces[l], left[y], leftPlaces[y]))
                {
                    lr.Add(y);
                }
            }

            var rr = new List<int>();
            for (var y = 0; y < right.Count; y++)
            {
                if (y != r && Indistinguishable(left[l], leftPlaces[l], right[r], rightPlaces[r], right[y], rightPlaces[y]))
                {
                    rr.Add(y);
                }
            }

            rivals.Add((lr, rr));
        }

        var firstRound = rivals.Count(x => x.Left.Count == 0 && x.Right.Count == 0);

        // One-to-one: a record surely linked to its own partner is no rival to anyone else. Repeat until stable.
        var takenLeft = new bool[left.Count];
        var takenRight = new bool[right.Count];
        var resolved = new bool[pairs.Count];
        int Open(int k) => rivals[k].Left.Count(y => !takenLeft[y]) + rivals[k].Right.Count(y => !takenRight[y]);
        bool changed;
        var rounds = 0;
        do
        {
            changed = false;
            rounds++;
            for (var k = 0; k < pairs.Count; k++)
            {
                if (!resolved[k] && Open(k) == 0)
                {
                    resolved[k] = true;
                    takenLeft[pairs[k].L] = true;
                    takenRight[pairs[k].R] = true;
                    changed = true;
                }
            }
        }
        while (changed);

        var n = pairs.Count;
        var sure = resolved.Count(x => x);
        var recall = (double)sure / n;
        var recallNoOneToOne = (double)firstRound / n;

        // At precision 0.99 a linker may also guess some ambiguous pairs: one with k open rivals is right 1 time in
        // 1 + k (expected); guess the least ambiguous first while the expected false positives stay within 1 %.
        double tp = sure, fp = 0;
        foreach (var k in Enumerable.Range(0, n).Where(k => !resolved[k]).Select(Open).Order())
        {
            var hit = 1.0 / (1 + k);
            if (fp + 1 - hit > 0.01 * (tp + fp + 1))
            {
                break;
            }

            tp += hit;
            fp += 1 - hit;
        }

        var p99 = tp / (tp + fp);
        var r99 = tp / n;
        Console.WriteLine($"seed {seed}: government {left.Count} rows, hotline {right.Count} rows, {n} true pairs");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"no rival at all: {firstRound} (recall {recallNoOneToOne:0.000}); with one-to-one ({rounds} rounds): {sure} resolved, {n - sure} ambiguous"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ceiling at precision 1.0: recall {recall:0.000}, F1 {2 * recall / (1 + recall):0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ceiling at precision >= 0.99 (expected, guessing the least ambiguous): recall {r99:0.000}, F1 {2 * p99 * r99 / (p99 + r99):0.000}"));

        // What the ambiguous pairs look like: the hotline row's date, and whether the rival is on the other list or its own.
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < n; k++)
        {
            if (resolved[k])
            {
                continue;
            }

            var d = right[pairs[k].R].BirthDate;
            var date = d.IsMissing ? "hotline date missing" : d.IsPlaceholder ? "hotline date 1 January" : "hotline date full";
            var side = rivals[k].Left.Any(y => !takenLeft[y]) ? "rival on the government list" : "rival on the hotline";
            var key = date + ", " + side;
            kinds[key] = kinds.GetValueOrDefault(key) + 1;
        }

        foreach (var kv in kinds.OrderByDescending(kv => kv.Value))
        {
            Console.WriteLine($"  {kv.Key,-60} {kv.Value}");
        }

        if (args.Contains("--unique"))
        {
            // A linker that links every unrivalled true pair links these false ones with them: nothing on either list
            // rivals them either. They are counted word for word only (a namesake with a misspelt name is left out), so
            // the precision below is still an upper bound.
            var falseUnique = Unique(left, right, leftPlaces, rightPlaces, pairs.ToHashSet());
            var pu = (double)sure / (sure + falseUnique);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"linking every unrivalled pair: TP {sure}, FP >= {falseUnique}: P <= {pu:0.000}, R {recall:0.000}, F1 <= {2 * pu * recall / (pu + recall):0.000}"));
        }

        if (args.Contains("--misses"))
        {
            // The engine's own run (as `twolists SEED`), its misses split into ambiguous (no method links them at
            // precision 1.0) and linkable; the linkable ones are listed with their evidence.
            var all = Linker.Link(left, right, new LinkerOptions { MinScore = 0.01, OneToOne = true });
            var linked = all.Where(q => q.Score >= MatchModel.SameThreshold).Select(q => (q.Left, q.Right)).ToHashSet();
            var truthSet = pairs.ToHashSet();

            // Calibration: how often the engine's pairs are true, by its own score (a calibrated score is the share).
            Console.WriteLine("engine score band: pairs, true share");
            foreach (var (lo, hi) in new[] { (0.01, 0.1), (0.1, 0.2), (0.2, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 0.99), (0.99, 1.01) })
            {
                var band = all.Where(q => q.Score >= lo && q.Score < hi).ToList();
                var t = band.Count(q => truthSet.Contains((q.Left, q.Right)));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{lo:0.00}, {Math.Min(hi, 1):0.00}) {band.Count,5} {(band.Count == 0 ? 0 : (double)t / band.Count):0.000}"));
            }

            var model = MatchModel.EstimateU(left, right);
            // `--false-in LO HI`: the false pairs the engine scores in that band, with their evidence.
            var falseIn = args.SkipWhile(a => a != "--false-in").Skip(1).Take(2).Select(a => double.Parse(a, CultureInfo.InvariantCulture)).ToArray();
            if (falseIn.Length == 2)
            {
                var falseKinds = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var q in all.Where(q => q.Score >= falseIn[0] && q.Score < falseIn[1] && !truthSet.Contains((q.Left, q.Right))).OrderByDescending(q => q.Score))
                {
                    var who = truthSet.Any(t => t.L == q.Left) ? "gov has partner" : "gov alone";
                    who += truthSet.Any(t => t.R == q.Right) ? ", hotline has partner" : ", hotline alone";
                    var key = $"{q.Evidence.NameLevel}/{q.Evidence.BirthDateLevel}, {who}";
                    falseKinds[key] = falseKinds.GetValueOrDefault(key) + 1;
                    if (falseKinds[key] <= 2)
                    {
                        Console.WriteLine($"FALSE {q.Score:0.000} {Show(left[q.Left])} | {Show(right[q.Right])} | {key}");
                    }
                }

                foreach (var kv in falseKinds.OrderByDescending(kv => kv.Value))
                {
                    Console.WriteLine($"  {kv.Key,-60} {kv.Value}");
                }
            }

            // The best the engine's own ranking allows: F1 at the score threshold that keeps precision >= 0.99.
            var ranked = all.OrderByDescending(q => q.Score).ToList();
            var (bestF1, bestAt, bestP, bestR) = (0.0, 1.0, 0.0, 0.0);
            var (tps, fps) = (0, 0);
            for (var i = 0; i < ranked.Count; i++)
            {
                _ = truthSet.Contains((ranked[i].Left, ranked[i].Right)) ? tps++ : fps++;
                var (pr, rc) = ((double)tps / (tps + fps), (double)tps / n);
                if (pr >= 0.99 && 2 * pr * rc / (pr + rc) > bestF1 && (i + 1 == ranked.Count || ranked[i + 1].Score < ranked[i].Score))
                {
                    (bestF1, bestAt, bestP, bestR) = (2 * pr * rc / (pr + rc), ranked[i].Score, pr, rc);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"engine ranking at its best threshold with precision >= 0.99: score >= {bestAt:0.000}, P {bestP:0.000} R {bestR:0.000} F1 {bestF1:0.000}"));
            // `--diag`: the engine's pairs at 0.3 or more by score band, whether another pair of either record scores 0.01
            // or 0.1 or more (a rival), and birth-date level: true / false counts (how session 14 found the rival field).
            if (args.Contains("--diag"))
            {
                var byL = all.GroupBy(q => q.Left).ToDictionary(g => g.Key, g => g.ToList());
                var byR = all.GroupBy(q => q.Right).ToDictionary(g => g.Key, g => g.ToList());
                var cells = new Dictionary<string, (int T, int F)>(StringComparer.Ordinal);
                foreach (var q in all.Where(q => q.Score >= 0.3))
                {
                    var rl = byL[q.Left].Where(o => o != q).Max(o => (double?)o.Score) ?? 0;
                    var rr = byR[q.Right].Where(o => o != q).Max(o => (double?)o.Score) ?? 0;
                    var band = q.Score >= 0.9 ? "0.9+" : q.Score >= 0.7 ? "0.7-0.9" : q.Score >= 0.5 ? "0.5-0.7" : "0.3-0.5";
                    var riv = Math.Max(rl, rr) >= 0.1 ? "rival>=0.1" : Math.Max(rl, rr) >= 0.01 ? "rival>=0.01" : "no rival";
                    var key = $"{band} {riv} {q.Evidence.BirthDateLevel}";
                    var c = cells.GetValueOrDefault(key);
                    cells[key] = truthSet.Contains((q.Left, q.Right)) ? (c.T + 1, c.F) : (c.T, c.F + 1);
                }

                Console.WriteLine($"DIAG sum of scores {all.Sum(q => q.Score):0.0}, >= 0.3: {all.Where(q => q.Score >= 0.3).Sum(q => q.Score):0.0}, true pairs {n}");
                foreach (var kv in cells.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    Console.WriteLine($"DIAG {kv.Key,-45} {kv.Value.T,5} {kv.Value.F,4}");
                }
            }

            var missedLinkable = Enumerable.Range(0, n).Where(k => resolved[k] && !linked.Contains(pairs[k])).ToList();
            var missedAmbiguous = Enumerable.Range(0, n).Count(k => !resolved[k] && !linked.Contains(pairs[k]));
            Console.WriteLine($"engine misses at {MatchModel.SameThreshold}: {missedLinkable.Count + missedAmbiguous} ({missedAmbiguous} ambiguous, {missedLinkable.Count} linkable); ambiguous pairs it linked anyway: {n - sure - missedAmbiguous}");
            var levels = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var k in missedLinkable)
            {
                var (l, r) = pairs[k];
                var e = Linker.Score(left[l], right[r], model).Evidence;
                var key = $"{e.NameLevel}/{e.BirthDateLevel}";
                levels[key] = levels.GetValueOrDefault(key) + 1;
            }

            foreach (var kv in levels.OrderByDescending(kv => kv.Value))
            {
                Console.WriteLine($"  {kv.Key,-30} {kv.Value}");
            }

            if (args.Contains("--context"))
            {
                var context = Linker.ContextFor(left, right);
                foreach (var k in missedLinkable.Take(3))
                {
                    Console.WriteLine($"CONTEXT {Linker.Score(left[pairs[k].L], right[pairs[k].R], context)}");
                }

                Console.WriteLine($"prior {context.Model.PriorWeight}");
            }

            // The run's own (one-to-one) score of each linkable miss, by band; a pair the run did not keep scored under 0.01.
            var runScore = all.ToDictionary(q => (q.Left, q.Right), q => q.Score);
            var many = Linker.Link(left, right, new LinkerOptions { MinScore = 0.01, OneToOne = false }).ToDictionary(q => (q.Left, q.Right), q => q.Score);
            var candidates = many.Keys.ToHashSet();
            var notCompared = missedLinkable.Where(k => !candidates.Contains(pairs[k])).ToList();
            Console.WriteLine($"linkable misses that were never a candidate (blocking) or scored under 0.01 alone in the run: {notCompared.Count}");

            // A blocking key that would reach them (measured here only, not in the engine): a coarser key of any name
            // word that merges what the hotline's spelling changes (z/d, j/g, q/k/g, doubles), with the year.
            // Reported: how many of those pairs share it, and how many pairs the key adds overall.
            var coarseLeft = left.Select(CoarseKeys).ToArray();
            var coarseRight = right.Select(CoarseKeys).ToArray();
            var reached = notCompared.Count(k => coarseLeft[pairs[k].L].Overlaps(coarseRight[pairs[k].R]));
            var leftByKey = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var keys in coarseLeft)
            {
                foreach (var key in keys)
                {
                    leftByKey[key] = leftByKey.GetValueOrDefault(key) + 1;
                }
            }

            var added = coarseRight.Sum(keys => keys.Sum(key => (long)leftByKey.GetValueOrDefault(key)));
            Console.WriteLine($"  of them sharing a coarse word key with the same birth year: {reached}; that key's comparisons: {added:N0} (one per shared key)");
            var missBands = missedLinkable.Select(k => runScore.GetValueOrDefault(pairs[k], -1))
                .GroupBy(x => x < 0 ? "not kept (< 0.01 or never a candidate)" : x < 0.1 ? "< 0.1" : x < 0.3 ? "0.1-0.3" : x < 0.5 ? "0.3-0.5" : x < 0.7 ? "0.5-0.7" : "0.7-0.9")
                .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}");
            Console.WriteLine("linkable misses by the run's score: " + string.Join(", ", missBands));
            // "alone": the pair under the default model; "ctx": as the run's own model and word frequencies score it alone
            // (before one-to-one), with its name and date weights in bits.
            var missContext = show > 0 ? Linker.ContextFor(left, right) : null;
            foreach (var k in missedLinkable.Take(show))
            {
                var (l, r) = pairs[k];
                var q = Linker.Score(left[l], right[r], model);
                var c = Linker.Score(left[l], right[r], missContext!);
                if (args.Contains("--around"))
                {
                    // The run's other pairs of either record (its competitors), scored as the run scored them.
                    foreach (var o in all.Where(o => (o.Left == l) != (o.Right == r) && (o.Left == l || o.Right == r)))
                    {
                        var ctxScore = Linker.Score(left[o.Left], right[o.Right], missContext!).Score;
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"   around run {o.Score:0.000} many {many.GetValueOrDefault((o.Left, o.Right)):0.000} ctx {ctxScore:0.000} {(truthSet.Contains((o.Left, o.Right)) ? "TRUE" : "false")} {Show(left[o.Left])} | {Show(right[o.Right])}"));
                    }
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"MISS run {runScore.GetValueOrDefault(pairs[k]):0.000} many {many.GetValueOrDefault(pairs[k]):0.000} alone {q.Score:0.000} ctx {c.Score:0.000} (name {c.Evidence.NameWeight:+0.0;-0.0}, date {c.Evidence.BirthDateWeight:+0.0;-0.0}) {Show(left[l])} | {Show(right[r])} | {q.Evidence.NameLevel}/{q.Evidence.BirthDateLevel} {q.Evidence.Name}"));
            }

            return 0;
        }

        foreach (var k in Enumerable.Range(0, n).Where(k => !resolved[k]).Take(show))
        {
            var (l, r) = pairs[k];
            Console.WriteLine($"AMB {Show(left[l])} | {Show(right[r])}");
            foreach (var y in rivals[k].Left.Where(y => !takenLeft[y]).Take(3))
            {
                Console.WriteLine($"     rival {Show(left[y])}");
            }

            foreach (var y in rivals[k].Right.Where(y => !takenRight[y]).Take(3))
            {
                Console.WriteLine($"     rival | {Show(right[y])}");
            }
        }

        return 0;
    }
}
