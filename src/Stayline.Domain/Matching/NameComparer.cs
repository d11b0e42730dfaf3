namespace Stayline.Domain.Matching;

/// <summary>How two names compare, with the counts behind the score.</summary>
/// <param name="Score">Similarity in [0,1].</param>
/// <param name="Matched">Words paired with a word of the other name.</param>
/// <param name="Conflicting">Words of each name left over while the other name also has words left over
/// (a different given name, father's name or clan name): strong evidence of different people.</param>
/// <param name="Extra">Words only one name has (an added father's name, a dropped middle name).</param>
/// <param name="RoleConflicts">Paired words that are a father's name (after bin/ibn) in one name and not in the other.</param>
/// <param name="Agreement">Weighted similarity of the paired words alone: how well the words both names have agree,
/// whatever words only one name has (an added father's or grandfather's name does not lower it).</param>
/// <param name="PairedWords">Bit i set: word i of the first name is paired (for weighing agreement by how rare those words are).</param>
public readonly record struct NameComparison(
    double Score, int Matched, double Conflicting, double Extra, int RoleConflicts, double Agreement = 0, ulong PairedWords = 0)
{
    public override string ToString() =>
        FormattableString.Invariant($"{Score:0.000} (words matched {Matched}, conflicting {Conflicting:0.#}, extra {Extra:0.#}, bin/ibn order conflicts {RoleConflicts})");
}

/// <summary>
/// Compares person names word by word, independent of word order: each word of one name is paired with
/// its most similar word in the other (greedy on <see cref="TokenSimilarity"/>; two adjacent words may
/// pair with one glued word). The score is the weighted similarity of the paired words divided by the
/// weight of everything: paired words, plus <see cref="ExtraWeight"/> per word only one side has, plus
/// <see cref="ConflictWeight"/> per word that has a different counterpart on the other side.
/// A father's name marked by bin/ibn must keep that role in both names, so "Salman bin Muhammad" is not
/// "Muhammad bin Salman".
/// </summary>
public static class NameComparer
{
    /// <summary>Two words below this similarity are not paired.</summary>
    public const float PairThreshold = 0.72f;

    /// <summary>Cost of a word only one name has: names are often recorded with or without a father's name.</summary>
    public const double ExtraWeight = 0.1;

    /// <summary>Cost of a word that differs from the one in the same slot of the other name.</summary>
    public const double ConflictWeight = 1.0;

    /// <summary>A score at or above this is treated as the same name (the `names compare --csv` is_match column).</summary>
    public const double MatchThreshold = 0.85;

    // Marks words paired as one glued word with two words of the other name.
    private const int Joined = -2;

    public static double Similarity(string? a, string? b) => Compare(ParsedName.Parse(a), ParsedName.Parse(b)).Score;

