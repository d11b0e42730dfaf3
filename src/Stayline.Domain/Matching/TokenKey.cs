using System.Text;

namespace Stayline.Domain.Matching;

/// <summary>
/// The phonetic spelling of one name word. Latin spellings of Arabic-origin names differ mostly in ways
/// that have no Arabic letter behind them: ou/u/oo, ee/i, doubled letters, kh/ch/x, q/k, ph/f, dh/th/z,
/// a final silent h (Abdallah/Abdalla). The key folds those, so Yousif, Youssef and Yusuf become
/// "yusif", "yusef" and "yusuf", which differ only in vowels the comparer treats as cheap.
/// Output alphabet: a-z plus 'S' (sh/ch/sch) and 'x' (kh); other scripts pass through unchanged.
/// </summary>
public static class TokenKey
{
    /// <summary>Key of a lowercase Latin word (accents already removed).</summary>
    public static string FromLatin(string word)
    {
        var w = Deleet(word);
        var sb = new StringBuilder(w.Length);
        for (var i = 0; i < w.Length; i++)
        {
            var c = w[i];
            var n = i + 1 < w.Length ? w[i + 1] : '\0';
            var n2 = i + 2 < w.Length ? w[i + 2] : '\0';
            switch (c)
            {
                case 's' when n == 'c' && n2 == 'h':
                    sb.Append('S');
                    i += 2;
                    continue;
                case 't' when n == 's' && n2 == 'c' && i + 3 < w.Length && w[i + 3] == 'h':
                    sb.Append('S');
                    i += 3;
                    continue;
                case 't' when n == 'c' && n2 == 'h':
                    sb.Append('S');
                    i += 2;
                    continue;
                case 'c' when n == 'h':
                case 's' when n == 'h':
                    sb.Append('S');
                    i++;
                    continue;
                case 'k' when n == 'h':
                    sb.Append('x');
                    i++;
                    continue;
                case 'g' when n == 'h':
                    sb.Append('g');
                    i++;
                    continue;
                case 'p' when n == 'h':
                    sb.Append('f');
                    i++;
                    continue;
                case 't' when n == 'h':
                    sb.Append('t');
                    i++;
                    continue;
                case 'd' when n is 'h' or 'j' && i == 2 && w.StartsWith("ab", StringComparison.Ordinal):
                    // "abd" glued to the name it serves (ParsedName writes Abdul Hussein, Abd al-Hadi, Abdul Jabbar as
                    // abd + name): the d ends عبد and the h or j begins the name (عبد الحسين, عبد الجبار), so the two
                    // letters are not the digraph ذ (dh) or the j of dj. Read as one they made Abdul Hussein "abzusein"
                    // against the Arabic script's abd-h-s-n, and Abdul Hadi a letter from Abdul Zadi.
                    sb.Append('d');
                    continue;
                case 'd' when n == 'h':
                    sb.Append('z');
                    i++;
                    continue;
                case 'z' when n == 'h':
                case 'd' when n == 'j':
                    sb.Append('j');
                    i++;
                    continue;
                case 'c' when n == 'k':
                    sb.Append('k');
                    i++;
                    continue;
                case 'c':
                    sb.Append(n is 'e' or 'i' or 'y' ? 's' : 'k');
                    continue;
                case 'q':
                    sb.Append('k');
                    continue;
                case 'o' when n is 'u' or 'o':
                    sb.Append('u');
                    i++;
                    continue;
                case 'e' when n == 'e':
                    sb.Append('i');
                    i++;
                    continue;
                case 'y' when i > 0 && w[i - 1] == 'i' && n == 'a':
                    // The glide in iya is heard but often not written (Riyad / Riad, Ziyad / Ziad, Dhiya / Dhia).
                    continue;
                default:
                    sb.Append(c);
                    continue;
            }
        }

        // A final h after a vowel is silent (ta marbuta, Abdallah/Abdalla, Fatimah/Fatima).
        if (sb.Length > 2 && sb[^1] == 'h' && IsVowel(sb[^2]))
        {
            sb.Length--;
        }

        return CollapseDoubles(sb);
    }

    /// <summary>Key of an Arabic-script word, already transliterated.</summary>
    public static string FromArabicTransliteration(string latin) => CollapseDoubles(new StringBuilder(latin));

    /// <summary>
    /// The consonant skeleton: first letter (any vowel as 'a') then the consonants. Used to compare with
    /// unvocalised Arabic script and as a coarse index key.
    /// </summary>
    public static string Skeleton(string key, bool dropSemivowels)
    {
        if (key.Length == 0)
        {
            return key;
        }

        var sb = new StringBuilder(key.Length);
        sb.Append(IsVowel(key[0]) ? 'a' : key[0]);
        for (var i = 1; i < key.Length; i++)
        {
            var c = key[i];
            if (IsVowel(c) || (dropSemivowels && c is 'w' or 'y' or 'h'))
            {
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    public static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>
    /// A coarser blocking key than <see cref="NameToken.IndexKey"/> (a consonant skeleton): it also merges the letters a
    /// hotline's ear changes and the phonetic key keeps apart, so that a pair whose two name words are both respelt still
    /// meets. Arabic has no g or hard j contrast in dialect (ج is j in Iraq and g in Egypt: Jamal / Gamal, Majid / Maged),
    /// ق is written q, k, g or gh, and خ kh or q by ear (Bouqojeeki / Bougojeeki, Ghikhonudh / Ghiqhonud), so j, g, q, k
    /// and x (kh) become k; ذ and ض are written dh, d or z (Fodhud / Fodud), so z and d become d; the repeated consonant
    /// the skeleton keeps (Hamama "hmm", Haamma "hm") collapses. Distinct names merge too (Jamil and Kamil); it is only a
    /// key for bringing records together, never a comparison. Same output for a key already coarse.
    /// </summary>
    public static string Coarse(string indexKey)
    {
        Span<char> buffer = indexKey.Length <= 64 ? stackalloc char[indexKey.Length] : new char[indexKey.Length];
        var n = 0;
        foreach (var c in indexKey)
        {
            var m = c switch { 'j' or 'g' or 'q' or 'k' or 'x' => 'k', 'z' or 'd' => 'd', _ => c };
            if (n == 0 || buffer[n - 1] != m)
            {
                buffer[n++] = m;
            }
        }

        return buffer[..n].SequenceEqual(indexKey) ? indexKey : new string(buffer[..n]);
    }

    private static string CollapseDoubles(StringBuilder sb)
    {
        var write = 0;
        for (var read = 0; read < sb.Length; read++)
        {
            if (write > 0 && sb[write - 1] == sb[read])
            {
                continue;
            }

            sb[write++] = sb[read];
        }

        sb.Length = write;
        return sb.ToString();
    }

    // Typed lists and scanned documents replace letters with look-alike digits (Ig0r Sech1n).
    private static string Deleet(string word)
    {
        var hasDigit = false;
        var hasLetter = false;
        foreach (var c in word)
        {
            hasDigit |= char.IsAsciiDigit(c);
            hasLetter |= !char.IsAsciiDigit(c);
        }

        if (!hasDigit || !hasLetter)
        {
            return word;
        }

        return string.Create(word.Length, word, static (span, w) =>
        {
            for (var i = 0; i < w.Length; i++)
            {
                span[i] = w[i] switch
                {
                    '0' => 'o',
                    '1' => 'i',
                    '3' => 'e',
                    '4' => 'a',
                    '5' => 's',
                    '7' => 't',
                    '9' => 'g',
                    var c => c,
                };
            }
        });
    }
}
