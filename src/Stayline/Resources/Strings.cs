using System.Globalization;
using System.Resources;

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
}