    /// <param name="partial">One name is known to be incomplete (a record without a given or a family
    /// name): words only the other has are not held against the pair.</param>
    /// <param name="givenFirst">Both names are a record's given name then family name, so the first word is the
    /// person's own name: a word before the first paired word on one side only is a conflict (Mohammed against
    /// Ali Mohammed: there Mohammed is the father). Free text (a sanctions list's "Alexandre Boris de Pfeffel
    /// Johnson") does not know that.</param>
    public static NameComparison Compare(ParsedName a, ParsedName b, bool partial = false, bool givenFirst = false)
    {
        var ta = a.Tokens;
        var tb = b.Tokens;
        if (ta.Count == 0 || tb.Count == 0)
        {
            return new NameComparison(0, 0, 0, 0, 0);
        }

        if (ta.Count > 16 || tb.Count > 16)
        {
            ta = ta.Take(16).ToArray();
            tb = tb.Take(16).ToArray();
        }

        Span<int> pairOfA = stackalloc int[ta.Count];
        Span<int> pairOfB = stackalloc int[tb.Count];
        Span<float> simOfA = stackalloc float[ta.Count];
        pairOfA.Fill(-1);
        pairOfB.Fill(-1);

        // Similarity matrix, then greedy pairing from the most similar pair down.
        Span<float> sims = stackalloc float[ta.Count * tb.Count];
        for (var i = 0; i < ta.Count; i++)
        {
            for (var j = 0; j < tb.Count; j++)
            {
                sims[(i * tb.Count) + j] = Pair(ta[i], tb[j]);
            }
        }

        // A word split in two on one side (Patr ushev, Abu Bakr) pairs as one before the single words do,
        // when the glued form is clearly closer than either half.
        double matchedSum = 0;
        double matchedWeight = 0;
        var matched = 0;
        PreJoin(ta, tb, pairOfA, pairOfB, sims, transposed: false, ref matchedSum, ref matchedWeight, ref matched);
        PreJoin(tb, ta, pairOfB, pairOfA, sims, transposed: true, ref matchedSum, ref matchedWeight, ref matched);

        while (true)
        {
            var best = PairThreshold;
            var bi = -1;
            var bj = -1;
            for (var i = 0; i < ta.Count; i++)
            {
                if (pairOfA[i] != -1)
                {
                    continue;
                }

                for (var j = 0; j < tb.Count; j++)
                {
                    var s = sims[(i * tb.Count) + j];
                    // Ties go to the pair closest in position, so repeated names pair in order.
                    if (pairOfB[j] == -1 && (s > best || (s == best && bi >= 0 && Math.Abs(i - j) < Math.Abs(bi - bj))))
                    {
                        best = s;
                        bi = i;
                        bj = j;
                    }
                }
            }

            if (bi < 0)
            {
                break;
            }

            pairOfA[bi] = bj;
            pairOfB[bj] = bi;
            simOfA[bi] = best;
        }

        var roleConflicts = 0;
        ulong pairedMask = 0;
        var rolesMatter = a.HasPatronymicMarker && b.HasPatronymicMarker;
        for (var i = 0; i < ta.Count; i++)
        {
            var j = pairOfA[i];
            if (j < 0)
            {
                continue;
            }

            var w = (Weight(ta[i]) + Weight(tb[j])) / 2;
            if (rolesMatter && ta[i].IsPatronymic != tb[j].IsPatronymic)
            {
                roleConflicts++;
                continue;
            }

            pairedMask |= 1UL << i;
            matched++;
            matchedSum += simOfA[i] * w;
            matchedWeight += w;
        }

        // Words left on both sides may still be one glued word against two (RamiMakhlouf, Abubakar).
        var leftA = Leftover(ta, pairOfA);
        var leftB = Leftover(tb, pairOfB);
        if (leftA > 0 && leftB > 0)
        {
            JoinGlued(ta, tb, pairOfA, pairOfB, ref matchedSum, ref matchedWeight, ref matched);
            JoinGlued(tb, ta, pairOfB, pairOfA, ref matchedSum, ref matchedWeight, ref matched);
            leftA = Leftover(ta, pairOfA);
            leftB = Leftover(tb, pairOfB);
        }

        for (var i = 0; i < ta.Count; i++)
        {
            if (pairOfA[i] == Joined)
            {
                pairedMask |= 1UL << i;
            }
        }

        var (pairs, leading) = SlotConflicts(ta, tb, pairOfA, pairOfB, sims, partial || !givenFirst) ?? (Math.Min(leftA, leftB), 0);
        var conflicting = pairs + leading + roleConflicts;
        var extra = Math.Max(0, leftA + leftB - (2 * pairs) - leading);
        var denominator = matchedWeight + ((partial ? 0 : ExtraWeight) * extra) + (ConflictWeight * conflicting);
        var score = denominator <= 0 ? 0 : matchedSum / denominator;
        var agreement = matchedWeight <= 0 ? 0 : matchedSum / matchedWeight;
        return new NameComparison(Math.Clamp(score, 0, 1), matched, conflicting, extra, roleConflicts, Math.Clamp(agreement, 0, 1), pairedMask);
    }

