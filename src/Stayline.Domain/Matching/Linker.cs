namespace Stayline.Domain.Matching;

/// <summary>What scoring a pair depends on besides the two records: the model and the word frequencies of the run.</summary>
public sealed record LinkContext(MatchModel Model, TermFrequencies Frequencies)
{
    /// <summary>The blocks made while learning the model, kept so that the run over the same records does not make them again.</summary>
    internal object? Blocking { get; init; }
}

/// <summary>Options for <see cref="Linker"/>.</summary>
public sealed record LinkerOptions
{
    /// <summary>Pairs scoring below this are not returned. Default: the review threshold.</summary>
    public double MinScore { get; init; } = MatchModel.ReviewThreshold;

    /// <summary>The model; null learns it from the records being linked (<see cref="Linker.ContextFor"/>).</summary>
    public MatchModel? Model { get; init; }

    /// <summary>A context already made by <see cref="Linker.ContextFor"/> for these records (its model and word frequencies); wins over <see cref="Model"/>.</summary>
    public LinkContext? Context { get; init; }

    /// <summary>
    /// Blocks with more records than this are skipped (for linking: more than this squared pairs): a key
    /// shared by that many records does not discriminate, and the other keys still bring true pairs together.
    /// </summary>
    public int MaxBlockSize { get; init; } = 500;

    /// <summary>
    /// Linking two lists that each hold a person at most once (a government list and a hotline sheet): a record
    /// with several plausible partners cannot be sure of any. Each pair's odds are then shared with the other
    /// candidates of both its records (the posterior when each record has at most one partner), so namesakes
    /// of one name go to review instead of being linked; a candidate counts only as far as it is another person
    /// than the pair's own record (the same person twice on one list is no competitor). Ignored by
    /// <see cref="Linker.Deduplicate"/>.
    /// </summary>
    public bool OneToOne { get; init; }
}

/// <summary>
/// Finds pairs of records about the same person. Only pairs sharing a blocking key are compared, so the
/// work grows with the number of records times the block sizes, not with its square. Keys (coarse
/// consonant keys, so spelling variants share them):
/// A-number; given + family name key + birth year; given or family key + birth date; given + family
/// name key; given + family name key + day and month (a mistyped year). Given and family keys are taken
/// as an unordered pair, so swapped names block together, and day/month are taken unordered, so swapped
/// dates block together. Also: the given name with the family field's first word (a family name written first),
/// alone and with the date; the coarse keys of the name pair (<see cref="TokenKey.Coarse"/>) with the birth year.
/// A pair sharing several keys is compared once.
/// </summary>
public static class Linker
{
    // Slots: 0 A-number; 1 name pair + year; 2, 3 given or family key + date; 4 name pair; 5 name pair +
    // day and month; 6 name pair by name family (Gorgis and Jirjis); 7 given name's family + date; from the optional
    // fields: 8 e-mail address's local part, 9 phone, 10 given key + city, 11 family key + city, 12 date + city; from
    // session 14: 13 given + first family word (as slot 4), 14 first family word + date (as slots 2, 3), 15 coarse name
    // pair + year (as slot 1).
    private const int KeyCount = 16;
    private const int NameSlot = 4;

    /// <summary>Links each record of <paramref name="left"/> to records of <paramref name="right"/>.</summary>
    public static IReadOnlyList<MatchPair> Link(IReadOnlyList<PersonRecord> left, IReadOnlyList<PersonRecord> right, LinkerOptions? options = null)
    {
        options ??= new LinkerOptions();
        var context = options.Context ?? ContextFor(left, right, options.Model, options.MaxBlockSize);
        if (!options.OneToOne)
        {
            return Run(left, right, context, options);
        }

        // Competitors well below the threshold still take a share of the odds: look further down, then filter.
        var all = Run(left, right, context, options with { MinScore = Math.Min(options.MinScore, CompetitorFloor) });
        return Exclusive(all, left, right, context, options.MinScore);
    }

    /// <summary>
    /// Pairs scoring at least this alone compete for their records' odds and are what "none" and the rival field are
    /// estimated from; a caller asking for lower pairs gets them weighed, but they change nobody's score (so `match` at
    /// the review threshold and a bench asking for everything give a pair the same score). Tried at 0.05 (session 14):
    /// F1 on the two-list seed 1 the same within 0.002, a third more CPU time on the 100,000 x 100,000 link.
    /// </summary>
    private const double CompetitorFloor = MatchModel.ReviewThreshold;

