using Stayline.Domain.People;

namespace Stayline.Domain.Matching;

/// <summary>Agreement levels of two names, from <see cref="NameComparison"/>.</summary>
public enum NameLevel
{
    Exact,
    Strong,
    Good,
    /// <summary>No conflicting word, but extra words or weak spelling agreement.</summary>
    Weak,
    /// <summary>A word of one name has a different counterpart in the other (another given or father's name).</summary>
    Conflicting,
    Different,
    Missing,
}

public enum ANumberLevel
{
    Exact,
    /// <summary>One digit differs or two adjacent digits are swapped: a typing error.</summary>
    OneTypo,
    Different,
    Missing,
}

public enum CountryLevel
{
    Same,
    Different,
    Missing,
}

/// <summary>What the linker concludes about a pair.</summary>
public enum MatchDecision
{
    Different,
    NeedsReview,
    SamePerson,
}

/// <summary>The fields of the model, in the order of its m and u tables.</summary>
public enum ModelField
{
    Name,
    BirthDate,
    ANumber,
    Country,
    City,
    Email,
    Phone,
    BirthPlace,
    FatherName,
    MotherName,
}

/// <summary>
/// Fellegi-Sunter model: for each field and agreement level, m = P(level | same person) and
/// u = P(level | different people). A pair's weight is the sum over fields of log2(m/u) (a missing
/// value adds 0) plus the prior log-odds; its score is the posterior probability 1 / (1 + 2^-weight).
/// The defaults are reasoned values (docs/benchmarks/matching.md lists them); <see cref="EstimateU"/>
/// re-estimates u from random pairs of the data being linked, and <see cref="Learn"/> also estimates m by
/// expectation maximisation over the candidate pairs that blocking brings together.
/// </summary>
public sealed class MatchModel
{
    /// <summary>At or above: the same person.</summary>
    public const double SameThreshold = 0.9;

    /// <summary>At or above (and below <see cref="SameThreshold"/>): a person must look.</summary>
    public const double ReviewThreshold = 0.3;

    /// <summary>A pair whose A-numbers disagree is never merged without a person looking: a wrong merge is worse than a split.</summary>
    public const double ConflictingANumberCap = 0.89;

    /// <summary>Prior log2-odds that two records are the same person when nothing is known of the data (1 in 4,096).</summary>
    public const double DefaultPriorWeight = -12;

    public const int FieldCount = 10;

    private const int FirstExtra = (int)ModelField.City;

    private static readonly double[] NameM = [0.50, 0.28, 0.12, 0.06, 0.02, 0.02];
    private static readonly double[] NameU = [0.0002, 0.0005, 0.002, 0.01, 0.2, 0.7873];

    // Exact, day-month swapped, 1 January, year only, one part off, same year, two parts off, different.
    private static readonly double[] DateM = [0.70, 0.04, 0.06, 0.05, 0.08, 0.03, 0.01, 0.03];
    // Year only: about 1 in 50 unrelated people share a birth year (the ages on a detention list span about 50 years).
    private static readonly double[] DateU = [0.0001, 0.0001, 0.003, 0.02, 0.001, 0.02, 0.0005, 0.9553];
    private static readonly double[] ANumberM = [0.95, 0.03, 0.02];
    private static readonly double[] ANumberU = [0.000001, 0.00001, 0.999989];
    private static readonly double[] CountryM = [0.95, 0.05];
    private static readonly double[] CountryU = [0.5, 0.5];

    // Optional fields (exact, close, different). A city is shared by many unrelated people; an e-mail address or a
    // phone number almost never, but people change them; a parent's name is shared by siblings and namesakes.
    private static readonly double[] PlaceM = [0.80, 0.08, 0.12];
    private static readonly double[] PlaceU = [0.05, 0.01, 0.94];
    private static readonly double[] EmailM = [0.60, 0.20, 0.20];
    private static readonly double[] EmailU = [0.00005, 0.0005, 0.99945];
    private static readonly double[] PhoneM = [0.70, 0.05, 0.25];
    private static readonly double[] PhoneU = [0.00001, 0.0001, 0.99989];
    private static readonly double[] ParentM = [0.80, 0.12, 0.08];
    private static readonly double[] ParentU = [0.02, 0.02, 0.96];

