using Stayline.Domain.Matching;
using Stayline.Domain.People;

namespace Stayline.Data;

/// <summary>The one definition of how names become search tokens (write side) and queries (read side).</summary>
public static class PersonSearch
{
    public const int MaxTokenLength = 100;

    /// <summary>Marks a spelling-robust name key (<see cref="NameKeys"/>); no folded word starts with it, so prefix search never meets one.</summary>
    public const char KeyMarker = '~';

    /// <summary>The folded words of every name (prefix search) and their name keys (variant spellings).</summary>
    public static IEnumerable<string> TokensFor(IEnumerable<string> names)
    {
        var list = names as IReadOnlyCollection<string> ?? names.ToList();
        return list.SelectMany(SearchText.Tokens).Concat(list.SelectMany(KeysFor))
            .Where(t => t.Length > 0)
            .Select(t => t.Length > MaxTokenLength ? t[..MaxTokenLength] : t)
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>Everything a person is found by: their primary name, its original script, and every alias.
    /// Each token is stored as one row (Token, the person's SortName, PersonId) of person_name_tokens.</summary>
    public static IEnumerable<string> TokensForPerson(string given, string family, string? native, IEnumerable<string> aliases) =>
        TokensFor(aliases.Append($"{given} {family} {native}"));

    /// <summary>The name keys of a name or a query, as stored in the token index.</summary>
    public static IEnumerable<string> KeysFor(string? name) => NameKeys.For(name).Select(k => KeyMarker + k);

    /// <summary>Upper bound for a prefix range scan: every token starting with prefix sorts below it.</summary>
    public static string PrefixUpperBound(string prefix) => prefix + '\uffff';
}