    // A competitor takes a share of a pair's odds only as far as it is another person: two rows of the hotline
    // sheet that are the same person twice (scored against each other) do not compete for the government's row.
    //
    // The posterior of a pair under one-to-one linking is its odds over the odds of every way its two records can
    // be: this pair, a competitor of either record, or neither record having a partner ("none"). The pair odds of
    // the model use the prior 1 / max(n, m), which weighs "none" as 1; with M true pairs among n x m, the prior odds
    // of a pair against both its records being without a partner are (M / nm) / ((1 - M/n)(1 - M/m)), so "none"
    // weighs prior / that. M is estimated from the data as the sum of the posteriors (a few fixed-point rounds, as
    // expectation maximisation estimates the share of matches): when most hotline rows are on the government list,
    // a name that only one row on each side carries is strong evidence even without a birth date; when few are,
    // "none" weighs more and such a pair stays in review.
    //
    // Rivals (session 14). The model's u for a name is the chance that two records drawn at random agree on it. The
    // records without a partner are not drawn at random: on a hotline they are relatives and namesakes of listed people
    // (brothers sharing the family and father's names, cousins named after one grandfather), so where a name has a
    // namesake in the data, agreeing on it is weaker evidence than the random pairs say, and where nobody else comes near
    // either record it is stronger. Whether a pair is rivalled (competitors of either record that are other people, each
    // counted as far as it is: the sum of 1 - their sameness is 1/2 or more) is therefore one more comparison field,
    // whose m and u are learned from the pairs being linked, as the other fields' are: m = the share of the expected
    // true pairs that are unrivalled, u = that share of the expected false ones, from the posteriors. It is weighed only
    // for pairs whose question is the name (RestsOnName; from session 15 only those whose birth dates are equal or missing
    // on one side): a pair whose birth dates or A-numbers disagree is not made likelier by having no rival, and is left as
    // the model scores it. Its m and u are estimated once, from the posteriors
    // before it is applied (RivalRound), not iterated: the field is made from the same candidates as the competitors'
    // share of the odds, so iterating lets it confirm itself (on the two-list sets its ratio then grew to 20-30 and it
    // linked namesakes with different birth dates). No constant of the data is set. Measured (`twolists-ceiling 1 --diag`):
    // pairs that no other candidate comes near were 96 % true in the 0.7-0.9 band, those with a rival 55 %.
    private static List<MatchPair> Exclusive(
        List<MatchPair> pairs, IReadOnlyList<PersonRecord> left, IReadOnlyList<PersonRecord> right, LinkContext context, double minScore)
    {
        static bool Competes(MatchPair q) => q.Score >= CompetitorFloor;
        var byLeft = pairs.Where(Competes).GroupBy(p => p.Left).ToDictionary(g => g.Key, g => g.ToList());
        var byRight = pairs.Where(Competes).GroupBy(p => p.Right).ToDictionary(g => g.Key, g => g.ToList());
        var odds = pairs.Select(p => Odds(p.Score)).ToArray();
        var index = new Dictionary<MatchPair, int>(ReferenceEqualityComparer.Instance);
        for (var k = 0; k < pairs.Count; k++)
        {
            index[pairs[k]] = k;
        }

        // For each pair, its competitors (index, how far each is another person).
        var competitors = new List<(int Q, double Other, bool ViaLeft)>?[pairs.Count];
        var rivals = new double[pairs.Count];
        for (var k = 0; k < pairs.Count; k++)
        {
            var p = pairs[k];
            List<(int Q, double Other, bool ViaLeft)>? list = null;
            if (byLeft.TryGetValue(p.Left, out var sameLeft))
            {
                foreach (var q in sameLeft)
                {
                    if (q != p)
                    {
                        (list ??= []).Add((index[q], 1 - Score(right[p.Right], right[q.Right], context).Score, true));
                    }
                }
            }

            if (byRight.TryGetValue(p.Right, out var sameRight))
            {
                foreach (var q in sameRight)
                {
                    if (q != p)
                    {
                        (list ??= []).Add((index[q], 1 - Score(left[p.Left], left[q.Left], context).Score, false));
                    }
                }
            }

            competitors[k] = list;
            rivals[k] = list?.Sum(c => c.Other) ?? 0;
        }

        var rivalled = rivals.Select(r => r >= 0.5).ToArray();
        var counted = pairs.Select(Competes).ToArray();
        var restsOnName = pairs.Select(p => RestsOnName(p.Evidence)).ToArray();
        var (none, factor) = Weigh(odds, counted, competitors, rivalled, restsOnName, left.Count, right.Count, context.Model.PriorWeight);
        var result = new List<MatchPair>(pairs.Count);
        for (var k = 0; k < pairs.Count; k++)
        {
            var p = pairs[k];
            var score = p.Score >= 1 ? p.Score : Posterior(k, odds, competitors, none, factor);
            if (!counted[k])
            {
                // Under the competitor floor alone: this pair's own competitors (its records' other pairs under the floor)
                // were not gathered, so it cannot be judged unrivalled, and "none" weighed without them would lift it as
                // if it had none. The posterior may lower it (a likelier partner of either record), never lift it, so it
                // stays under the floor, as in `match` at the review threshold, which never sees it. Session 15, two-list seed 1
                // run from 0.01: false pairs in review 176 -> 27 by this rule alone; most had scored 0.03-0.07 alone (a
                // dateless hotline row against six namesakes on the list, each "unrivalled" for lack of gathered competitors).
                score = Math.Min(score, p.Score);
            }

            if (p.Evidence.ANumberLevel == ANumberLevel.Different)
            {
                score = Math.Min(score, MatchModel.ConflictingANumberCap);
            }

            if (score >= minScore)
            {
                result.Add(score == p.Score ? p : p with { Score = score, Decision = MatchModel.Decide(score) });
            }
        }

        return result;
    }

    private static double Odds(double score) => score >= 1 ? 1e12 : score / (1 - score);