    private static readonly double[][] DefaultM = [NameM, DateM, ANumberM, CountryM, PlaceM, EmailM, PhoneM, PlaceM, ParentM, ParentM];
    private static readonly double[][] DefaultU = [NameU, DateU, ANumberU, CountryU, PlaceU, EmailU, PhoneU, PlaceU, ParentU, ParentU];

    private readonly double[][] _m;
    private readonly double[][] _u;
    private readonly double[][] _w;

    private MatchModel(double[][] m, double[][] u, double priorWeight, double learnedMatches = 0, int iterations = 0)
    {
        PriorWeight = priorWeight;
        _m = m;
        _u = u;
        _w = new double[FieldCount][];
        for (var f = 0; f < FieldCount; f++)
        {
            _w[f] = Weights(m[f], u[f]);
        }

        MaxNameWeight = _w[0].Max();
        for (var f = FirstExtra; f < FieldCount; f++)
        {
            MaxExtraWeight += Math.Max(0, _w[f].Max());
        }

        LearnedMatches = learnedMatches;
        Iterations = iterations;
    }

    public static MatchModel Default { get; } = new(DefaultM, DefaultU, DefaultPriorWeight);

    /// <summary>
    /// Prior log2-odds that two records are the same person. Estimated from the sizes: linking n to m
    /// records expects about min(n, m) matches among n*m pairs (1 / max(n, m), counting people: a person's aliases are not more people); one list of n records is
    /// expected to hold about n/2 duplicate pairs among n^2/2 (1 / n). Kept between 2^-24 and 2^-10 so that
    /// a small file does not lower the bar.
    /// </summary>
    public double PriorWeight { get; }

    public IReadOnlyList<double> NameUProbabilities => _u[(int)ModelField.Name];

    public IReadOnlyList<double> DateUProbabilities => _u[(int)ModelField.BirthDate];

    public IReadOnlyList<double> CountryUProbabilities => _u[(int)ModelField.Country];

    /// <summary>P(level | same person) of a field, indexed by the level's enum value.</summary>
    public IReadOnlyList<double> M(ModelField field) => _m[(int)field];

    /// <summary>P(level | different people) of a field, indexed by the level's enum value.</summary>
    public IReadOnlyList<double> U(ModelField field) => _u[(int)field];

    /// <summary>How many of the sampled candidate pairs expectation maximisation counted as matches (0: m not learned).</summary>
    public double LearnedMatches { get; }

    /// <summary>Expectation-maximisation rounds run (0: m not learned).</summary>
    public int Iterations { get; }

    /// <summary>The largest weight a name can add, for skipping pairs that cannot reach a threshold.</summary>
    public double MaxNameWeight { get; }

    /// <summary>The largest weight the optional fields together can add.</summary>
    public double MaxExtraWeight { get; }

    public double NameWeight(NameLevel level) => level == NameLevel.Missing ? 0 : _w[0][(int)level];

    /// <summary>Bounds of the term-frequency adjustment, in bits: a name's rarity moves its weight by at most this much.</summary>
    public const double MinFrequencyAdjustment = -6;

    public const double MaxFrequencyAdjustment = 6;

    /// <summary>
    /// The name weight adjusted for how common the agreeing words are (term frequency, as Splink does it): the
    /// level's weight plus log2(u / u'), where u is the level's average chance that unrelated records agree and
    /// u' = 2^<paramref name="log2Share"/> the chance for these words (see <see cref="TermFrequencies"/>). So Mohammed
    /// Ali agreeing proves less than Sargon Kallabat, and a whole naming chain more than two words. 0 means unknown.
    /// </summary>
    public double NameWeight(NameLevel level, double log2Share)
    {
        if (level > NameLevel.Good || log2Share >= 0)
        {
            return NameWeight(level);
        }

        return NameWeight(level) + FrequencyAdjustment(log2Share);
    }

