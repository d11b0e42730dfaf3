namespace Stayline.Domain.Matching;

/// <summary>
/// Search keys for a name, for a database index: one coarse phonetic key per word (first letter, then
/// the consonants, with w/y/h and vowels dropped), plus the key without a glued article (Alrubaie ->
/// rubaie). Spelling variants share keys: "Yusuf Al Jaburi" and "Yousif Aljabouri" both give ysf and jbr;
/// Arabic script gives the same keys as its Latin spellings. Store every key of every name and alias of a
/// person; to search, look up the query's keys and rank the candidates with <see cref="NameComparer"/>.
/// </summary>
public static class NameKeys
{
    public static IReadOnlyList<string> For(string? name)
    {
        var parsed = ParsedName.Parse(name);
        var keys = new List<string>(parsed.Tokens.Count + 1);
        foreach (var token in parsed.Tokens)
        {
            if (token.IsInitial)
            {
                continue;
            }

            Add(keys, token.SearchKey);
            if (token.AltSearchKey is not null)
            {
                Add(keys, token.AltSearchKey);
            }
        }

        return keys;
    }

    private static void Add(List<string> keys, string key)
    {
        if (key.Length > 0 && !keys.Contains(key))
        {
            keys.Add(key);
        }
    }
}