    /// <summary>The pair's odds (times its rival field's likelihood ratio) over those of every way its records can be.</summary>
    private static double Posterior(int k, double[] odds, List<(int Q, double Other, bool ViaLeft)>?[] competitors, double none, double[] factor)
    {
        var own = odds[k] * factor[k];
        double others = 0;
        if (competitors[k] is { } list)
        {
            foreach (var (q, other, viaLeft) in list)
            {
                // A competitor (this pair's record with another one) is a way this pair's record can be only while that
                // other record is free: its own partners elsewhere take that way away. With one record's partners listed
                // one level further, the one-to-one posterior of a pair is own / (none + own + sum over competitors q of
                // odds(q) / (1 + load(q) / none)), where load(q) is the odds of q's other record's other partners (exact for
                // a chain of three pairs). Session 16: a hotline row whose rival on the government list has its own sure
                // partner was held under 0.9 by that rival (Daoud / Al-Qitaajar 1991-01-01 against two Daoud Al-Qitaajar
                // born in 1991, one of them linked at 0.999 to his own row: 0.55).
                others += odds[q] * factor[q] * other / (1 + (FarLoad(q, !viaLeft, odds, competitors, factor) / none));
            }
        }

        return own / (none + own + others);
    }

    /// <summary>The odds of the other partners of one record of pair <paramref name="q"/> (its left record's when <paramref name="leftRecord"/>), each counted as far as it is another person.</summary>
    private static double FarLoad(int q, bool leftRecord, double[] odds, List<(int Q, double Other, bool ViaLeft)>?[] competitors, double[] factor)
    {
        double load = 0;
        if (competitors[q] is { } list)
        {
            foreach (var (q2, other, viaLeft) in list)
            {
                if (viaLeft == leftRecord)
                {
                    load += odds[q2] * factor[q2] * other;
                }
            }
        }

        return load;
    }

    /// <summary>Rounds of the fixed point that estimates the number of true pairs for <see cref="Weigh"/>.</summary>
    private const int NoneRounds = 5;

    /// <summary>The round of <see cref="Weigh"/> whose posteriors (with "none" estimated once, the rival field not yet) give the rival field's m and u.</summary>
    private const int RivalRound = 1;

    /// <summary>
    /// The weight of "neither record has a partner" relative to the pair odds of the model (see <see cref="Exclusive"/>),
    /// from the number of true pairs the posteriors add up to, and the likelihood ratios of the rival field, alternating
    /// (expectation maximisation; the rival field's once, see <see cref="Exclusive"/>). "None" is never above 1 (the model's own prior) and M never above 90 % of the shorter
    /// list, so that a list that seems to be all matches still leaves room for a person on one list only. The prior it is
    /// relative to is the larger of the model's and 1 / max(n, m): a small file's prior is held at 2^-10 or below on
    /// purpose (a small file must not lower the bar), and that caution is kept, not undone here. The rival field's m and u
    /// are kept within [0.01, 0.99] and start neutral; with no pairs on either side of it (all rivalled, or none) it
    /// stays neutral.
    /// </summary>
    private static (double None, double[] Factor) Weigh(
        double[] odds, bool[] counted, List<(int Q, double Other, bool ViaLeft)>?[] competitors, bool[] rivalled, bool[] restsOnName, int n, int m, double priorWeight)
    {
        var none = 1.0;
        var factor = Enumerable.Repeat(1.0, odds.Length).ToArray();
        var prior = Math.Max(Math.Pow(2, priorWeight), 1.0 / Math.Max(n, m));
        for (var round = 0; round < NoneRounds; round++)
        {
            // Expected true and false pairs among those resting on the name, all and unrivalled.
            double matches = 0, t = 0, f = 0, tu = 0, fu = 0;
            for (var k = 0; k < odds.Length; k++)
            {
                if (!counted[k])
                {
                    continue;
                }

                var post = odds[k] >= 1e12 ? 1 : Posterior(k, odds, competitors, none, factor);
                matches += post;
                if (restsOnName[k])
                {
                    t += post;
                    f += 1 - post;
                    tu += rivalled[k] ? 0 : post;
                    fu += rivalled[k] ? 0 : 1 - post;
                }
            }

            if (round == RivalRound && tu > 0 && tu < t && fu > 0 && fu < f)
            {
                var mU = Math.Clamp(tu / t, 0.01, 0.99);
                var uU = Math.Clamp(fu / f, 0.01, 0.99);
                for (var k = 0; k < odds.Length; k++)
                {
                    factor[k] = !restsOnName[k] ? 1 : rivalled[k] ? (1 - mU) / (1 - uU) : mU / uU;
                }
            }

            matches = Math.Min(matches, 0.9 * Math.Min(n, m));
            var pairOdds = matches / ((double)n * m) / ((1 - (matches / n)) * (1 - (matches / m)));
            none = Math.Min(1, prior / pairOdds);
        }

        return (none, factor);
    }