    /// <summary>
    /// Words left over on both sides conflict only where they stand in the same place of the naming chain
    /// (given, father, grandfather, family): between the same two paired words, or both before the first or
    /// after the last. "Ali Kadhim" against "Ali Hassan Kadhim Al-Jaburi" has an added father's and clan name,
    /// no conflict; "Ali Hassan Kadhim" against "Ali Hussein Kadhim" has two fathers. A word before the first
    /// paired word on one side only means that word is the person's own name there and the paired word is
    /// the father's ("Mohammed" against "Ali Mohammed"): a conflict too, unless <paramref name="noLeading"/>. Null when the paired words do not
    /// keep their order in both names (swapped given and family name): then the count is the plain minimum.
    /// </summary>
    private static (double Pairs, double Leading)? SlotConflicts(
        IReadOnlyList<NameToken> ta, IReadOnlyList<NameToken> tb, Span<int> pairOfA, Span<int> pairOfB, ReadOnlySpan<float> sims, bool noLeading)
    {
        var lastB = -1;
        var anchors = 0;
        for (var i = 0; i < ta.Count; i++)
        {
            var j = pairOfA[i];
            if (j == Joined)
            {
                return null;
            }

            if (j >= 0)
            {
                if (j < lastB)
                {
                    return null;
                }

                lastB = j;
                anchors++;
            }
        }

        if (anchors == 0)
        {
            return null;
        }

        double conflicts = 0;
        double leading = 0;
        var ia = 0;
        var ib = 0;
        var gap = 0;
        while (ia <= ta.Count || ib <= tb.Count)
        {
            // Leftover words of each side up to the next pair (or the end).
            double la = 0;
            double lb = 0;
            while (ia < ta.Count && pairOfA[ia] < 0)
            {
                la += Weight(ta[ia++]);
            }

            while (ib < tb.Count && pairOfB[ib] < 0)
            {
                lb += Weight(tb[ib++]);
            }

            conflicts += Math.Min(la, lb);
            if (gap == 0 && !noLeading && (la > 0) != (lb > 0) && ia < ta.Count && ib < tb.Count
                && !(la > 0 ? AnyPairs(sims, tb.Count, 0, ia, ib, rowsAreA: true) : AnyPairs(sims, tb.Count, 0, ib, ia, rowsAreA: false)))
            {
                leading = 1;
            }

            if (ia >= ta.Count && ib >= tb.Count)
            {
                break;
            }

            ia++;
            ib++;
            gap++;
        }

        return (conflicts, leading);
    }

