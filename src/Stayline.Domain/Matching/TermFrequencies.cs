namespace Stayline.Domain.Matching;

/// <summary>
/// How common each name word is among the records being linked (term frequency): agreeing on a rare word
/// (Kallabat) proves more than agreeing on Mohammed, and agreeing on a whole naming chain (given, father's,
/// family name) more than on two words. Words are counted by their coarse key (<see cref="NameToken.IndexKey"/>,
/// so spelling variants count as one word), once per record. Below <see cref="MinRecords"/> records the shares
/// are too noisy (in a small file a person's own duplicates make their name look common) and are not used.
/// </summary>
public sealed class TermFrequencies
{
    public const int MinRecords = 1000;

    private readonly Dictionary<string, int> _counts;
    private readonly int _total;

    private TermFrequencies(Dictionary<string, int> counts, int total)
    {
        _counts = counts;
        _total = total;
    }

    /// <summary>No frequencies: every agreement weighs its level's average.</summary>
    public static TermFrequencies None { get; } = new(new Dictionary<string, int>(StringComparer.Ordinal), 0);

    public bool IsKnown => _total >= MinRecords;

    public static TermFrequencies Of(IReadOnlyList<PersonRecord> left, IReadOnlyList<PersonRecord>? right)
    {
        var total = left.Count + (right?.Count ?? 0);
        if (total < MinRecords)
        {
            return None;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new List<string>(8);
        foreach (var list in right is null ? [left] : new[] { left, right })
        {
            foreach (var r in list)
            {
                seen.Clear();
                foreach (var t in r.Name.Tokens)
                {
                    if (!t.IsInitial && t.IndexKey.Length > 0 && !seen.Contains(t.IndexKey))
                    {
                        seen.Add(t.IndexKey);
                        counts[t.IndexKey] = counts.GetValueOrDefault(t.IndexKey) + 1;
                    }
                }
            }
        }

        return new TermFrequencies(counts, total);
    }

    /// <summary>
    /// log2 of the share of the other records carrying this word (the record itself does not make its name
    /// common: a word seen once gets the floor 1/total); 0 when unknown.
    /// </summary>
    public double Log2Share(NameToken token)
    {
        if (!IsKnown || token.IsInitial)
        {
            return 0;
        }

        var count = _counts.GetValueOrDefault(token.IndexKey);
        return Math.Log2(Math.Max(count - 1, 1) / (double)_total);
    }

    /// <summary>Sum of <see cref="Log2Share(NameToken)"/> over the words of <paramref name="name"/> whose bit is set: log2 of
    /// the chance that an unrelated record carries all of them, taking the words as independent.</summary>
    public double Log2Share(ParsedName name, ulong words)
    {
        if (!IsKnown)
        {
            return 0;
        }

        double sum = 0;
        var tokens = name.Tokens;
        for (var i = 0; i < tokens.Count && i < 64; i++)
        {
            if ((words & (1UL << i)) != 0)
            {
                sum += Log2Share(tokens[i]);
            }
        }

        return sum;
    }
}
