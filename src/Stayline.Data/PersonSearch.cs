using System.Text.Encodings.Web;
using System.Text.Json;
using Stayline.Domain.Matching;
using Stayline.Domain.People;

namespace Stayline.Data;

/// <summary>The one definition of how names become search tokens (write side) and queries (read side).</summary>
public static class PersonSearch
{
    public const int MaxTokenLength = 100;

    /// <summary>Marks a spelling-robust name key (<see cref="NameKeys"/>); no folded word starts with it, so prefix search never meets one.</summary>
    public const char KeyMarker = '~';

    /// <summary>
    /// A person's search tokens, each once: the folded words of every name (prefix search), and what it takes for
    /// the person to have exactly the spelling keys of their names (<see cref="NameKeys"/>, variant spellings)
    /// through the key dictionary (<see cref="KeysOfToken"/>):
    /// <list type="bullet">
    /// <item>a word whose own keys are all keys of the names is stored as it is, and carries its keys
    /// ("yousif": ysf);</item>
    /// <item>a word whose keys differ in its name's context ("al" in "Al-Rubaie", "rahman" in "Abd al-Rahman") is
    /// stored with a trailing space: prefix search still finds it, the dictionary never credits it;</item>
    /// <item>a key that no stored word carries ("abdrmn" of "Abd al-Rahman") is stored as its own token, "~abdrmn".</item>
    /// </list>
    /// Most names need no key tokens at all: about two tokens per person instead of four (ADR 0003).
    /// </summary>
    /// <remarks>
    /// A bulk import keeps a million people's tokens alive until it writes them: the strings come from a shared
    /// pool (names repeat), so each person costs one small array, not new strings for the garbage collector to copy.
    /// </remarks>
    public static string[] TokensFor(IEnumerable<string> names)
    {
        var list = names as IReadOnlyCollection<string> ?? names.ToList();
        var (words, keys, tokens, covered) = (new List<string>(8), new List<string>(8), new List<string>(8), new List<string>(8));
        foreach (var name in list)
        {
            var folded = SearchText.Fold(name);
            foreach (var range in folded.AsSpan().Split(' '))
            {
                if (range.End.GetOffset(folded.Length) > range.Start.GetOffset(folded.Length))
                {
                    AddOnce(words, Pooled(Truncate(folded.AsSpan()[range])));
                }
            }
        }

        foreach (var name in list)
        {
            foreach (var key in NameKeys.For(name))
            {
                AddOnce(keys, CapKey(key));
            }
        }

        foreach (var word in words)
        {
            var own = WordKeys(word);
            var plain = true;
            foreach (var key in own)
            {
                plain &= keys.Contains(key);
            }

            if (plain)
            {
                tokens.Add(word);
                covered.AddRange(own);
            }
            else
            {
                // Two long words cut to the same 99 characters give one token.
                AddOnce(tokens, Bound(word));
            }
        }

        foreach (var key in keys)
        {
            if (!covered.Contains(key))
            {
                AddOnce(tokens, Marked(key));
            }
        }

        return [.. tokens];
    }

    /// <summary>
    /// The person's words that the sort name does not show (aliases, the name in its own script), for
    /// <see cref="PersonNameToken.OtherWords"/>; null when there are none (most people).
    /// </summary>
    public static string? OtherWords(string sortName, IReadOnlyList<string> tokens)
    {
        List<string>? others = null;
        foreach (var token in tokens)
        {
            if (token.Length == 0 || token[0] == KeyMarker)
            {
                continue;
            }

            var word = token[^1] == BoundMarker ? token[..^1] : token;
            if (!IsWordOf(sortName, word))
            {
                (others ??= []).Add(word);
            }
        }

        return others is null ? null : string.Join(' ', others);
    }