    /// <summary>
    /// A pair whose names agree, whose birth dates are equal or missing on one side and whose A-numbers do not differ: the
    /// question whether it is the person or a namesake rests on the name, and the rival field is weighed for it.
    /// </summary>
    /// <remarks>
    /// Session 15: not where one date is a 1 January placeholder, one off, swapped or only a year (session 14 weighed it
    /// there too). With an exact date a namesake must share the full date to be a candidate at all, and with no date
    /// every namesake on the other list is one, so in both cases "no rival" means no namesake nearby. With a date that
    /// only nearly agrees, the false pairs are mostly a namesake born the same year where neither record has a partner:
    /// unrivalled as often as not (seed 1, expected false pairs: half of the placeholder ones unrivalled, a fifth of the
    /// dateless ones), so the field pooled over all levels lifted exactly those (10 of the 12 false links at 0.9 on seed 1
    /// had a placeholder or one-off date, and precision fell to 0.989 on seeds 2 and 3). Learning the field per date
    /// level instead, shrunk towards the pooled value, did not lower the false links (21 on seed 3 either way).
    /// </remarks>
    private static bool RestsOnName(MatchEvidence e) =>
        e.NameLevel is NameLevel.Exact or NameLevel.Strong or NameLevel.Good or NameLevel.Weak
        && e.BirthDateLevel is BirthDateLevel.Exact or BirthDateLevel.Missing
        && e.ANumberLevel != ANumberLevel.Different;

    /// <summary>Finds pairs of records within one list that are the same person (Left &lt; Right).</summary>
    public static IReadOnlyList<MatchPair> Deduplicate(IReadOnlyList<PersonRecord> records, LinkerOptions? options = null)
    {
        options ??= new LinkerOptions();
        return Run(records, null, options.Context ?? ContextFor(records, null, options.Model, options.MaxBlockSize), options);
    }

    /// <summary>Scores one pair with full evidence.</summary>
    public static MatchPair Score(PersonRecord a, PersonRecord b, MatchModel? model = null, int leftIndex = 0, int rightIndex = 0) =>
        Evaluate(a, b, model ?? MatchModel.Default, TermFrequencies.None, double.NegativeInfinity, leftIndex, rightIndex, 0)!;

    /// <summary>Scores one pair as a run over the records of <paramref name="context"/> scores it (same model, same word frequencies).</summary>
    public static MatchPair Score(PersonRecord a, PersonRecord b, LinkContext context) =>
        Evaluate(a, b, context.Model, context.Frequencies, double.NegativeInfinity, 0, 0, 0)!;

    /// <summary>
    /// The model and word frequencies a run over these records uses: unless <paramref name="model"/> is given, u is
    /// estimated from random pairs and m learned by expectation maximisation over a sample of the candidate pairs.
    /// </summary>
    public static LinkContext ContextFor(IReadOnlyList<PersonRecord> left, IReadOnlyList<PersonRecord>? right, MatchModel? model = null, int maxBlockSize = 500)
    {
        if (model is not null)
        {
            return new(model, TermFrequencies.Of(left, right));
        }

        var blocking = Block(left, right, maxBlockSize);
        var learned = MatchModel.Learn(MatchModel.EstimateU(left, right), CandidatePatterns(left, right, blocking));
        return new(learned, TermFrequencies.Of(left, right)) { Blocking = blocking };
    }

    /// <summary>Candidate pairs sampled for learning m: about this many, drawn as whole blocks.</summary>
    public const int LearningPairs = 200_000;

    /// <summary>
    /// The comparison vectors (<see cref="MatchModel.Pattern"/>) of a sample of the candidate pairs blocking makes, with
    /// how often each occurs. Whole blocks are drawn by a hash of their key, so the sample is deterministic.
    /// </summary>
    public static IReadOnlyDictionary<ulong, double> CandidatePatterns(IReadOnlyList<PersonRecord> left, IReadOnlyList<PersonRecord>? right, int maxBlockSize = 500, int maxPairs = LearningPairs) =>
        CandidatePatterns(left, right, Block(left, right, maxBlockSize), maxPairs);

    private static Dictionary<ulong, double> CandidatePatterns(IReadOnlyList<PersonRecord> left, IReadOnlyList<PersonRecord>? right, Blocking blocking, int maxPairs = LearningPairs)
    {
        long candidates = 0;
        foreach (var (start, length) in blocking.Blocks)
        {
            candidates += PairsIn(blocking, start, length, right is null);
        }

        var result = new Dictionary<ulong, double>();
        if (candidates == 0)
        {
            return result;
        }

        var rate = Math.Min(1.0, (double)maxPairs / candidates);
        var chosen = blocking.Blocks.Where(b => rate >= 1 || (Mix(blocking.Sorted[b.Start].Key, 0x9E3779B97F4A7C15UL) % 10_000) < rate * 10_000).ToList();
        var gate = new object();
        Parallel.ForEach(
            chosen,
            () => new Dictionary<ulong, double>(),
            (block, _, local) =>
            {
                ForEachPair(blocking, block.Start, block.Length, right is null, (li, ri, key) =>
                {
                    if (!SharesEarlierKey(blocking.LeftKeys, li, blocking.RightKeys, ri, key))
                    {
                        var p = MatchModel.Pattern(left[li], (right ?? left)[ri]);
                        local[p] = local.GetValueOrDefault(p) + 1;
                    }
                });
                return local;
            },
            local =>
            {
                lock (gate)
                {
                    foreach (var (k, v) in local)
                    {
                        result[k] = result.GetValueOrDefault(k) + v;
                    }
                }
            });
        return result;
    }

