using Stayline.Domain.People;

namespace Stayline.Data;

/// <summary>The one definition of how names become search tokens (write side) and queries (read side).</summary>
public static class PersonSearch
{
    public const int MaxTokenLength = 100;

    public static IEnumerable<string> TokensFor(IEnumerable<string> names) =>
        names.SelectMany(SearchText.Tokens).Where(t => t.Length > 0)
            .Select(t => t.Length > MaxTokenLength ? t[..MaxTokenLength] : t)
            .Distinct(StringComparer.Ordinal);

    /// <summary>Upper bound for a prefix range scan: every token starting with prefix sorts below it.</summary>
    public static string PrefixUpperBound(string prefix) => prefix + '\uffff';
}
