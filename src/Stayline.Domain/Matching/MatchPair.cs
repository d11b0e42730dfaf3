namespace Stayline.Domain.Matching;

/// <summary>The evidence of each field for one pair: its agreement level and its log2(m/u) weight.</summary>
public sealed record MatchEvidence(
    NameComparison Name,
    NameLevel NameLevel,
    double NameWeight,
    BirthDateLevel BirthDateLevel,
    double BirthDateWeight,
    ANumberLevel ANumberLevel,
    double ANumberWeight,
    CountryLevel CountryLevel,
    double CountryWeight,
    IReadOnlyList<ExtraLevel>? ExtraLevels = null,
    double ExtraWeight = 0)
{
    /// <summary>Sum of the field weights, before the prior.</summary>
    public double TotalWeight => NameWeight + BirthDateWeight + ANumberWeight + CountryWeight + ExtraWeight;

    /// <summary>The level of one optional field (Missing when the lists do not have it).</summary>
    public ExtraLevel Extra(ExtraField field) => ExtraLevels is { } l ? l[(int)field] : ExtraLevel.Missing;
}

/// <summary>
/// A scored pair. <see cref="Left"/> and <see cref="Right"/> index the input lists (for
/// <see cref="Linker.Deduplicate"/> both index the one list and Left &lt; Right).
/// </summary>
public sealed record MatchPair(int Left, int Right, double Score, MatchDecision Decision, MatchEvidence Evidence);
