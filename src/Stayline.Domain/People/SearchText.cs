using System.Globalization;
using System.Text;

namespace Stayline.Domain.People;

/// <summary>Case- and accent-insensitive forms of names, for sorting and prefix search.</summary>
public static class SearchText
{
    /// <summary>"Yoûsif  AL-Kassab" -> "yousif al kassab".</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastSpace = true;
        foreach (var c in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                lastSpace = false;
            }
            else if (!lastSpace && c is not '\'' and not '\u2019' and not '`')
            {
                sb.Append(' ');
                lastSpace = true;
            }
        }

        return sb.ToString().TrimEnd().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The distinct words of a folded name, for the name-token index.</summary>
    public static IEnumerable<string> Tokens(string? text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// Every word typed appears in the name as typed (case and accents aside): "Abbas" in "Abbas Hamid" but not in
    /// "Abas Hamid", which the name comparer scores the same (a doubled letter is a spelling variant). A name search
    /// lists such names first among equal scores and only they are shown as 100 %.
    /// </summary>
    public static bool HasEveryWordOf(string? name, string? query)
    {
        var typed = Tokens(query).ToList();
        if (typed.Count == 0)
        {
            return false;
        }

        var words = Tokens(name).ToHashSet(StringComparer.Ordinal);
        return typed.All(words.Contains);
    }
}