    private static long PairsIn(Blocking blocking, int start, int length, bool dedup)
    {
        if (dedup)
        {
            return (long)length * (length - 1) / 2;
        }

        var (l, r) = CountSides(blocking.Sorted, start, start + length);
        return (long)l * r;
    }

    private static void ForEachPair(Blocking blocking, int start, int length, bool dedup, Action<int, int, ulong> consider)
    {
        var sorted = blocking.Sorted;
        var key = sorted[start].Key;
        var end = start + length;
        if (dedup)
        {
            for (var x = start; x < end; x++)
            {
                for (var y = x + 1; y < end; y++)
                {
                    consider(sorted[x].Record, sorted[y].Record, key);
                }
            }

            return;
        }

        // Sorted by record within a key, so the right side (~index, negative) comes first.
        var split = start;
        while (split < end && sorted[split].Record < 0)
        {
            split++;
        }

        for (var y = split; y < end; y++)
        {
            for (var x = start; x < split; x++)
            {
                consider(sorted[y].Record, ~sorted[x].Record, key);
            }
        }
    }

    /// <summary>Compares the names of two records; a record lacking its given or family name is compared as partial.</summary>
    public static NameComparison CompareNames(PersonRecord a, PersonRecord b)
    {
        var partial = a.Given.Tokens.Count == 0 || a.Family.Tokens.Count == 0 || b.Given.Tokens.Count == 0 || b.Family.Tokens.Count == 0;
        return NameComparer.Compare(a.Name, b.Name, partial, givenFirst: true);
    }

    /// <summary>The fields other than the name, packed so the check run on every candidate pair stays in cache.</summary>
    private readonly record struct Facts(BirthDate Date, long ANumber, int Country, bool HasExtras);

    private static Facts[] PackFacts(IReadOnlyList<PersonRecord> records, Dictionary<string, int> countries)
    {
        var facts = new Facts[records.Count];
        for (var i = 0; i < facts.Length; i++)
        {
            var r = records[i];
            var country = 0;
            if (r.Country.Length > 0 && !countries.TryGetValue(r.Country, out country))
            {
                country = countries.Count + 1;
                countries[r.Country] = country;
            }

            var aNumber = r.ANumber is { } a ? long.Parse(a.Digits, System.Globalization.CultureInfo.InvariantCulture) : 0;
            facts[i] = new Facts(r.BirthDate, aNumber, country, r.Extras is { IsEmpty: false });
        }

        return facts;
    }

    private static double OtherFieldsWeight(in Facts a, in Facts b, MatchModel model)
    {
        var aLevel = a.ANumber == 0 || b.ANumber == 0 ? ANumberLevel.Missing : a.ANumber == b.ANumber ? ANumberLevel.Exact : ANumberLevel.Different;
        if (aLevel == ANumberLevel.Different && MatchModel.OneTypoApart(a.ANumber, b.ANumber))
        {
            aLevel = ANumberLevel.OneTypo;
        }

        var cLevel = a.Country == 0 || b.Country == 0 ? CountryLevel.Missing : a.Country == b.Country ? CountryLevel.Same : CountryLevel.Different;
        // The optional fields are compared only when the pair could reach the threshold with all of them agreeing.
        var extras = a.HasExtras && b.HasExtras ? model.MaxExtraWeight : 0;
        return model.ANumberWeight(aLevel) + model.DateWeight(BirthDate.Compare(a.Date, b.Date)) + model.CountryWeight(cLevel) + extras;
    }

    // shareBound: the lowest log2 share the agreeing words of a can have (all of them agreeing), for pruning.
    private static MatchPair? Evaluate(PersonRecord a, PersonRecord b, MatchModel model, TermFrequencies frequencies, double minWeight, int i, int j, double shareBound)
    {
        var aLevel = MatchModel.ANumberLevelOf(a.ANumber, b.ANumber);
        var dLevel = BirthDate.Compare(a.BirthDate, b.BirthDate);
        var cLevel = MatchModel.CountryLevelOf(a.Country, b.Country);
        var aW = model.ANumberWeight(aLevel);
        var dW = model.DateWeight(dLevel);
        var cW = model.CountryWeight(cLevel);
        ExtraLevel[]? extras = null;
        double eW = 0;
        if (a.Extras is not null && b.Extras is not null)
        {
            extras = new ExtraLevel[PersonExtras.FieldCount];
            for (var e = 0; e < extras.Length; e++)
            {
                extras[e] = PersonExtras.Compare((ExtraField)e, a.Extras, b.Extras);
                eW += model.ExtraWeight((ExtraField)e, extras[e]);
            }
        }

        // The name is the costly comparison: skip it when even a perfect name could not reach the threshold.
        if (aW + dW + cW + eW + model.MaxNameWeightFor(shareBound) < minWeight)
        {
            return null;
        }

        var name = CompareNames(a, b);
        var nLevel = MatchModel.NameLevelOf(name);
        if (nLevel is NameLevel.Conflicting or NameLevel.Different && extras is not null)
        {
            // Parents' names agreeing say the two are of one family, which brothers are: with names that conflict
            // they count only against (the fields are not independent there, as the model assumes).
            foreach (var f in (ReadOnlySpan<ExtraField>)[ExtraField.FatherName, ExtraField.MotherName])
            {
                eW -= Math.Max(0, model.ExtraWeight(f, extras[(int)f]));
            }
        }

        var nW = model.NameWeight(nLevel, frequencies.Log2Share(a.Name, name.PairedWords));
        var total = aW + dW + cW + eW + nW;
        if (total < minWeight)
        {
            return null;
        }

        var score = model.ScoreOf(total);
        if (score < MatchModel.SameThreshold && Identical(a, b, aLevel, cLevel) && (extras is null || !extras.Contains(ExtraLevel.Different)))
        {
            score = MatchModel.SameThreshold;
        }

        if (aLevel == ANumberLevel.Different)
        {
            score = Math.Min(score, MatchModel.ConflictingANumberCap);
        }

        var evidence = new MatchEvidence(name, nLevel, nW, dLevel, dW, aLevel, aW, cLevel, cW, extras, eW);
        return new MatchPair(i, j, score, MatchModel.Decide(score), evidence);
    }

