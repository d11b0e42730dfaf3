using Stayline.Domain.People;
using Stayline.Features.Demo;

namespace Foundation.Bench;

/// <summary>What people type into the people list's search box: A-numbers in the formats found on papers, and name beginnings.</summary>
internal static class SearchQueries
{
    public static List<string> ANumbers(Random rng, long maxId, int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var a = ANumber.FromStored(PeopleGenerator.ANumberOf(rng.NextInt64(1, maxId + 1)));
            var digits = a.Digits;
            return (i % 4) switch
            {
                0 => a.Display,                                           // A012-345-678
                1 => digits,                                              // 012345678
                2 => "A" + (digits[0] == '0' ? digits[1..] : digits),     // A12345678
                _ => $"A {digits[..3]} {digits[3..6]} {digits[6..]}",    // A 012 345 678
            };
        }).ToList();

    /// <summary>The first 3-5 letters of one name: "kass", "yal", "shamm".</summary>
    public static List<string> OneWordPrefixes(Random rng, int count) =>
        Enumerable.Range(0, count).Select(_ =>
        {
            var word = LongestWord(Spelling(rng, rng.Next(2) == 0 ? AllGiven : AllFamily));
            return Prefix(rng, word);
        }).ToList();

    /// <summary>A full given name and the beginning of a family name: "yousif kas".</summary>
    public static List<string> GivenAndFamilyPrefix(Random rng, int count) =>
        Enumerable.Range(0, count).Select(_ =>
            $"{Spelling(rng, AllGiven).ToLowerInvariant()} {Prefix(rng, LongestWord(Spelling(rng, AllFamily)))}").ToList();

    /// <summary>Arab family names as typed with their article: "al-jab", "Al Shamm".</summary>
    public static List<string> ArticlePrefixes(Random rng, int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var name = LongestWord(Spelling(rng, DemoNames.ArabFamily));
            var stem = name.StartsWith("al", StringComparison.Ordinal) && name.Length > 6 ? name[2..] : name;
            return (i % 2 == 0 ? "al-" : "Al ") + Prefix(rng, stem);
        }).ToList();

    private static readonly DemoNames.Name[] AllGiven = [.. DemoNames.ChaldeanGiven, .. DemoNames.ArabGiven];
    private static readonly DemoNames.Name[] AllFamily = [.. DemoNames.ChaldeanFamily, .. DemoNames.ArabFamily];

    private static string Spelling(Random rng, DemoNames.Name[] names)
    {
        var n = names[rng.Next(names.Length)];
        return n.Spellings[rng.Next(n.Spellings.Length)];
    }

    private static string LongestWord(string name) =>
        SearchText.Tokens(name).OrderByDescending(t => t.Length).First();

    private static string Prefix(Random rng, string word) => word[..Math.Min(word.Length, rng.Next(3, 6))];
}
