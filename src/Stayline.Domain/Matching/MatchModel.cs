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

/// <summary>
/// Fellegi-Sunter model: for each field and agreement level, m = P(level | same person) and
/// u = P(level | different people). A pair's weight is the sum over fields of log2(m/u) (a missing
/// value adds 0) plus the prior log-odds; its score is the posterior probability 1 / (1 + 2^-weight).
/// m values are set from reasoning about how lists are typed (docs/benchmarks/matching.md lists them);
/// u values default to reasoned values and are re-estimated from random pairs of the data being linked
/// (<see cref="EstimateU"/>), which is what makes a common surname count for less.
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

    private static readonly double[] NameM = [0.50, 0.28, 0.12, 0.06, 0.02, 0.02];
    private static readonly double[] NameU = [0.0002, 0.0005, 0.002, 0.01, 0.2, 0.7873];
    private static readonly double[] DateM = [0.70, 0.04, 0.06, 0.05, 0.08, 0.03, 0.04];
    // Year only: about 1 in 50 unrelated people share a birth year (the ages on a detention list span about 50 years).
    private static readonly double[] DateU = [0.0001, 0.0001, 0.003, 0.02, 0.001, 0.02, 0.9558];
    private static readonly double[] ANumberM = [0.95, 0.03, 0.02];
    private static readonly double[] ANumberU = [0.000001, 0.00001, 0.999989];
    private static readonly double[] CountryM = [0.95, 0.05];
    private static readonly double[] CountryU = [0.5, 0.5];

    private readonly double[] _nameW;
    private readonly double[] _dateW;
    private readonly double[] _aNumberW;
    private readonly double[] _countryW;

    private MatchModel(double[] nameU, double[] dateU, double[] aNumberU, double[] countryU, double priorWeight)
    {
        PriorWeight = priorWeight;
        NameUProbabilities = nameU;
        DateUProbabilities = dateU;
        CountryUProbabilities = countryU;
        _nameW = Weights(NameM, nameU);
        _dateW = Weights(DateM, dateU);
        _aNumberW = Weights(ANumberM, aNumberU);
        _countryW = Weights(CountryM, countryU);
        MaxNameWeight = _nameW.Max();
    }

    public static MatchModel Default { get; } = new(NameU, DateU, ANumberU, CountryU, DefaultPriorWeight);

    /// <summary>
    /// Prior log2-odds that two records are the same person. Estimated from the sizes: linking n to m
    /// records expects about min(n, m) matches among n*m pairs (1 / max(n, m)); one list of n records is
    /// expected to hold about n/2 duplicate pairs among n^2/2 (1 / n). Kept between 2^-24 and 2^-10 so that
    /// a small file does not lower the bar.
    /// </summary>
    public double PriorWeight { get; }

    public IReadOnlyList<double> NameUProbabilities { get; }

    public IReadOnlyList<double> DateUProbabilities { get; }

    public IReadOnlyList<double> CountryUProbabilities { get; }

    /// <summary>The largest weight a name can add, for skipping pairs that cannot reach a threshold.</summary>
    public double MaxNameWeight { get; }

    public double NameWeight(NameLevel level) => level == NameLevel.Missing ? 0 : _nameW[(int)level];

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

    public double DateWeight(BirthDateLevel level) => level == BirthDateLevel.Missing ? 0 : _dateW[(int)level];

    public double ANumberWeight(ANumberLevel level) => level == ANumberLevel.Missing ? 0 : _aNumberW[(int)level];

    public double CountryWeight(CountryLevel level) => level == CountryLevel.Missing ? 0 : _countryW[(int)level];

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

    /// <summary>
    /// Re-estimates u from up to <paramref name="samples"/> random pairs (left x right, or within left when
    /// right is null), blended with the reasoned defaults as 2,000 pseudo-pairs so that small inputs keep
    /// sensible values. Deterministic: the sample is drawn with a fixed seed. Each pair counts with its probability,
    /// under the default model, of being two different people (one expectation step of EM for u).
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
        var lambda = 1.0 / Math.Max(left.Count, other.Count);
        var prior = Math.Clamp(Math.Log2(lambda / (1 - lambda)), -24, -10);
        var names = new double[NameU.Length];
        var dates = new double[DateU.Length];
        var countries = new double[CountryU.Length];
        double nameN = 0, dateN = 0, countryN = 0;
        var random = new Random(20170611);
        for (var s = 0; s < samples; s++)
        {
            var i = random.Next(left.Count);
            var j = random.Next(other.Count);
            if (right is null && i == j)
            {
                continue;
            }

            var a = left[i];
            var b = other[j];
            var name = NameLevelOf(Linker.CompareNames(a, b));
            var date = BirthDate.Compare(a.BirthDate, b.BirthDate);
            var country = CountryLevelOf(a.Country, b.Country);

            // One expectation step: a random pair is itself the same person now and then (often, when a list
            // is linked against a copy of itself), and those pairs must not teach u that names agree by chance.
            // Each pair counts with the probability, under the reasoned defaults, that it is two people.
            var weight = Default.NameWeight(name) + Default.DateWeight(date) + Default.CountryWeight(country)
                + Default.ANumberWeight(ANumberLevelOf(a.ANumber, b.ANumber));
            var different = 1 - (1 / (1 + Math.Pow(2, -(weight + prior))));
            if (name != NameLevel.Missing)
            {
                names[(int)name] += different;
                nameN += different;
            }

            if (date != BirthDateLevel.Missing)
            {
                dates[(int)date] += different;
                dateN += different;
            }

            if (country != CountryLevel.Missing)
            {
                countries[(int)country] += different;
                countryN += different;
            }
        }

        return new MatchModel(Blend(names, nameN, NameU), Blend(dates, dateN, DateU), ANumberU, Blend(countries, countryN, CountryU), prior);
    }

    private static double[] Blend(double[] counts, double n, double[] prior)
    {
        const double PseudoPairs = 2000;
        var result = new double[prior.Length];
        for (var i = 0; i < prior.Length; i++)
        {
            result[i] = Math.Max(1e-6, (counts[i] + (PseudoPairs * prior[i])) / (n + PseudoPairs));
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