    /// <summary>
    /// The same row typed twice: every word of the name in the same order, the same birth date, nothing that
    /// disagrees (an A-number or country on one side only is fine). Such a pair is the same person however
    /// common the name: re-importing a list must not queue its rows for review (issue 13 found 29 of them).
    /// </summary>
    private static bool Identical(PersonRecord a, PersonRecord b, ANumberLevel aLevel, CountryLevel cLevel)
    {
        if (a.BirthDate.IsMissing || a.BirthDate != b.BirthDate || aLevel is ANumberLevel.Different or ANumberLevel.OneTypo
            || cLevel == CountryLevel.Different || a.Name.Tokens.Count < 2 || a.Name.Tokens.Count != b.Name.Tokens.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Name.Tokens.Count; i++)
        {
            var x = a.Name.Tokens[i];
            var y = b.Name.Tokens[i];
            if (x.Key != y.Key || x.IsPatronymic != y.IsPatronymic || x.IsInitial)
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct Entry(ulong Key, int Record);

    private sealed record Blocking(
        Entry[] Sorted, List<(int Start, int Length)> Blocks, ulong[] LeftKeys, ulong[] RightKeys,
        IReadOnlyList<PersonRecord> Left, IReadOnlyList<PersonRecord>? Right, int MaxBlockSize);

    private static Blocking Block(IReadOnlyList<PersonRecord> left, IReadOnlyList<PersonRecord>? right, int maxBlockSize)
    {
        var leftKeys = BlockingKeys(left);
        var rightKeys = right is null ? leftKeys : BlockingKeys(right);

        // Entries of both sides in one array; the record index of the right side is stored as ~index.
        var entries = new List<Entry>((left.Count + (right?.Count ?? 0)) * KeyCount);
        AddEntries(entries, leftKeys, rightSide: false);
        if (right is not null)
        {
            AddEntries(entries, rightKeys, rightSide: true);
        }

        var sorted = entries.ToArray();
        entries = null;
        Array.Sort(sorted, static (x, y) => x.Key != y.Key ? x.Key.CompareTo(y.Key) : x.Record.CompareTo(y.Record));

        var blocks = new List<(int Start, int Length)>();
        for (var start = 0; start < sorted.Length;)
        {
            var end = start + 1;
            while (end < sorted.Length && sorted[end].Key == sorted[start].Key)
            {
                end++;
            }

            var length = end - start;
            var (nLeft, nRight) = right is null ? (length, length) : CountSides(sorted, start, end);
            var usable = right is null
                ? length >= 2 && length <= maxBlockSize
                : nLeft > 0 && nRight > 0 && (long)nLeft * nRight <= (long)maxBlockSize * maxBlockSize;
            if (usable)
            {
                blocks.Add((start, length));
            }
            else if (length >= 2)
            {
                // A skipped key must not stop the pair from being compared in a later block.
                for (var k = start; k < end; k++)
                {
                    var r = sorted[k].Record;
                    var keys = r >= 0 ? leftKeys : rightKeys;
                    var o = (r >= 0 ? r : ~r) * KeyCount;
                    for (var slot = 0; slot < KeyCount; slot++)
                    {
                        if (keys[o + slot] == sorted[k].Key)
                        {
                            keys[o + slot] = 0;
                        }
                    }
                }
            }

            start = end;
        }

        return new Blocking(sorted, blocks, leftKeys, rightKeys, left, right, maxBlockSize);
    }

    private static List<MatchPair> Run(IReadOnlyList<PersonRecord> left, IReadOnlyList<PersonRecord>? right, LinkContext context, LinkerOptions options)
    {
        var model = context.Model;
        var frequencies = context.Frequencies;
        var blocking = context.Blocking is Blocking b && ReferenceEquals(b.Left, left) && ReferenceEquals(b.Right, right) && b.MaxBlockSize == options.MaxBlockSize
            ? b
            : Block(left, right, options.MaxBlockSize);
        var (sorted, blocks, leftKeys, rightKeys) = (blocking.Sorted, blocking.Blocks, blocking.LeftKeys, blocking.RightKeys);
        var leftBound = ShareBounds(left, frequencies);
        var countries = new Dictionary<string, int>(StringComparer.Ordinal);
        var leftFacts = PackFacts(left, countries);
        var rightFacts = right is null ? leftFacts : PackFacts(right, countries);
        var minWeight = model.WeightFor(Math.Clamp(options.MinScore, 1e-9, 1 - 1e-9));
        var capScoreOut = options.MinScore > MatchModel.ConflictingANumberCap;

        var results = new List<MatchPair>();
        var gate = new object();

        void Consider(int li, int ri, ulong key, List<MatchPair> local)
        {
            // Cheapest first: most candidate pairs fail on the birth date or A-number alone.
            var bound = leftBound[li];
            if (OtherFieldsWeight(leftFacts[li], rightFacts[ri], model) + model.MaxNameWeightFor(bound) < minWeight
                || SharesEarlierKey(leftKeys, li, rightKeys, ri, key))
            {
                return;
            }

            var a = left[li];
            var b = (right ?? left)[ri];
            var pair = Evaluate(a, b, model, frequencies, minWeight, li, ri, bound);
            if (pair is not null && pair.Score >= options.MinScore && !(capScoreOut && pair.Evidence.ANumberLevel == ANumberLevel.Different))
            {
                local.Add(pair);
            }
        }

        // No block at all (a few rows sharing no key with anyone): Partitioner.Create refuses an empty range.
        if (blocks.Count == 0)
        {
            return results;
        }

        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, blocks.Count, Math.Max(1, blocks.Count / 64)),
            () => new List<MatchPair>(),
            (range, _, local) =>
            {
                for (var b = range.Item1; b < range.Item2; b++)
                {
                    var (start, length) = blocks[b];
                    var key = sorted[start].Key;
                    var end = start + length;
                    if (right is null)
                    {
                        for (var x = start; x < end; x++)
                        {
                            for (var y = x + 1; y < end; y++)
                            {
                                Consider(sorted[x].Record, sorted[y].Record, key, local);
                            }
                        }
                    }
                    else
                    {
                        // Sorted by record within a key, so the right side (~index, negative) comes first.
                        var split = start;
                        while (split < end && sorted[split].Record < 0)
                        {
                            split++;
                        }

                        for (var y = split; y < end; y++)
                        {
                            for (var x = start; x < split; x++)
                            {
                                Consider(sorted[y].Record, ~sorted[x].Record, key, local);
                            }
                        }
                    }
                }

                return local;
            },
            local =>
            {
                lock (gate)
                {
                    results.AddRange(local);
                }
            });

        results.Sort(static (p, q) => p.Left != q.Left ? p.Left.CompareTo(q.Left) : p.Right.CompareTo(q.Right));
        return results;
    }

