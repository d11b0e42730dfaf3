using System.Collections.Concurrent;
using System.Text;

namespace Stayline.Data;

/// <summary>
/// The stored form of a protection row's summary and reasons: the engine's fixed phrases (and the JSON around them)
/// each stored as one private-use character. A million people imported with no facts yet all get the same ~310
/// characters; stored whole they were half of the database and most of the first recompute's writes. EF Core decodes
/// on every read (a value converter), so pages, API and exports see the text unchanged; rows written before this form
/// existed have no marker and are read as they are.
/// </summary>
public static class ProtectionText
{
    /// <summary>First character of an encoded text (phrase table version 1).</summary>
    private const char Encoded = '\uE000';

    /// <summary>First character of a text kept literally because it holds private-use characters itself.</summary>
    private const char Literal = '\uE001';

    private const char FirstCode = '\uE100';
    private const char FirstPrivate = '\uE000', LastPrivate = '\uF8FF';

    /// <summary>Texts remembered per direction: the same few texts recur across millions of rows.</summary>
    private const int CacheLimit = 4096;

    /// <summary>Candidate phrases by their first two characters when both are ASCII (all but a few), longest first.</summary>
    private static readonly (string Phrase, char Code)[]?[] ByAsciiPair = new (string, char)[]?[128 * 128];

    /// <summary>The other phrases, by their first two characters.</summary>
    private static readonly Dictionary<int, (string Phrase, char Code)[]> ByOtherPair = BuildIndex();
    private static readonly ConcurrentDictionary<string, string> EncodeCache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> DecodeCache = new(StringComparer.Ordinal);

    // ConcurrentDictionary.Count takes every lock: the caches count their own entries.
    private static int _encodeCached, _decodeCached;

    /// <summary>The frozen phrase table (for its tests).</summary>
    public static IReadOnlyList<string> Phrases => ProtectionTextPhrases.V1;

    public static string Encode(string text)
    {
        if (EncodeCache.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var encoded = EncodeCore(text);
        if (Volatile.Read(ref _encodeCached) < CacheLimit && EncodeCache.TryAdd(text, encoded))
        {
            Interlocked.Increment(ref _encodeCached);
        }

        return encoded;
    }

    public static string Decode(string stored)
    {
        if (stored.Length == 0 || stored[0] is not (Encoded or Literal))
        {
            return stored;
        }

        if (stored[0] == Literal)
        {
            return stored[1..];
        }

        if (DecodeCache.TryGetValue(stored, out var cached))
        {
            return cached;
        }

        var text = new StringBuilder(stored.Length * 8);
        foreach (var c in stored.AsSpan(1))
        {
            var code = c - FirstCode;
            if (code >= 0 && code < ProtectionTextPhrases.V1.Length)
            {
                text.Append(ProtectionTextPhrases.V1[code]);
            }
            else
            {
                text.Append(c);
            }
        }

        var decoded = text.ToString();
        if (Volatile.Read(ref _decodeCached) < CacheLimit && DecodeCache.TryAdd(stored, decoded))
        {
            Interlocked.Increment(ref _decodeCached);
        }

        return decoded;
    }

    private static string EncodeCore(string text)
    {
        foreach (var c in text)
        {
            if (c is >= FirstPrivate and <= LastPrivate)
            {
                return Literal + text;
            }
        }

        var result = new StringBuilder(text.Length / 2);
        result.Append(Encoded);
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            if (i + 1 < span.Length && Candidates(span[i], span[i + 1]) is { } candidates)
            {
                var matched = false;
                foreach (var (phrase, code) in candidates)
                {
                    if (span[i..].StartsWith(phrase, StringComparison.Ordinal))
                    {
                        result.Append(code);
                        i += phrase.Length;
                        matched = true;
                        break;
                    }
                }

                if (matched)
                {
                    continue;
                }
            }

            result.Append(span[i]);
            i++;
        }

        return result.ToString();
    }

    private static int Key(char a, char b) => (a << 16) | b;

    private static (string Phrase, char Code)[]? Candidates(char a, char b) =>
        (a | b) < 128 ? ByAsciiPair[(a * 128) + b] : ByOtherPair.GetValueOrDefault(Key(a, b));

    private static Dictionary<int, (string Phrase, char Code)[]> BuildIndex()
    {
        var phrases = ProtectionTextPhrases.V1;
        if (phrases.Length > LastPrivate - FirstCode)
        {
            throw new InvalidOperationException("Too many phrases for the private-use range.");
        }

        // Longest first, so that a phrase wins over any phrase it starts with.
        var others = new Dictionary<int, (string Phrase, char Code)[]>();
        foreach (var g in phrases.Select((p, i) => (Phrase: p, Code: (char)(FirstCode + i))).GroupBy(x => (x.Phrase[0], x.Phrase[1])))
        {
            var (a, b) = g.Key;
            var sorted = g.OrderByDescending(x => x.Phrase.Length).ToArray();
            if ((a | b) < 128)
            {
                ByAsciiPair[(a * 128) + b] = sorted;
            }
            else
            {
                others[Key(a, b)] = sorted;
            }
        }

        return others;
    }
}