    private static bool IsWordOf(string text, string word)
    {
        foreach (var range in text.AsSpan().Split(' '))
        {
            if (text.AsSpan()[range].SequenceEqual(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Each distinct token's spelling keys as (key, token) rows of the key dictionary, in its key order (a
    /// bulk write fills each page of its B-tree once).</summary>
    public static List<(string Key, string Token)> KeyPairs(IEnumerable<string> tokens) =>
        tokens.Distinct(StringComparer.Ordinal).SelectMany(t => KeysOfToken(t).Select(k => (k, t)))
            .OrderBy(p => p.k, StringComparer.Ordinal).ThenBy(p => p.t, StringComparer.Ordinal).ToList();

    /// <summary>A query word as long as a stored token can be and still find it (a bound word keeps 99 characters).</summary>
    public static string QueryWord(string word) => word.Length < MaxTokenLength ? word : Truncate(word.AsSpan())[..^1].ToString();

    /// <summary>The spelling keys a stored token carries in the key dictionary (none for a context-bound word).</summary>
    public static IReadOnlyList<string> KeysOfToken(string token) =>
        token.Length == 0 || token[^1] == BoundMarker ? []
        : token[0] == KeyMarker ? [token[1..]]
        : WordKeys(token);

    /// <summary>Ends a word whose spelling keys hold only in its name's context. Folded words have no spaces, and a
    /// trailing space keeps the word inside its prefixes' ranges.</summary>
    public const char BoundMarker = ' ';

    private static string Bound(string word)
    {
        Span<char> bound = stackalloc char[Math.Min(word.Length, MaxTokenLength - 1) + 1];
        word.AsSpan(0, bound.Length - 1).CopyTo(bound);
        bound[^1] = BoundMarker;
        return Pooled(Truncate(bound));
    }

    /// <summary>A single word's own spelling keys, cached per word like the pool.</summary>
    private static IReadOnlyList<string> WordKeys(string word)
    {
        if (OwnKeys.TryGetValue(word, out var known))
        {
            return known;
        }

        var made = NameKeys.For(word).Select(CapKey).ToArray();
        if (Volatile.Read(ref _ownKeys) < PoolLimit && OwnKeys.TryAdd(word, made))
        {
            Interlocked.Increment(ref _ownKeys);
        }

        return made;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> OwnKeys = new(StringComparer.Ordinal);
    private static int _ownKeys;

    private static void AddOnce(List<string> tokens, string token)
    {
        foreach (var t in tokens)
        {
            if (string.Equals(t, token, StringComparison.Ordinal))
            {
                return;
            }
        }

        tokens.Add(token);
    }

    /// <summary>Past this many distinct tokens the pool stops growing (a long-running server meets many names).</summary>
    private const int PoolLimit = 200_000;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> PoolBySpan =
        Pool.GetAlternateLookup<ReadOnlySpan<char>>();

    private static int _pooled;

    private static string Pooled(ReadOnlySpan<char> word)
    {
        if (PoolBySpan.TryGetValue(word, out var pooled))
        {
            return pooled;
        }

        var made = word.ToString();
        // A counter, not Pool.Count (which takes every lock of the dictionary).
        return Volatile.Read(ref _pooled) < PoolLimit && Pool.TryAdd(made, made) && Interlocked.Increment(ref _pooled) > 0 ? made
            : Pool.TryGetValue(made, out var other) ? other : made;
    }

    private static string Marked(string key)
    {
        Span<char> marked = stackalloc char[key.Length + 1];
        marked[0] = KeyMarker;
        key.AsSpan().CopyTo(marked[1..]);
        return Pooled(marked);
    }

    /// <summary>At most <see cref="MaxTokenLength"/> UTF-16 units, never half a surrogate pair (that would not survive UTF-8).</summary>
    private static ReadOnlySpan<char> Truncate(ReadOnlySpan<char> token) => token.Length <= MaxTokenLength ? token
        : token[..(char.IsHighSurrogate(token[MaxTokenLength - 1]) ? MaxTokenLength - 1 : MaxTokenLength)];

    /// <summary>The search index's table (<see cref="PersonNameToken"/>).</summary>
    public const string TokenTable = "person_name_tokens";

    /// <summary>The trigger on people that deletes a person's token rows with the person, by the keys their NameIndex
    /// lists (made by both migrations SQL generators).</summary>
    public const string CascadeTrigger = "person_name_tokens_cascade";

    /// <summary>The shadow column of people that records the person's rows of the token table.</summary>
    public const string NameIndexColumn = "NameIndex";

    private static readonly JsonSerializerOptions IndexJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// What a person's rows of the token table are, as stored in people."NameIndex": JSON
    /// <c>{"sort":"kassab yousif","tokens":["yousif","kassab","~ysf","~ksb"]}</c> (the rows are exactly
    /// (token, sort, person id) for each token). Rows are found and deleted from it: the token table needs no index
    /// by person. JSON so that database triggers can read it (SQLite's json_each, PostgreSQL's jsonb functions).
    /// </summary>
    public static string NameIndex(string sortName, IReadOnlyList<string> tokens)
    {
        if (!Plain(sortName) || !tokens.All(Plain))
        {
            return JsonSerializer.Serialize(new NameIndexRecord(sortName, [.. tokens]), IndexJson);
        }

        // Folded names and keys are letters, digits, spaces and the key marker: written as they are (a million
        // people in a bulk import), the same JSON the serializer writes.
        var sb = new System.Text.StringBuilder(sortName.Length + 24 + tokens.Sum(t => t.Length + 3));
        sb.Append("{\"sort\":\"").Append(sortName).Append("\",\"tokens\":[");
        for (var i = 0; i < tokens.Count; i++)
        {
            sb.Append(i == 0 ? "\"" : ",\"").Append(tokens[i]).Append('"');
        }

        return sb.Append("]}").ToString();
    }

    /// <summary>Text JSON carries unescaped: no quote, backslash, control character or surrogate.</summary>
    private static bool Plain(string s) => !s.AsSpan().ContainsAny(PlainExceptions) && s.AsSpan().IndexOfAnyInRange('\0', '\u001f') < 0
        && s.AsSpan().IndexOfAnyInRange('\ud800', '\udfff') < 0;

    private static readonly System.Buffers.SearchValues<char> PlainExceptions = System.Buffers.SearchValues.Create("\"\\<>&'+`\u007f");

    /// <summary>The rows a <see cref="NameIndex"/> value records; null for a person never indexed.</summary>
    public static NameIndexRecord? ReadNameIndex(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<NameIndexRecord>(json, IndexJson);

    /// <summary>Everything a person is found by: their primary name, its original script, and every alias.
    /// Each token is stored as one row (Token, the person's SortName, PersonId) of person_name_tokens.</summary>
    public static string[] TokensForPerson(string given, string family, string? native, IEnumerable<string> aliases)
    {
        var primary = native is null ? string.Concat(given, " ", family) : string.Concat(given, " ", family, " ", native);
        return TokensFor(aliases is ICollection<string> { Count: 0 } ? [primary] : aliases.Append(primary));
    }

    /// <summary>An alias as <see cref="TokensForPerson"/> reads it: one name, given then family.</summary>
    public static string AliasName(string given, string family) => string.Concat(given, " ", family);

    /// <summary>The spelling keys of a name or a query, as the key dictionary lists them.</summary>
    public static IEnumerable<string> KeysFor(string? name) => NameKeys.For(name).Select(CapKey).Distinct(StringComparer.Ordinal);

    /// <summary>A key short enough to be stored as a token with its marker.</summary>
    private static string CapKey(string key) => key.Length < MaxTokenLength ? key : Truncate(key.AsSpan())[..^1].ToString();

    /// <summary>
    /// Bump when the way names become tokens or keys changes in a way <see cref="ProbeNames"/> does not show, so that
    /// every database rebuilds its name index on the next start.
    /// </summary>
    private const int KeysRevision = 1;

    /// <summary>
    /// Names whose tokens and keys show the rules of <see cref="NameKeys"/> and <see cref="TokensFor"/>: articles,
    /// Abd compounds, the region's transliteration families, Arabic script, accents, apostrophes, long words.
    /// </summary>
    private static readonly string[] ProbeNames =
    [
        "Yousif Kassab", "Yusuf Al-Kassab", "Riyadh Hamama", "Riad Yousif Hamamah", "Gorgis Al-Kubaisi", "Jirjis Faysal Al Kubaysi",
        "Boutros Putrus", "Yaqub Yacoub", "Hermiz Hormiz", "Abd al-Rahman", "Abdul Rahman", "Abdel Rahman", "Abdulrahman",
        "Abdul Hussein", "Abdul Hassan", "Abdul Jabbar", "Abdullah Ali", "Abdul Masih", "Mohammed bin Salman", "Muhammad ibn Rashid",
        "Dhiyaa Thamer", "Ghassan Qasim", "Shaikho", "Sheikho", "Daoud Ibrahim", "Dawood Ebrahim", "Nasser El-Din", "Nasreddine",
        "Sergejs Lavrovs", "Sergey Viktorovich Lavrov", "Nguyễn Văn An", "Seán O'Brien", "Ma'ruf Al-Ani", "Zhang Wei",
        "محمد علي", "عبد الحسين يوسف", "جرجس الكبيسي", "عبدالله", "يعقوب بطرس", "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    ];

    /// <summary>
    /// A fingerprint of how names become search tokens and keys: the tokens, keys and name index of <see cref="ProbeNames"/>
    /// under this build's code, hashed, with <see cref="KeysRevision"/>. Stored as <see cref="DerivedVersion.NameKeys"/>;
    /// a build whose rules differ sees another value and rebuilds every person's name index (the rows saved under the
    /// old rules would otherwise miss people in a search and in the add-person duplicate check).
    /// </summary>
    public static string KeysFingerprint { get; } = Fingerprint();

    private static string Fingerprint()
    {
        var text = new System.Text.StringBuilder().Append(KeysRevision).Append('\n');
        foreach (var name in ProbeNames)
        {
            var tokens = TokensForPerson(name, "", null, []);
            text.Append(NameIndex(SearchText.Fold(name), tokens)).Append('|').AppendJoin(' ', KeysFor(name)).Append('|')
                .AppendJoin(' ', KeyPairs(tokens).Select(p => p.Key + "=" + p.Token)).Append('\n');
        }

        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    /// <summary>Upper bound for a prefix range scan: every token starting with prefix sorts below it.</summary>
    public static string PrefixUpperBound(string prefix) => prefix + '\uffff';
}

/// <summary>A person's rows of the token table: one (token, <paramref name="Sort"/>, person id) per token.</summary>
public sealed record NameIndexRecord(
    [property: System.Text.Json.Serialization.JsonPropertyName("sort")] string Sort,
    [property: System.Text.Json.Serialization.JsonPropertyName("tokens")] string[] Tokens);