    // Whether one of the leading words [from, to) of one side could pair with the other side's first paired word
    // (Mohamad Mohammed against Mohammed: the greedy pairing took the exact father's name, the given name is the same).
    private static bool AnyPairs(ReadOnlySpan<float> sims, int columns, int from, int to, int other, bool rowsAreA)
    {
        for (var k = from; k < to; k++)
        {
            var s = rowsAreA ? sims[(k * columns) + other] : sims[(other * columns) + k];
            if (s >= PairThreshold)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Similarity of two words, trying each with and without a glued article.</summary>
    public static float Pair(NameToken x, NameToken y)
    {
        if (x.IsInitial || y.IsInitial)
        {
            if (x.IsInitial && y.IsInitial)
            {
                return x.Key == y.Key ? 1f : 0f;
            }

            // An initial stands for the word it begins, but proves less than the word itself.
            return x.Key[0] == y.Key[0] ? 0.8f : 0f;
        }

        // Arabic script against Latin: compare consonant skeletons (Arabic never wrote the short vowels).
        // Arabic against Arabic: every written letter counts, long vowels too (Mahmud is not Muhammad).
        var unvocalised = x.Unvocalised != y.Unvocalised;
        var strict = x.Unvocalised && y.Unvocalised;
        var best = Compare(x.Key, x.Skeleton, y.Key, y.Skeleton, unvocalised, strict);
        if (best < 1f && (x.AltKey is not null || y.AltKey is not null))
        {
            if (x.AltKey is not null)
            {
                best = Math.Max(best, Compare(x.AltKey, x.AltSkeleton!, y.Key, y.Skeleton, unvocalised, strict));
            }

            if (y.AltKey is not null)
            {
                best = Math.Max(best, Compare(x.Key, x.Skeleton, y.AltKey, y.AltSkeleton!, unvocalised, strict));
            }

            if (x.AltKey is not null && y.AltKey is not null)
            {
                best = Math.Max(best, Compare(x.AltKey, x.AltSkeleton!, y.AltKey, y.AltSkeleton!, unvocalised, strict));
            }
        }

        // Two Abd compounds (ParsedName writes Abdul Hussein, Abd al-Hasan, Abdelkarim as abd + the name) are as alike
        // as the names they serve, not as the whole words: "Abd al-" begins hundreds of names and tells none of them
        // apart (Wikipedia, "Abdul": the first part of a compound name, "servant of the", the second part one of the
        // names of God or, in Shia use, of the Imams: Abd al-Husayn, Abd al-Hasan, Abd al-Zahra). Compared whole, the
        // shared "abd" carried the brothers' names Abdul Hussein and Abdul Hassan to 0.93; Hussein / Hassan alone are
        // two different names (NameFamilies).
        // Only when both served names have three letters or more (Abdullah, "servant of God", is abd + la: too short
        // to compare on its own, and Arabic script writes the final h Latin spellings drop).
        if (x.Key.Length >= 6 && y.Key.Length >= 6 && x.Key.StartsWith("abd", StringComparison.Ordinal) && y.Key.StartsWith("abd", StringComparison.Ordinal)
            && (!unvocalised || (x.Skeleton.Length >= 5 && y.Skeleton.Length >= 5)))
        {
            var served = ServedNameSimilarity(x, y, unvocalised, strict, out var sameFamily);
            best = sameFamily ? Math.Max(best, NameFamilies.SameFamily) : Math.Min(best, served);
        }

        // Two forms of one name (the Arabic and the Syriac form, Gorgis / Jirjis), or two different names a
        // letter apart (Hasan / Husayn): see NameFamilies.
        if (x.Family != 0 && y.Family != 0)
        {
            if (x.Family != y.Family)
            {
                return Math.Min(best, DifferentFamilies);
            }

            if (best < NameFamilies.SameFamily)
            {
                best = x.IsTranslation || y.IsTranslation ? Math.Max(best, NameFamilies.Translation) : NameFamilies.SameFamily;
            }
        }

        // A short form that begins the other word (Rob/Robert, Ben/Benjamin) agrees, weakly.
        if (best < ShortFormSimilarity && !unvocalised && !strict && IsShortForm(x.Key, y.Key))
        {
            best = ShortFormSimilarity;
        }

        // Latvian writes every man's name, a foreign one too, with a nominative ending (Latvian Cabinet Regulation
        // No. 114 of 2 March 2004 on the written form of personal names has Latvian documents spell foreign names by
        // Latvian orthography with its case endings; Wikipedia, "Latvian name"). A Russian name in a Latvian record:
        // Sergey -> Sergejs, Aleksey -> Aleksejs, Lavrov -> Lavrovs, Medvedev -> Medvedevs. The ending is grammar, not
        // another letter of the name, so the word is also compared without it, a little below the word itself. Only
        // the shapes a Russian name takes (-js after a vowel, -ovs, -evs): a bare -s after any consonant is also how
        // English makes a surname from a given name (Williams, Roberts, Edwards: "son of"), and on Splink's fake_1000
        // that version raised 112 pairs of different people against one of the same.
        if (best < LatvianEndingSimilarity && !unvocalised && !strict)
        {
            best = Math.Max(best, LatvianEndingSimilarity * Math.Max(WithoutLatvianEnding(x.Key, y.Key), WithoutLatvianEnding(y.Key, x.Key)));
        }

        return best;
    }

    private const float ShortFormSimilarity = 0.75f;

    // How alike the names two Abd compounds serve are: their keys after "abd", with the NameFamilies of those names.
    private static float ServedNameSimilarity(NameToken x, NameToken y, bool unvocalised, bool strict, out bool sameFamily)
    {
        sameFamily = false;
        var rx = x.Key[3..];
        var ry = y.Key[3..];
        var served = unvocalised
            ? TokenSimilarity.Compare(x.Skeleton.AsSpan(Math.Min(3, x.Skeleton.Length)), y.Skeleton.AsSpan(Math.Min(3, y.Skeleton.Length)))
            : TokenSimilarity.Compare(rx, ry, strict);
        var (fx, _) = NameFamilies.Of(rx);
        var (fy, _) = NameFamilies.Of(ry);
        if (fx != 0 && fy != 0)
        {
            sameFamily = fx == fy;
            served = sameFamily ? Math.Max(served, NameFamilies.SameFamily) : Math.Min(served, DifferentFamilies);
        }

        return served;
    }

    private const float LatvianEndingSimilarity = 0.95f;

    // The similarity of `ending` without its Latvian -s (Sergejs, Lavrovs, Medvedevs) to `other`, when `other` does not
    // end in s itself; else 0.
    private static float WithoutLatvianEnding(string ending, string other) =>
        ending.Length >= 5 && ending[^1] == 's' && other[^1] != 's'
        && ((ending[^2] == 'j' && TokenKey.IsVowel(ending[^3])) || (ending[^2] == 'v' && ending[^3] is 'o' or 'e'))
            ? TokenSimilarity.Compare(ending.AsSpan(0, ending.Length - 1), other)
            : 0f;

    // Below the pair threshold: two listed names of different families are different words.
    private const float DifferentFamilies = 0.5f;

    private static bool IsShortForm(string x, string y)
    {
        var (shorter, longer) = x.Length <= y.Length ? (x, y) : (y, x);
        return shorter.Length >= 3 && longer.Length >= shorter.Length + 2 && longer.StartsWith(shorter, StringComparison.Ordinal);
    }

    private static float Compare(string keyX, string skelX, string keyY, string skelY, bool unvocalised, bool strict) =>
        unvocalised ? TokenSimilarity.Compare(skelX, skelY) : TokenSimilarity.Compare(keyX, keyY, strict);

    private static double Weight(NameToken t) => t.IsInitial ? 0.5 : 1.0;

    private static double Leftover(IReadOnlyList<NameToken> tokens, Span<int> pairOf)
    {
        double total = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (pairOf[i] == -1)
            {
                total += Weight(tokens[i]);
            }
        }

        return total;
    }

    // sims is the a x b matrix; transposed when "two" is b.
    private static void PreJoin(
        IReadOnlyList<NameToken> two, IReadOnlyList<NameToken> one, Span<int> pairOfTwo, Span<int> pairOfOne,
        ReadOnlySpan<float> sims, bool transposed, ref double matchedSum, ref double matchedWeight, ref int matched)
    {
        Span<char> glued = stackalloc char[64];
        for (var i = 0; i + 1 < two.Count; i++)
        {
            var first = two[i].Key;
            var second = two[i + 1].Key;
            var length = first.Length + second.Length;
            if (length > glued.Length || two[i].IsInitial || two[i + 1].IsInitial)
            {
                continue;
            }

            for (var j = 0; j < one.Count && pairOfTwo[i] == -1; j++)
            {
                if (pairOfOne[j] != -1 || one[j].IsInitial || two[i].Unvocalised != one[j].Unvocalised || Math.Abs(length - one[j].Key.Length) > 2)
                {
                    continue;
                }

                first.CopyTo(glued);
                second.CopyTo(glued[first.Length..]);
                var g = TokenSimilarity.Compare(glued[..length], one[j].Key);
                var s1 = transposed ? sims[(j * two.Count) + i] : sims[(i * one.Count) + j];
                var s2 = transposed ? sims[(j * two.Count) + i + 1] : sims[((i + 1) * one.Count) + j];
                if (g >= 0.85f && g > s1 && g > s2)
                {
                    pairOfTwo[i] = pairOfTwo[i + 1] = pairOfOne[j] = Joined;
                    matched++;
                    matchedSum += g * 1.5;
                    matchedWeight += 1.5;
                }
            }
        }
    }

    private static void JoinGlued(
        IReadOnlyList<NameToken> two, IReadOnlyList<NameToken> one, Span<int> pairOfTwo, Span<int> pairOfOne,
        ref double matchedSum, ref double matchedWeight, ref int matched)
    {
        for (var i = 0; i + 1 < two.Count; i++)
        {
            if (pairOfTwo[i] != -1 || pairOfTwo[i + 1] != -1 || two[i].IsInitial || two[i + 1].IsInitial)
            {
                continue;
            }

            var glued = two[i].Key + two[i + 1].Key;
            for (var j = 0; j < one.Count; j++)
            {
                if (pairOfOne[j] != -1 || one[j].IsInitial)
                {
                    continue;
                }

                var s = one[j].Unvocalised != two[i].Unvocalised
                    ? TokenSimilarity.Compare(TokenKey.Skeleton(glued, false), one[j].Skeleton)
                    : TokenSimilarity.Compare(glued, one[j].Key);
                if (s >= PairThreshold)
                {
                    pairOfTwo[i] = pairOfTwo[i + 1] = pairOfOne[j] = Joined;
                    matched++;
                    matchedSum += s * 1.5;
                    matchedWeight += 1.5;
                    break;
                }
            }
        }
    }
}