    private static double[] ShareBounds(IReadOnlyList<PersonRecord> records, TermFrequencies frequencies)
    {
        var bounds = new double[records.Count];
        if (frequencies.IsKnown)
        {
            Parallel.For(0, records.Count, i => bounds[i] = frequencies.Log2Share(records[i].Name, ulong.MaxValue));
        }

        return bounds;
    }

    private static (int Left, int Right) CountSides(Entry[] sorted, int start, int end)
    {
        var l = 0;
        for (var k = start; k < end; k++)
        {
            if (sorted[k].Record >= 0)
            {
                l++;
            }
        }

        return (l, end - start - l);
    }

    // A pair sharing several keys is compared once: in the block of the smallest key they share.
    private static bool SharesEarlierKey(ulong[] leftKeys, int li, ulong[] rightKeys, int ri, ulong key)
    {
        var lo = li * KeyCount;
        var ro = ri * KeyCount;
        for (var s = 0; s < KeyCount; s++)
        {
            var k = leftKeys[lo + s];
            if (k == 0 || k >= key)
            {
                continue;
            }

            for (var t = 0; t < KeyCount; t++)
            {
                if (rightKeys[ro + t] == k)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void AddEntries(List<Entry> entries, ulong[] keys, bool rightSide)
    {
        for (var k = 0; k < keys.Length; k++)
        {
            if (keys[k] != 0)
            {
                var record = k / KeyCount;
                entries.Add(new Entry(keys[k], rightSide ? ~record : record));
            }
        }
    }

    private static ulong[] BlockingKeys(IReadOnlyList<PersonRecord> records)
    {
        var keys = new ulong[records.Count * KeyCount];
        Parallel.For(0, records.Count, i =>
        {
            var r = records[i];
            var o = i * KeyCount;
            if (r.ANumber is { } a)
            {
                keys[o] = Tag(0, Hash(a.Digits, 0));
            }

            var x = r.Extras;
            var city = x is null || x.City.Tokens.Count == 0 ? 0UL : CityHash(x.City);
            if (x is not null)
            {
                if (x.Email.Length > 0)
                {
                    keys[o + 8] = Tag(7, Hash(x.Email.AsSpan(0, x.Email.IndexOf('@', StringComparison.Ordinal)), 101));
                }

                if (x.Phone.Length > 0)
                {
                    keys[o + 9] = Tag(7, Hash(x.Phone, 103));
                }

                if (city != 0 && r.BirthDate.Month != 0)
                {
                    // A record with neither name usable, or both mistyped: the same date in the same city.
                    keys[o + 12] = Tag(7, Mix(city ^ 107, (ulong)(uint)((r.BirthDate.Year << 10) | (r.BirthDate.Month << 5) | r.BirthDate.Day)));
                }
            }

            var tokens = r.Name.Tokens;
            if (tokens.Count == 0)
            {
                return;
            }

            if (city != 0)
            {
                if (r.Given.Tokens.Count > 0)
                {
                    keys[o + 10] = Tag(7, Mix(Hash(r.Given.Tokens[0].IndexKey, 109), city));
                }

                if (r.Family.Tokens.Count > 0)
                {
                    keys[o + 11] = Tag(7, Mix(Hash(r.Family.Tokens[^1].IndexKey, 113), city));
                }
            }

            var given = r.Given.Tokens.Count > 0 ? r.Given.Tokens[0] : tokens[0];
            var family = r.Family.Tokens.Count > 0 ? r.Family.Tokens[^1] : tokens[^1];
            var gk = given.IndexKey;
            var fk = family.IndexKey;
            var pair = PairHash(gk, fk);
            keys[o + NameSlot] = Tag(3, pair);
            if (given.Family != 0 || family.Family != 0)
            {
                keys[o + 6] = Tag(5, PairHash(given.FamilyIndexKey, family.FamilyIndexKey));
            }

            var d = r.BirthDate;
            if (d.Year != 0)
            {
                keys[o + 1] = Tag(1, Mix(pair, (ulong)d.Year));
            }

            // A hotline that writes the family name first puts it in the given-name field and the person's own name first
            // in the family field, followed by the father's and grandfather's (Al-Jarjis / Thamer Ismael Mohammed against
            // Thamer / Jarjis): the family field's first word then stands where its last one is looked for. The keys
            // use the same hashes as slots 4 and 2-3, so they meet those of a record written the usual way. About a dozen
            // of the 35 true pairs seed 1 never compared (session 13's ceiling bench) were written like this.
            var familyFirst = r.Family.Tokens.Count > 1 ? r.Family.Tokens[0] : null;
            if (familyFirst is not null && familyFirst.IndexKey != fk && familyFirst.IndexKey.Length > 0)
            {
                keys[o + 13] = Tag(3, PairHash(gk, familyFirst.IndexKey));
                if (d.Month != 0)
                {
                    keys[o + 14] = Tag(2, Mix(Hash(familyFirst.IndexKey, 29), DateKey(d)));
                }
            }

            // Both name words respelt by ear (Majid Fodhud / Maged Fodud, Jamal / Gamal Al-Saffar with a 1 January date): no
            // key above is shared. The coarse keys (TokenKey.Coarse) of the two words as a pair with the birth year, the
            // same hash as slot 1, so a coarse key equal to the plain one adds nothing and is left out. Without the year
            // (a dateless row) it found 3 more true pairs of 2,211 on seed 1 for about a quarter more CPU time on the
            // 100,000 x 100,000 link: left out.
            var pairCoarse = PairHash(TokenKey.Coarse(gk), TokenKey.Coarse(fk));
            if (pairCoarse != pair && d.Year != 0)
            {
                keys[o + 15] = Tag(1, Mix(pairCoarse, (ulong)d.Year));
            }

            if (d.Month != 0)
            {
                // Either name with the date: one of the two may be misspelt, swapped or replaced.
                var monthDay = MonthDay(d);
                var date = DateKey(d);
                keys[o + 2] = Tag(2, Mix(Hash(gk, 29), date));
                keys[o + 3] = gk == fk ? 0 : Tag(2, Mix(Hash(fk, 29), date));
                if (given.Family != 0)
                {
                    // Boutros / Putrus with a misspelt family name: the given name's family and the date.
                    keys[o + 7] = Tag(6, Mix(Hash(given.FamilyIndexKey, 31), date));
                }

                if (!d.IsPlaceholder)
                {
                    // A mistyped year: both names with day and month.
                    keys[o + 5] = Tag(4, Mix(pair, monthDay));
                }
            }
        });
        return keys;
    }

    // Day and month unordered, so swapped dates share the key.
    private static ulong MonthDay(BirthDate d) => (ulong)((Math.Min(d.Month, d.Day) << 5) | Math.Max(d.Month, d.Day));

    private static ulong DateKey(BirthDate d) => ((ulong)d.Year << 10) | MonthDay(d);

    private static ulong PairHash(string gk, string fk) => string.CompareOrdinal(gk, fk) <= 0 ? Hash(fk, Hash(gk, 17)) : Hash(gk, Hash(fk, 17));

    // The key type lives in the top 3 bits, so equal hashes of different key types never meet and keys
    // sort by type first.
    private static ulong Tag(int type, ulong hash)
    {
        var h = (hash & (ulong.MaxValue >> 3)) | ((ulong)type << 61);
        return h == 0 ? 1 : h;
    }

    private static ulong Mix(ulong h, ulong v) => (h ^ v) * 0x100000001B3UL;

    private static ulong CityHash(ParsedName city)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var t in city.Tokens)
        {
            h = Hash(t.IndexKey, h);
        }

        return h == 0 ? 1 : h;
    }

    private static ulong Hash(string s, ulong seed) => Hash(s.AsSpan(), seed);

    // FNV-1a: stable across runs, unlike string.GetHashCode.
    private static ulong Hash(ReadOnlySpan<char> s, ulong seed)
    {
        var h = 0xCBF29CE484222325UL ^ seed;
        foreach (var c in s)
        {
            h = (h ^ c) * 0x100000001B3UL;
        }

        return h;
    }
}
