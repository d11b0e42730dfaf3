namespace Stayline.Domain.Matching;

/// <summary>
/// A weighted edit distance on token keys. Differences that transliteration produces all the time cost
/// little (o/u, e/i, a/e, i/y, s/z, k/kh, v/w, a dropped vowel or h); differences that change the name
/// (m/r, b/s) cost a full edit. The result is 1 - cost / (weighted length of the longer key).
/// </summary>
public static class TokenSimilarity
{
    private const float VowelIndel = 0.5f;
    private const float Transposition = 0.5f;

    /// <param name="strict">Vowels cost as much as consonants (both words in a script that writes only long vowels).</param>
    public static float Compare(ReadOnlySpan<char> a, ReadOnlySpan<char> b, bool strict = false)
    {
        if (a.SequenceEqual(b))
        {
            return a.Length == 0 ? 0f : 1f;
        }

        if (a.Length == 0 || b.Length == 0 || a.Length > 40 || b.Length > 40)
        {
            return 0f;
        }

        // Two rows plus the one before them for transpositions (optimal string alignment).
        Span<float> prev2 = stackalloc float[b.Length + 1];
        Span<float> prev = stackalloc float[b.Length + 1];
        Span<float> cur = stackalloc float[b.Length + 1];
        prev[0] = 0;
        for (var j = 1; j <= b.Length; j++)
        {
            prev[j] = prev[j - 1] + Indel(strict, b[j - 1]);
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var ca = a[i - 1];
            cur[0] = prev[0] + Indel(strict, ca);
            for (var j = 1; j <= b.Length; j++)
            {
                var cb = b[j - 1];
                var best = prev[j - 1] + Substitution(ca, cb);
                var del = prev[j] + Indel(strict, ca);
                if (del < best)
                {
                    best = del;
                }

                var ins = cur[j - 1] + Indel(strict, cb);
                if (ins < best)
                {
                    best = ins;
                }

                if (i > 1 && j > 1 && ca == b[j - 2] && a[i - 2] == cb && prev2[j - 2] + Transposition < best)
                {
                    best = prev2[j - 2] + Transposition;
                }

                cur[j] = best;
            }

            var t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }

        var cost = prev[b.Length];
        var length = Math.Max(WeightedLength(a, strict), WeightedLength(b, strict));
        var sim = 1f - (cost / length);
        return sim < 0 ? 0 : sim;
    }

    private static float WeightedLength(ReadOnlySpan<char> s, bool strict)
    {
        var total = 0f;
        foreach (var c in s)
        {
            total += Indel(strict, c);
        }

        return total;
    }

    private static float Indel(bool strict, char c) => !strict && c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w' or 'h' ? VowelIndel : 1f;

    private static float Substitution(char x, char y)
    {
        if (x == y)
        {
            return 0f;
        }

        if (x > y)
        {
            (x, y) = (y, x);
        }

        return (x, y) switch
        {
            ('o', 'u') => 0.1f,
            ('i', 'y') => 0.1f,
            ('u', 'w') => 0.1f,
            ('e', 'i') => 0.2f,
            ('e', 'y') => 0.2f,
            ('o', 'w') => 0.2f,
            ('a', 'e') => 0.3f,
            ('v', 'w') => 0.2f,
            ('h', 'x') => 0.3f,
            ('k', 'x') => 0.4f,
            ('S', 's') => 0.4f,
            ('s', 'z') => 0.4f,
            ('b', 'p') => 0.4f,
            ('f', 'v') => 0.4f,
            ('j', 'y') => 0.4f,
            ('g', 'k') => 0.5f,
            ('d', 't') => 0.5f,
            ('g', 'j') => 0.5f,
            ('j', 'z') => 0.5f,
            ('d', 'z') => 0.4f,
            ('S', 'x') => 0.5f,
            ('S', 'j') => 0.6f,
            ('s', 't') => 0.6f,
            ('m', 'n') => 0.7f,
            ('l', 'r') => 0.7f,
            _ when IsVowelLike(x) && IsVowelLike(y) => 0.5f,
            _ => 1f,
        };
    }

    private static bool IsVowelLike(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
