using System.Globalization;
using System.Resources;
using Stayline.Domain.Common;

namespace Stayline.Resources;

/// <summary>
/// The text of the staff pages and the public hotline: Strings.resx (English), Strings.ar.resx, Strings.es.resx.
/// Views ask for it with <c>@inject IStringLocalizer&lt;Strings&gt; T</c>; a key missing in a language falls back to English.
/// </summary>
public sealed class Strings
{
    private static readonly ResourceManager Manager = new(typeof(Strings).FullName!, typeof(Strings).Assembly);

    /// <summary>A text in the reader's language, for static helpers that have no localiser (enum labels, dates).</summary>
    public static string Get(string key) => Manager.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    /// <summary>
    /// A sentence built below the pages (a validation error, a service's result) in the reader's language: the
    /// translation of its format (the resource whose key is the English format, e.g. "Transfer date {0:yyyy-MM-dd} is in
    /// the future.") with the same values, formatted as the reader writes numbers; sentences inside it are said the same
    /// way. English prints the English sentence; a format nobody translates (a name said as written, "{0} ({1})") stays
    /// as it is, with the sentences inside it said in the reader's language. A term (<see cref="Sentence.Term"/>) is its
    /// key's resource.
    /// </summary>
    public static string Say(Sentence sentence)
    {
        var language = Infrastructure.Localization.Current;
        if (language == "en")
        {
            return sentence.ToString();
        }

        var translated = Manager.GetString(sentence.Key ?? sentence.Format, CultureInfo.CurrentUICulture);
        if (sentence.Key is not null)
        {
            return translated ?? sentence.ToString();
        }

        if (translated is null && !sentence.Values.Any(v => v is Sentence))
        {
            return sentence.ToString();
        }

        var values = sentence.Values.Select(v => v is Sentence inner ? SayInside(inner) : v).ToArray();
        return translated is null
            ? string.Format(CultureInfo.CurrentCulture, sentence.Format, values)
            : string.Format(Infrastructure.Localization.CultureOf(language), translated, values);
    }

    /// <summary>
    /// A sentence inside another, said in the reader's language. The translations put each value between first-strong
    /// isolates (U+2068 ... U+2069) so a Latin name inside Arabic keeps its own order; but a first-strong isolate takes
    /// its direction from its first strong letter and skips the isolates nested in it, so an Arabic sentence that
    /// begins with a value of its own (or with a Latin word: "A-file") was laid out left to right: its parts in
    /// reverse order and a case name's parentheses misplaced (the Protection list's "why" of a class stay). A sentence
    /// said in a right-to-left language whose first strong letter is not already right to left therefore begins with a
    /// right-to-left mark (U+200F, invisible); one left in English (no translation) is left as it is, left to right.
    /// </summary>
    private static string SayInside(Sentence inner)
    {
        var said = Say(inner);
        return Infrastructure.Localization.IsRightToLeft && said != inner.ToString() && !FirstStrongIsRightToLeft(said) ? "\u200F" + said : said;
    }

    /// <summary>Whether the first letter of the text outside any isolate is right to left (Hebrew, Arabic or a right-to-left mark).</summary>
    private static bool FirstStrongIsRightToLeft(string text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            if (c is '\u2066' or '\u2067' or '\u2068')
            {
                depth++;
            }
            else if (c == '\u2069')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && (c is '\u200F' or (>= '\u0590' and <= '\u08FF')))
            {
                return true;
            }
            else if (depth == 0 && char.IsLetter(c))
            {
                return false;
            }
        }

        return false;
    }
}