    private double FrequencyAdjustment(double log2Share) =>
        Math.Clamp(Math.Log2(NameUProbabilities[(int)NameLevel.Exact]) - log2Share, MinFrequencyAdjustment, MaxFrequencyAdjustment);

    /// <summary>An upper bound of <see cref="NameWeight(NameLevel, double)"/> when the agreeing words' log2 share is at least <paramref name="log2ShareBound"/>.</summary>
    public double MaxNameWeightFor(double log2ShareBound) =>
        log2ShareBound >= 0 ? MaxNameWeight : Math.Max(MaxNameWeight + FrequencyAdjustment(log2ShareBound), NameWeight(NameLevel.Weak));

    public double DateWeight(BirthDateLevel level) => level == BirthDateLevel.Missing ? 0 : _w[1][(int)level];

    public double ANumberWeight(ANumberLevel level) => level == ANumberLevel.Missing ? 0 : _w[2][(int)level];

    public double CountryWeight(CountryLevel level) => level == CountryLevel.Missing ? 0 : _w[3][(int)level];

    public double ExtraWeight(ExtraField field, ExtraLevel level) => level == ExtraLevel.Missing ? 0 : _w[FirstExtra + (int)field][(int)level];

    public double ScoreOf(double weight) => 1 / (1 + Math.Pow(2, -(weight + PriorWeight)));

    /// <summary>The weight a pair needs (before the prior) to reach a score.</summary>
    public double WeightFor(double score) => Math.Log2(score / (1 - score)) - PriorWeight;

    public static MatchDecision Decide(double score) =>
        score >= SameThreshold ? MatchDecision.SamePerson : score >= ReviewThreshold ? MatchDecision.NeedsReview : MatchDecision.Different;

    public static NameLevel NameLevelOf(NameComparison c)
    {
        if (c.Matched == 0 && c.Conflicting == 0 && c.Extra == 0)
        {
            return NameLevel.Missing;
        }

        if (c.Conflicting > 0)
        {
            return c.Matched > 0 ? NameLevel.Conflicting : NameLevel.Different;
        }

        // Words only one name has (a father's or grandfather's name in the chain) are neutral: the level is how
        // well the shared words agree. One shared word among several is another matter (Ali against Ali Hassan
        // Kadhim): then the extra words count, as the score counts them.
        var level = c.Matched >= 2 || c.Extra == 0 ? c.Agreement : c.Score;
        return level switch
        {
            >= 0.99 => NameLevel.Exact,
            >= 0.9 => NameLevel.Strong,
            >= 0.8 => NameLevel.Good,
            >= 0.6 => NameLevel.Weak,
            _ => NameLevel.Different,
        };
    }

    public static ANumberLevel ANumberLevelOf(ANumber? a, ANumber? b)
    {
        if (a is null || b is null)
        {
            return ANumberLevel.Missing;
        }

        var x = long.Parse(a.Value.Digits, System.Globalization.CultureInfo.InvariantCulture);
        var y = long.Parse(b.Value.Digits, System.Globalization.CultureInfo.InvariantCulture);
        return x == y ? ANumberLevel.Exact : OneTypoApart(x, y) ? ANumberLevel.OneTypo : ANumberLevel.Different;
    }

    /// <summary>Two 9-digit numbers differing in one digit or by a swap of two adjacent digits.</summary>
    public static bool OneTypoApart(long x, long y)
    {
        Span<int> dx = stackalloc int[9];
        Span<int> dy = stackalloc int[9];
        var first = -1;
        var count = 0;
        for (var i = 8; i >= 0; i--)
        {
            dx[i] = (int)(x % 10);
            dy[i] = (int)(y % 10);
            x /= 10;
            y /= 10;
        }

        for (var i = 0; i < 9; i++)
        {
            if (dx[i] != dy[i] && count++ == 0)
            {
                first = i;
            }
        }

        return count == 1 || (count == 2 && first + 1 < 9 && dx[first] == dy[first + 1] && dx[first + 1] == dy[first]);
    }

