using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace Stayline.Infrastructure;

/// <summary>
/// English, Arabic and Spanish pages. The language comes from <c>?lang=</c> (one request), then the language cookie
/// (set by the switch in the layout, and at sign-in from the user's stored choice), then the browser's Accept-Language.
/// Only the UI culture follows the reader: the formatting culture stays the process's, so model binding parses form
/// values the same in every language and CSV, API and documents stay invariant; pages format dates and numbers for
/// the reader on purpose through <see cref="Stayline.Features.Shared.Display"/>.
/// </summary>
public static class Localization
{
    public const string CookieName = ".stayline.lang";
    public const string QueryKey = "lang";

    public static readonly IReadOnlyList<string> Languages = ["en", "ar", "es"];

    /// <summary>The culture a language's pages format with: Arabic on the Gregorian calendar (legal dates are civil dates).</summary>
    public static CultureInfo CultureOf(string language) => Cultures.TryGetValue(language, out var c) ? c : Build(language);

    private static readonly Dictionary<string, CultureInfo> Cultures = new[] { "en", "ar", "es" }.ToDictionary(l => l, Build, StringComparer.Ordinal);

    private static CultureInfo Build(string language)
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(language).Clone();
        if (culture.DateTimeFormat.Calendar is not GregorianCalendar)
        {
            culture.DateTimeFormat.Calendar = new GregorianCalendar();
        }

        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>The reader's language: en, ar or es.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is var l && Languages.Contains(l) ? l : "en";

    public static bool IsRightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    /// <summary>A known language code or null (anything else a client sends is ignored).</summary>
    public static string? Known(string? language) =>
        language?.Trim().ToLowerInvariant() is { } l && Languages.Contains(l) ? l : null;

    public static IHostApplicationBuilder AddStaylineLocalization(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        // Arabic and Spanish text is written as characters, not as &#x...; escapes (an Arabic page would be three times
        // larger); other characters outside these ranges are still escaped, as before.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(
            System.Text.Unicode.UnicodeRanges.BasicLatin, System.Text.Unicode.UnicodeRanges.Latin1Supplement, System.Text.Unicode.UnicodeRanges.LatinExtendedA,
            System.Text.Unicode.UnicodeRanges.Arabic, System.Text.Unicode.UnicodeRanges.ArabicSupplement,
            System.Text.Unicode.UnicodeRanges.ArabicPresentationFormsA, System.Text.Unicode.UnicodeRanges.ArabicPresentationFormsB));
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Languages.Select(CultureOf).ToList();
            o.DefaultRequestCulture = new RequestCulture(cultures[0]);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentUICultures = true;
            o.FallBackToParentCultures = true;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = QueryKey, UIQueryStringKey = QueryKey },
                new CookieRequestCultureProvider { CookieName = CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }

    public static IApplicationBuilder UseStaylineLocalization(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value;
        app.UseRequestLocalization(options);
        // Back to the process's formatting culture: see the class comment.
        var formatting = CultureInfo.CurrentCulture;
        return app.Use((ctx, next) =>
        {
            CultureInfo.CurrentCulture = formatting;
            return next(ctx);
        });
    }

    /// <summary>Remembers the language in the browser for a year (read by the cookie provider).</summary>
    public static void SetCookie(HttpResponse response, string language) =>
        response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)), new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            IsEssential = true,
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
        });
}
