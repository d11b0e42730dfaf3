using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Stayline.Domain.Matching;

/// <summary>One word of a name after normalisation.</summary>
/// <param name="Key">Phonetic key (see <see cref="TokenKey"/>).</param>
/// <param name="AltKey">Key without a glued article (Alrubaie -> rubaie), or null.</param>
/// <param name="Unvocalised">Came from Arabic script: short vowels were never written.</param>
/// <param name="IsInitial">A single letter standing for a word (J. or J).</param>
/// <param name="IsPatronymic">Follows bin/ibn/bint/ben: it names the father (or grandfather), not the person.</param>
/// <param name="Family">The <see cref="NameFamilies"/> family of the word (Gorgis and Jirjis share one), or 0.</param>
/// <param name="IsTranslation">The word is the English name of its family (Joseph for Yousif).</param>
public sealed record NameToken(string Key, string? AltKey, bool Unvocalised, bool IsInitial, bool IsPatronymic, int Family = 0, bool IsTranslation = false)
{
    /// <summary>Consonant skeleton, for comparing with Arabic script.</summary>
    public string Skeleton { get; } = TokenKey.Skeleton(Key, dropSemivowels: false);

    public string? AltSkeleton { get; } = AltKey is null ? null : TokenKey.Skeleton(AltKey, dropSemivowels: false);

    /// <summary>Coarse key for indexes and blocking: the skeleton without w, y and h.</summary>
    public string IndexKey { get; } = TokenKey.Skeleton(AltKey ?? Key, dropSemivowels: true);

    /// <summary>The same key for every form of a <see cref="NameFamilies"/> family (Gorgis and Jirjis), else <see cref="IndexKey"/>.</summary>
    public string FamilyIndexKey { get; } = Family != 0 ? NameFamilies.IndexKeyOf(Family) : TokenKey.Skeleton(AltKey ?? Key, dropSemivowels: true);

    /// <summary>The search keys of this word (see <see cref="NameKeys"/>): coarse keys of <see cref="Key"/> and of <see cref="AltKey"/>.</summary>
    internal string SearchKey { get; } = TokenKey.Skeleton(Key, dropSemivowels: true);

    internal string? AltSearchKey { get; } = AltKey is null ? null : TokenKey.Skeleton(AltKey, dropSemivowels: true);
}

