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

        var values = sentence.Values.Select(v => v is Sentence inner ? Say(inner) : v).ToArray();
        return translated is null
            ? string.Format(CultureInfo.CurrentCulture, sentence.Format, values)
            : string.Format(Infrastructure.Localization.CultureOf(language), translated, values);
    }
}
