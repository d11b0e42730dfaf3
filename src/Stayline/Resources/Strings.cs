namespace Stayline.Resources;

/// <summary>
/// The text of the staff pages and the public hotline: Strings.resx (English), Strings.ar.resx, Strings.es.resx.
/// Views ask for it with <c>@inject IStringLocalizer&lt;Strings&gt; T</c>; a key missing in a language falls back to English.
/// </summary>
public sealed class Strings
{
}