    public static CountryLevel CountryLevelOf(string a, string b) =>
        a.Length == 0 || b.Length == 0 ? CountryLevel.Missing : a == b ? CountryLevel.Same : CountryLevel.Different;


    /// <summary>Number of levels (without Missing) of each field.</summary>
    internal static int LevelCount(int field) => DefaultM[field].Length;

    /// <summary>
    /// The agreement level of every field of a pair, packed 4 bits a field (15 = missing), in <see cref="ModelField"/>
    /// order: the comparison vector that expectation maximisation counts.
    /// </summary>
    internal static ulong Pattern(PersonRecord a, PersonRecord b)
    {
        ulong p = 0;
        void Put(ModelField f, int level, int missing) => p |= (ulong)(level == missing ? 15 : level) << (4 * (int)f);
        Put(ModelField.Name, (int)NameLevelOf(Linker.CompareNames(a, b)), (int)NameLevel.Missing);
        Put(ModelField.BirthDate, (int)BirthDate.Compare(a.BirthDate, b.BirthDate), (int)BirthDateLevel.Missing);
        Put(ModelField.ANumber, (int)ANumberLevelOf(a.ANumber, b.ANumber), (int)ANumberLevel.Missing);
        Put(ModelField.Country, (int)CountryLevelOf(a.Country, b.Country), (int)CountryLevel.Missing);
        for (var e = 0; e < PersonExtras.FieldCount; e++)
        {
            Put((ModelField)(FirstExtra + e), (int)PersonExtras.Compare((ExtraField)e, a.Extras, b.Extras), (int)ExtraLevel.Missing);
        }

        return p;
    }

    private static int LevelIn(ulong pattern, int field) => (int)((pattern >> (4 * field)) & 15);

    private double PatternWeight(ulong pattern, bool skipANumber = false)
    {
        double w = 0;
        for (var f = 0; f < FieldCount; f++)
        {
            var l = LevelIn(pattern, f);
            if (l != 15 && !(skipANumber && f == (int)ModelField.ANumber))
            {
                w += _w[f][l];
            }
        }

        return w;
    }

    /// <summary>
    /// Re-estimates u from up to <paramref name="samples"/> random pairs (left x right, or within left when
    /// right is null), blended with the reasoned defaults as 2,000 pseudo-pairs so that small inputs keep
    /// sensible values. Deterministic: the sample is drawn with a fixed seed. Each pair counts with its probability,
    /// under the default model, of being two different people (one expectation step for u). m stays the default.
    /// </summary>
    public static MatchModel EstimateU(IReadOnlyList<PersonRecord> left, IReadOnlyList<PersonRecord>? right, int samples = 20_000)
    {
        var other = right ?? left;
        if (left.Count == 0 || other.Count == 0 || (right is null && left.Count < 2))
        {
            return Default;
        }

        var distinctPairs = right is null ? (long)left.Count * (left.Count - 1) / 2 : (long)left.Count * other.Count;
        samples = (int)Math.Min(samples, distinctPairs);
        var people = PersonRecord.PeopleIn(left);
        var lambda = 1.0 / Math.Max(people, right is null ? people : PersonRecord.PeopleIn(right));
        var prior = Math.Clamp(Math.Log2(lambda / (1 - lambda)), -24, -10);
        var counts = NewTables();
        var totals = new double[FieldCount];
        var random = new Random(20170611);
        for (var s = 0; s < samples; s++)
        {
            var i = random.Next(left.Count);
            var j = random.Next(other.Count);
            if (right is null && i == j)
            {
                continue;
            }

            var pattern = Pattern(left[i], other[j]);

            // One expectation step: a random pair is itself the same person now and then (often, when a list
            // is linked against a copy of itself), and those pairs must not teach u that names agree by chance.
            // Each pair counts with the probability, under the reasoned defaults, that it is two people.
            var different = 1 - (1 / (1 + Math.Pow(2, -(Default.PatternWeight(pattern) + prior))));
            for (var f = 0; f < FieldCount; f++)
            {
                var l = LevelIn(pattern, f);
                if (l != 15 && f != (int)ModelField.ANumber)
                {
                    counts[f][l] += different;
                    totals[f] += different;
                }
            }
        }

        var u = new double[FieldCount][];
        for (var f = 0; f < FieldCount; f++)
        {
            u[f] = f == (int)ModelField.ANumber ? ANumberU : Blend(counts[f], totals[f], DefaultU[f], 2000);
        }

        return new MatchModel(DefaultM, u, prior);
    }