/// <summary>A name split into normalised words; the original order is kept.</summary>
public sealed class ParsedName
{
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madame", "monsieur", "president", "prasident",
        "sheikh", "shaikh", "shaykh", "sheik", "haji", "hajji", "hadji", "mullah", "mulla", "maulana",
        "maulvi", "mawlawi", "mawlana",
    };

    // Standalone definite articles; the assimilated forms (ad-, ar-, as-, ud-, ur- ...) only count inside
    // a hyphenated compound such as Zia-ur-Rahman, where they cannot be a name.
    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal) { "al", "el", "ul" };

    private static readonly HashSet<string> HyphenArticles = new(StringComparer.Ordinal)
    {
        "al", "el", "ul", "il", "ad", "ed", "ud", "ar", "er", "ur", "as", "es", "us", "ash", "at", "az", "an", "un", "ud",
    };

    private static readonly HashSet<string> AbdForms = new(StringComparer.Ordinal)
    {
        "abd", "abdu", "abdul", "abdel", "abdal", "abdil", "abdol", "abdoul", "abdool", "abdl",
    };

    private static readonly HashSet<string> DinWords = new(StringComparer.Ordinal)
    {
        "din", "deen", "dine", "ddin", "ddine", "eddine", "eddin", "uddin", "udin", "dean",
    };

    private static readonly string[] DinSuffixes =
    [
        "oudine", "ouddine", "uddeen", "eddine", "uddine", "uddin", "eddin", "addin", "iddin", "aldin", "eldin",
        "uldin", "udin", "edin", "eddyn", "aldyn",
    ];

    private static readonly HashSet<string> PatronymicMarkers = new(StringComparer.Ordinal)
    {
        "bin", "ibn", "bint", "binti", "bte", "ould", "ibnu",
    };

    private static readonly HashSet<string> MuhammadAbbreviations = new(StringComparer.Ordinal)
    {
        "mhd", "mohd", "muhd", "md", "mhmd",
    };

    private ParsedName(string original, NameToken[] tokens)
    {
        Original = original;
        Tokens = tokens;
        HasPatronymicMarker = tokens.Any(t => t.IsPatronymic);
    }

    public string Original { get; }

    public IReadOnlyList<NameToken> Tokens { get; }

    public bool HasPatronymicMarker { get; }

    public static ParsedName Empty { get; } = new(string.Empty, []);

    public static ParsedName Parse(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Empty;
        }

        var words = SplitWords(ReorderComma(name));
        return new ParsedName(name, BuildTokens(words));
    }

    /// <summary>Given name words followed by family name words, as parsed separately.</summary>
    public static ParsedName Combine(ParsedName given, ParsedName family)
    {
        if (family.Tokens.Count == 0)
        {
            return given;
        }

        if (given.Tokens.Count == 0)
        {
            return family;
        }

        return new ParsedName(given.Original + " " + family.Original, [.. given.Tokens, .. family.Tokens]);
    }

    // "FAMILY, Given" is the list convention; read it as "Given FAMILY".
    private static string ReorderComma(string name)
    {
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma <= 0 || comma == name.Length - 1)
        {
            return name;
        }

        return string.Concat(name.AsSpan(comma + 1), " ", name.AsSpan(0, comma));
    }

    private readonly record struct Word(string Text, bool Arabic, bool AfterHyphen);

    private static List<Word> SplitWords(string name)
    {
        var words = new List<Word>(6);
        // Most names in a list are plain ASCII: skip the decomposition pass for them.
        var decomposed = name.AsSpan().IndexOfAnyExceptInRange((char)0, (char)127) < 0 ? name : name.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        var arabic = new StringBuilder();
        var hyphenPending = false;
        var currentAfterHyphen = false;

        void Flush(bool hyphen)
        {
            if (arabic.Length > 0)
            {
                words.Add(new Word(Transliteration.ArabicWord(arabic.ToString()), true, currentAfterHyphen));
                arabic.Clear();
            }

            if (sb.Length > 0)
            {
                words.Add(new Word(sb.ToString(), false, currentAfterHyphen));
                sb.Clear();
            }

            hyphenPending = hyphen;
        }

        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format)
            {
                continue;
            }

            if (c is '\'' or '’' or '‘' or '`' or 'ʿ' or 'ʾ' or '´' or 'ʼ')
            {
                continue;
            }

            if (Transliteration.IsArabic(c) && char.IsLetter(c))
            {
                if (sb.Length > 0)
                {
                    Flush(false);
                }

                if (arabic.Length == 0)
                {
                    currentAfterHyphen = hyphenPending;
                    hyphenPending = false;
                }

                arabic.Append(c);
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (arabic.Length > 0)
                {
                    Flush(false);
                }

                if (sb.Length == 0)
                {
                    currentAfterHyphen = hyphenPending;
                    hyphenPending = false;
                }

                AppendLatin(sb, c);
                continue;
            }

            Flush(c is '-' or '‐' or '–');
        }

        Flush(false);
        return words;
    }

    private static void AppendLatin(StringBuilder sb, char c)
    {
        if (c < 128)
        {
            sb.Append(char.ToLowerInvariant(c));
            return;
        }

        var lower = char.ToLowerInvariant(c);
        var mapped = lower switch
        {
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            'ø' => "o",
            'ł' => "l",
            'đ' or 'ð' => "d",
            'þ' => "th",
            'ı' => "i",
            'ħ' => "h",
            _ => Transliteration.LatinFor(lower),
        };
        if (mapped is not null)
        {
            sb.Append(mapped);
        }
        else
        {
            sb.Append(lower);
        }
    }

    private static NameToken[] BuildTokens(List<Word> words)
    {
        var tokens = new List<NameToken>(words.Count);
        var patronymicNext = false;
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            var text = w.Text;
            if (!w.Arabic && Titles.Contains(text) && words.Count > 1)
            {
                continue;
            }

            if (Articles.Contains(text) || (w.AfterHyphen && HyphenArticles.Contains(text) && i + 1 < words.Count && words[i + 1].AfterHyphen))
            {
                if (i + 1 < words.Count)
                {
                    continue;
                }
            }

            if (PatronymicMarkers.Contains(text) || (text == "ben" && tokens.Count > 0) || (w.Arabic && text is "bn" or "abn" or "bnt"))
            {
                if (i + 1 < words.Count)
                {
                    patronymicNext = true;
                    continue;
                }
            }

            var arabic = w.Arabic;
            if (AbdForms.Contains(text) && i + 1 < words.Count)
            {
                // Abd al-Rahman, Abdul Rahman, Abd-el-Rahman: one name, "servant of the Merciful".
                var j = i + 1;
                if (j + 1 < words.Count && (Articles.Contains(words[j].Text) || HyphenArticles.Contains(words[j].Text)))
                {
                    j++;
                }

                text = "abd" + StripArticle(words[j].Text, 2);
                arabic |= words[j].Arabic;
                i = j;
            }
            else if (text.StartsWith("abd", StringComparison.Ordinal))
            {
                text = "abd" + StripAbdLink(text.AsSpan(3));
            }

            if (i + 1 < words.Count && IsDinWord(words[i + 1].Text, out var skip) && !arabic)
            {
                text += "din";
                i += skip;
            }
            else if (i + 2 < words.Count && Articles.Contains(words[i + 1].Text) && IsDinWord(words[i + 2].Text, out _))
            {
                text += "din";
                i += 2;
            }
            else if (i + 1 < words.Count && words[i + 1].Arabic && arabic && words[i + 1].Text is "aldin" or "aldyn")
            {
                text += "din";
                i++;
            }

            if (!arabic)
            {
                text = NormaliseDinSuffix(text);
                if (MuhammadAbbreviations.Contains(text))
                {
                    text = "muhammad";
                }
            }

            var token = WordToken(text, arabic, patronymicNext);
            if (token is null)
            {
                continue;
            }

            tokens.Add(token);
            patronymicNext = false;
        }

        return [.. tokens];
    }

    // Lists repeat the same few thousand words across a million names: each word's token is computed once.
    // Bounded so that a stream of unique words (a fuzzing run, a malicious file) cannot grow it without end.
    private const int WordCacheLimit = 100_000;
    private static readonly ConcurrentDictionary<(string Text, bool Arabic, bool Patronymic), NameToken?> WordCache = new();
    private static int _wordCacheCount;

    /// <summary>The token of one normalised word, or null when nothing of it is left (a word of marks only).</summary>
    private static NameToken? WordToken(string text, bool arabic, bool patronymic)
    {
        if (WordCache.TryGetValue((text, arabic, patronymic), out var cached))
        {
            return cached;
        }

        var token = BuildWordToken(text, arabic, patronymic);
        // A counter, not WordCache.Count: Count takes every lock of the dictionary (up to 1,024 once it has grown),
        // and once the cache was full every new word paid that: 13 s for 300,000 distinct names.
        if (Volatile.Read(ref _wordCacheCount) < WordCacheLimit && WordCache.TryAdd((text, arabic, patronymic), token))
        {
            Interlocked.Increment(ref _wordCacheCount);
        }

        return token;
    }

    private static NameToken? BuildWordToken(string text, bool arabic, bool patronymic)
    {
        var key = arabic ? TokenKey.FromArabicTransliteration(text) : TokenKey.FromLatin(text);
        if (key.Length == 0)
        {
            return null;
        }

        var stripped = StripArticle(text, arabic ? 2 : 4);
        string? alt = null;
        if (stripped.Length != text.Length)
        {
            alt = arabic ? TokenKey.FromArabicTransliteration(stripped) : TokenKey.FromLatin(stripped);
        }

        var isInitial = !arabic && text.Length == 1 && char.IsAsciiLetter(text[0]);
        var (family, translation) = NameFamilies.Of(key);
        return new NameToken(key, alt, arabic, isInitial, patronymic, family, translation);
    }

    private static bool IsDinWord(string text, out int skip)
    {
        skip = 1;
        return DinWords.Contains(text);
    }

    private static string NormaliseDinSuffix(string text)
    {
        foreach (var suffix in DinSuffixes)
        {
            if (text.Length >= suffix.Length + 2 && text.EndsWith(suffix, StringComparison.Ordinal))
            {
                return string.Concat(text.AsSpan(0, text.Length - suffix.Length), "din");
            }
        }

        return text;
    }

    /// <summary>Abdulrahman, Abdelaziz, Abdurrahman, Abdallah: drop the linking article after "abd".</summary>
    private static string StripAbdLink(ReadOnlySpan<char> rest)
    {
        if (rest.Length >= 4 && TokenKey.IsVowel(rest[0]) && rest[1] == 'l')
        {
            return rest[2..].ToString();
        }

        if (rest.Length >= 4 && rest[0] == 'l')
        {
            return rest[1..].ToString();
        }

        // Sun letters assimilate the article: Abd-ur-Rahman, Abdus-Salam.
        if (rest.Length >= 5 && TokenKey.IsVowel(rest[0]) && rest[1] == rest[2] && !TokenKey.IsVowel(rest[1]))
        {
            return rest[2..].ToString();
        }

        if (rest.Length >= 4 && TokenKey.IsVowel(rest[0]) && !TokenKey.IsVowel(rest[1]))
        {
            return rest[1..].ToString();
        }

        return rest.ToString();
    }

    private static string StripArticle(string text, int minRest)
    {
        if (text.Length >= 2 + minRest && text[1] == 'l' && text[0] is 'a' or 'e')
        {
            return text[2..];
        }

        return text;
    }
}
