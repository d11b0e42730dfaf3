using System.Net;
using System.Text.RegularExpressions;

namespace Stayline.Tests.Features.Shared;

/// <summary>
/// The words a rendered page writes itself, as opposed to the data it shows: every text node outside an element the
/// page marks as data (<c>&lt;bdi&gt;</c>, code, preformatted text, <c>dir="auto"</c>; <c>dir="ltr"</c> for citations, case numbers and
/// court abbreviations; <c>lang="en"</c> for English kept on purpose) and outside
/// scripts and styles. A translated page must write none of its English page's own text nodes again.
/// </summary>
public static partial class LocalisedPageText
{
    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    /// <summary>The page's own text nodes (decoded, whitespace collapsed; with <paramref name="wordsOnly"/> only those holding
    /// a word of Latin letters): its main element and, with <paramref name="withTitle"/>, its title (the header,
    /// navigation and footer are the layout's, checked with the dashboard).</summary>
    public static IReadOnlyList<string> Own(string html, bool withTitle = true, bool wordsOnly = true)
    {
        var title = withTitle && html.IndexOf("<title>", StringComparison.Ordinal) is var t and >= 0 ? html[t..(html.IndexOf("</title>", t, StringComparison.Ordinal) + 8)] : "";
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.LastIndexOf("</main>", StringComparison.Ordinal);
        html = title + (start >= 0 && end > start ? html[start..(end + 7)] : html);
        var texts = new List<string>();
        var stack = new Stack<(string Tag, bool Data)>();
        foreach (Match m in Token().Matches(html))
        {
            if (m.Groups["text"].Success)
            {
                if (stack.Count == 0 || !stack.Peek().Data)
                {
                    var text = Space().Replace(WebUtility.HtmlDecode(m.Groups["text"].Value), " ").Trim();
                    if (text.Length > 0 && (!wordsOnly || Word().IsMatch(text)))
                    {
                        texts.Add(text);
                    }
                }

                continue;
            }

            if (!m.Groups["tag"].Success)
            {
                continue; // a comment or the doctype
            }

            var tag = m.Groups["tag"].Value.ToLowerInvariant();
            if (m.Groups["close"].Value.Length > 0)
            {
                while (stack.Count > 0 && stack.Pop().Tag != tag)
                {
                }

                continue;
            }

            if (Void.Contains(tag) || m.Groups["attrs"].Value.EndsWith('/'))
            {
                continue;
            }

            var attrs = m.Groups["attrs"].Value;
            var data = (stack.Count > 0 && stack.Peek().Data) || tag is "bdi" or "code" or "pre" or "svg" or "script" or "style" or "textarea"
                || attrs.Contains("dir=\"auto\"", StringComparison.Ordinal) || attrs.Contains("dir=\"ltr\"", StringComparison.Ordinal)
                || attrs.Contains("lang=\"en\"", StringComparison.Ordinal);
            stack.Push((tag, data));
        }

        return texts;
    }

    /// <summary>The English page's own text nodes that the translated page writes again, word for word, once what may
    /// stay (A-numbers, court abbreviations, names of formats) is taken out.</summary>
    public static IReadOnlyList<string> Untranslated(string english, string translated, IEnumerable<string> invariant)
    {
        var again = Own(translated).ToHashSet(StringComparer.Ordinal);
        var keep = invariant.OrderByDescending(s => s.Length).ToList();
        return Own(english).Distinct(StringComparer.Ordinal).Where(again.Contains)
            .Where(t => Word().IsMatch(keep.Aggregate(ANumber().Replace(t, ""), (rest, k) => rest.Replace(k, "", StringComparison.Ordinal))))
            .ToList();
    }

    [GeneratedRegex(@"<!--.*?-->|<![^>]*>|<(?<close>/?)(?<tag>[a-zA-Z][a-zA-Z0-9]*)(?<attrs>(?:[^>""']|""[^""]*""|'[^']*')*)>|(?<text>[^<]+)", RegexOptions.Singleline)]
    private static partial Regex Token();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    /// <summary>Two Latin letters in a row: a word of English (Arabic text never matches; Spanish is checked by being
    /// different from the English node).</summary>
    [GeneratedRegex(@"[A-Za-z]{2}")]
    private static partial Regex Word();

    [GeneratedRegex(@"A\d{3}-\d{3}-\d{3}")]
    private static partial Regex ANumber();
}