    /// <summary>Pseudo-matches the reasoned m values count as when blended with what expectation maximisation learned.</summary>
    public const double MPseudoMatches = 100;

    /// <summary>Fewer sampled candidate pairs than this: m is not learned (too little to learn from).</summary>
    public const int MinCandidatePairs = 200;

    /// <summary>
    /// Learns m by expectation maximisation over the comparison vectors of candidate pairs (the pairs blocking
    /// brings together; <paramref name="patterns"/> counts each vector), as Splink and fastLink do: the candidates
    /// are a mixture of matches and non-matches, each field independent within a class; each round assigns every
    /// vector its probability of being a match (E) and re-estimates m, the candidates' own u and the share of
    /// matches (M). The learned m is blended with the reasoned one (<see cref="MPseudoMatches"/> pseudo-matches);
    /// u for scoring stays the one of random pairs (<see cref="EstimateU"/>: among candidates, non-matches agree on
    /// names by construction), and so does the prior from the list sizes. The A-number keeps its reasoned m: an
    /// identifier's error rate is not learnable from lists that rarely carry one.
    /// </summary>
    public static MatchModel Learn(MatchModel withU, IReadOnlyDictionary<ulong, double> patterns, int maxIterations = 60)
    {
        var total = patterns.Values.Sum();
        if (total < MinCandidatePairs)
        {
            return withU;
        }

        var keys = patterns.Keys.ToArray();
        var weights = keys.Select(k => patterns[k]).ToArray();

        // Two starts, and the one the data makes likelier wins. The candidates' u may start as u of random pairs
        // (an agreeing name is then evidence of a match), or as each level's share among all candidates (namesakes
        // agree on the name as often as matches do, so the other fields must tell them apart). Which describes a
        // list better depends on how many namesakes and how many mistyped dates it holds.
        var empirical = NewTables();
        foreach (var (pattern, count) in patterns)
        {
            for (var f = 0; f < FieldCount; f++)
            {
                var l = LevelIn(pattern, f);
                if (l != 15)
                {
                    empirical[f][l] += count;
                }
            }
        }

        for (var f = 0; f < FieldCount; f++)
        {
            empirical[f] = f == (int)ModelField.ANumber ? withU._u[f] : Normalise(empirical[f], 1e-3);
        }

        var fromRandom = Fit(keys, weights, total, withU._u.Select(a => (double[])a.Clone()).ToArray(), maxIterations);
        var fromShares = Fit(keys, weights, total, empirical, maxIterations);
        var best = fromShares.LogLikelihood > fromRandom.LogLikelihood ? fromShares : fromRandom;

        // The learned m, blended with the reasoned one so that a field seen in few matches keeps sensible values.
        var learned = new double[FieldCount][];
        for (var f = 0; f < FieldCount; f++)
        {
            if (f == (int)ModelField.ANumber)
            {
                learned[f] = ANumberM;
                continue;
            }

            var counts = new double[DefaultM[f].Length];
            double seen = 0;
            for (var k = 0; k < keys.Length; k++)
            {
                var l = LevelIn(keys[k], f);
                if (l != 15)
                {
                    counts[l] += best.Posterior[k] * weights[k];
                    seen += best.Posterior[k] * weights[k];
                }
            }

            learned[f] = Blend(counts, seen, DefaultM[f], MPseudoMatches);

            // A disagreeing level (a name that conflicts or differs, a birth date or other field that differs) is never
            // evidence *for* a match. When EM's match class makes it so, that class is not the matches for this field
            // (on the 1,000,000-row synthetic file it was pairs that share a birth date and a name word by chance:
            // m of a conflicting name 0.62, of an exact one 0.12), and the field keeps its reasoned m.
            var disagreeing = f == (int)ModelField.Name ? (int)NameLevel.Conflicting : learned[f].Length - 1;
            for (var l = disagreeing; l < learned[f].Length; l++)
            {
                if (learned[f][l] > withU._u[f][l])
                {
                    learned[f] = DefaultM[f];
                    break;
                }
            }
        }

        return new MatchModel(learned, withU._u, withU.PriorWeight, best.Matches, best.Iterations);
    }

