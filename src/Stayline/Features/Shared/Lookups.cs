using Microsoft.EntityFrameworkCore;
using Stayline.Data;

namespace Stayline.Features.Shared;

public static class Lookups
{
    /// <summary>Users who can take clients: admins and attorneys the reader may see (<see cref="StaylineDbContext.VisibleUsers"/>).</summary>
    public static async Task<IReadOnlyList<(string Id, string Name)>> AttorneysAsync(StaylineDbContext db, CancellationToken ct)
    {
        var roleIds = await db.Roles.Where(r => r.Name == Roles.Attorney || r.Name == Roles.Admin).Select(r => r.Id).ToListAsync(ct);
        var users = await db.VisibleUsers.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        return users.Select(u => (u.Id, string.IsNullOrEmpty(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName)).ToList();
    }

    /// <summary>Facilities by name, for dropdowns.</summary>
    public static async Task<IReadOnlyList<(long Id, string Name)>> FacilitiesAsync(StaylineDbContext db, CancellationToken ct) =>
        (await db.Facilities.AsNoTracking().OrderBy(f => f.Name).Select(f => new { f.Id, f.Name }).ToListAsync(ct)).Select(f => (f.Id, f.Name)).ToList();

    /// <summary>Class actions by name, for dropdowns.</summary>
    public static async Task<IReadOnlyList<(long Id, string Name)>> ClassesAsync(StaylineDbContext db, CancellationToken ct) =>
        (await db.ClassActions.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();
}

public static partial class Display
{
    public static string BirthDate(DateOnly? date, Domain.People.BirthDatePrecision precision) => date switch
    {
        null => "unknown",
        { } d when precision == Domain.People.BirthDatePrecision.YearOnly => d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        { } d when precision == Domain.People.BirthDatePrecision.SuspectedPlaceholder => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " (placeholder?)",
        { } d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>A date for the page's reader: ISO (as elsewhere) in English, the reader's own short date in Arabic and
    /// Spanish. Only for pages: CSV, the API and documents use <see cref="Date"/>.</summary>
    public static string LocalDate(DateOnly? date) => date is not { } d
        ? ""
        : Infrastructure.Localization.Current == "en" ? Date(d) : d.ToString("d", Reader);

    /// <summary>A moment for the page's reader, in the server's time zone, like <see cref="LocalDate"/>.</summary>
    public static string LocalTime(DateTimeOffset at)
    {
        var local = at.ToLocalTime();
        return Infrastructure.Localization.Current == "en"
            ? local.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)
            : local.ToString("g", Reader);
    }

    /// <summary><see cref="BirthDate"/> for the page's reader (a year alone, or a placeholder, stays as it is marked).</summary>
    public static string LocalBirthDate(DateOnly? date, Domain.People.BirthDatePrecision precision) => Infrastructure.Localization.Current == "en"
        ? BirthDate(date, precision)
        : date switch
        {
            null => Resources.Strings.Get("People.BornUnknown"),
            { } d when precision == Domain.People.BirthDatePrecision.YearOnly => d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            { } d when precision == Domain.People.BirthDatePrecision.SuspectedPlaceholder => LocalDate(d) + " " + Resources.Strings.Get("People.BornPlaceholder"),
            { } d => LocalDate(d),
        };

    /// <summary>A share (0.87) as a percentage the reader writes ("87%", "87 %", "‎87‎%").</summary>
    public static string Percent(double share) => share.ToString("P0", Reader);

    /// <summary>A stored moment as the person page has always shown it in English (ISO, as stored, "UTC" when asked),
    /// in the reader's own short date and time otherwise.</summary>
    public static string LocalStamp(DateTimeOffset at, bool withTime, bool utc = true)
    {
        var english = Infrastructure.Localization.Current == "en";
        var culture = english ? System.Globalization.CultureInfo.InvariantCulture : Reader;
        var format = (withTime, english) switch
        {
            (false, true) => "yyyy-MM-dd",
            (true, true) => "yyyy-MM-dd HH:mm",
            (false, false) => "d",
            _ => "g",
        };
        return at.ToString(format, culture) + (withTime && utc ? " UTC" : "");
    }

    /// <summary>A translated sentence with one inserted value split around its "{0}", so a page can wrap the value (a name,
    /// a facility) in its own isolating element while the words around it follow the reader's language.</summary>
    public static (string Before, string After) Around(string format)
    {
        var at = format.IndexOf("{0}", StringComparison.Ordinal);
        return at < 0 ? (format, "") : (format[..at], format[(at + 3)..]);
    }

    /// <summary>The resource <paramref name="key"/> in the reader's language, or <paramref name="fallback"/> (stored or
    /// English text) when there is no such resource: values a page translates when it knows them.</summary>
    public static string Text(Microsoft.Extensions.Localization.IStringLocalizer t, string key, string fallback) =>
        t[key] is { ResourceNotFound: false } text ? text.Value : fallback;

    /// <summary>A fraction (a match score, a weight) in a fixed .NET format with the reader's decimal mark (0.873 / 0,873).</summary>
    public static string Decimal(double x, string format) => x.ToString(format, Reader);

    /// <summary>Words listed with commas: the Arabic comma for an Arabic reader (as the grounds of a claim are listed).</summary>
    public static string List(IEnumerable<string> items) => string.Join(Infrastructure.Localization.Current == "ar" ? "، " : ", ", items);

    /// <summary>A count with the reader's digit grouping (1,234 / 1.234).</summary>
    public static string Number(long n) => n.ToString("N0", Reader);

    /// <summary>Text said in a sentence, HTML-encoded, with every A-number in it kept whole on one line (class
    /// "anumber"): a sentence wraps where it must, an A-number never at its hyphens.</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent WholeANumbers(string text) => new Microsoft.AspNetCore.Html.HtmlString(
        ANumberInText().Replace(System.Net.WebUtility.HtmlEncode(text), "<bdi class=\"anumber\">$0</bdi>"));

    [System.Text.RegularExpressions.GeneratedRegex(@"\bA\d{3}-\d{3}-\d{3}\b")]
    private static partial System.Text.RegularExpressions.Regex ANumberInText();

    private static System.Globalization.CultureInfo Reader => Infrastructure.Localization.CultureOf(Infrastructure.Localization.Current);
}