    private sealed record FitResult(double[] Posterior, double Matches, int Iterations, double LogLikelihood);

    // Expectation maximisation of the two-class mixture from the reasoned m and the given u of the candidates.
    private static FitResult Fit(ulong[] keys, double[] weights, double total, double[][] uc, int maxIterations)
    {
        var m = DefaultM.Select(a => (double[])a.Clone()).ToArray();
        var lambda = 0.3;
        var posterior = new double[keys.Length];
        double matches = 0;
        double logLikelihood = 0;
        var iteration = 0;
        while (iteration < maxIterations)
        {
            iteration++;

            // E: each vector's probability of being a match under the current m, u and share of matches.
            logLikelihood = 0;
            for (var k = 0; k < keys.Length; k++)
            {
                double pm = lambda, pu = 1 - lambda;
                for (var f = 0; f < FieldCount; f++)
                {
                    var l = LevelIn(keys[k], f);
                    if (l != 15)
                    {
                        pm *= m[f][l];
                        pu *= uc[f][l];
                    }
                }

                posterior[k] = pm / (pm + pu);
                logLikelihood += weights[k] * Math.Log(pm + pu);
            }

            // M: m and the candidates' u from the weighted counts; the A-number keeps its reasoned values.
            var mc = NewTables();
            var ucount = NewTables();
            matches = 0;
            for (var k = 0; k < keys.Length; k++)
            {
                var p = posterior[k] * weights[k];
                var q = (1 - posterior[k]) * weights[k];
                matches += p;
                for (var f = 0; f < FieldCount; f++)
                {
                    var l = LevelIn(keys[k], f);
                    if (l != 15)
                    {
                        mc[f][l] += p;
                        ucount[f][l] += q;
                    }
                }
            }

            var change = 0.0;
            for (var f = 0; f < FieldCount; f++)
            {
                if (f == (int)ModelField.ANumber)
                {
                    continue;
                }

                var nm = Normalise(mc[f], 1e-4);
                for (var l = 0; l < nm.Length; l++)
                {
                    change = Math.Max(change, Math.Abs(nm[l] - m[f][l]));
                }

                m[f] = nm;
                uc[f] = Normalise(ucount[f], 1e-4);
            }

            lambda = Math.Clamp(matches / total, 1e-6, 1 - 1e-6);
            if (change < 1e-5)
            {
                break;
            }
        }

        return new FitResult(posterior, matches, iteration, logLikelihood);
    }

    private static double[][] NewTables() => DefaultM.Select(a => new double[a.Length]).ToArray();

    private static double[] Normalise(double[] counts, double floor)
    {
        var sum = counts.Sum();
        var result = new double[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            result[i] = Math.Max(floor, sum > 0 ? counts[i] / sum : 1.0 / counts.Length);
        }

        var again = result.Sum();
        for (var i = 0; i < result.Length; i++)
        {
            result[i] /= again;
        }

        return result;
    }

    private static double[] Blend(double[] counts, double n, double[] prior, double pseudo)
    {
        var result = new double[prior.Length];
        for (var i = 0; i < prior.Length; i++)
        {
            result[i] = Math.Max(1e-6, (counts[i] + (pseudo * prior[i])) / (n + pseudo));
        }

        return result;
    }

    private static double[] Weights(double[] m, double[] u)
    {
        var w = new double[m.Length];
        for (var i = 0; i < m.Length; i++)
        {
            w[i] = Math.Log2(m[i] / u[i]);
        }

        return w;
    }
}
