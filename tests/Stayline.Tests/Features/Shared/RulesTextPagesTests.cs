using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Stayline.Features.Protection;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Shared;

/// <summary>
/// The rules engine's own text (protection summary and reasons, deadline titles, triggers and explanations, detention
/// clocks) on the person page, the Protection list and the Deadlines page in Arabic and Spanish: said in the reader's
/// language, no longer kept English behind <c>lang="en"</c>; the API keeps the English.
/// </summary>
public partial class RulesTextPagesTests
{
    [Theory]
    [MemberData(nameof(LocalisedStaffPagesTests.Cases), MemberType = typeof(LocalisedStaffPagesTests))]
    public async Task PersonProtectionListAndDeadlines_InArabicOrSpanish_SayTheRulesText(string provider, string lang)
    {
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2017-06-12"));
        var (inAppealTime, detained, noOrder) = await SeedAsync(app);
        var admin = await app.SignedInAsync("admin");
        var urls = new[]
        {
            $"/People/Details?id={inAppealTime}", $"/People/Details?id={detained}", $"/People/Details?id={noOrder}", "/Protection",
            "/Protection?State=Protected", "/Deadlines",
        };

        var left = new List<string>();
        var said = new List<string>();
        foreach (var url in urls)
        {
            // On the person page only its protection, deadline and clock panels are the engine's (the rest is checked elsewhere).
            var english = Engine(url, await admin.GetStringAsync(url));
            var other = Engine(url, await admin.GetStringAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + lang));
            var theirs = LocalisedPageText.Own(other, withTitle: false, wordsOnly: false);
            left.AddRange(LocalisedPageText.Own(english, withTitle: false).Distinct(StringComparer.Ordinal)
                .Where(t => theirs.Contains(t) && t is not ("DHS" or "Id")).Select(t => $"{url}: \"{t}\""));
            said.AddRange(theirs);
            said.AddRange(Bdi().Matches(other).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)));

            // Nothing of the engine's is kept English behind lang="en" any more.
            Assert.DoesNotContain("lang=\"en\"", other, StringComparison.Ordinal);
        }

        Assert.True(left.Count == 0, "Left in English:\n" + string.Join("\n", left));
        var all = Plain(string.Join('\n', said));
        var day = Stayline.Infrastructure.Localization.CultureOf(lang);
        var appealEnds = new DateOnly(2017, 7, 3).ToString("d", day);
        var saturday = new DateOnly(2017, 7, 1).ToString("d", day);
        string[] expected = lang == "ar"
            ?
            [
                $"وقف تلقائي خلال مهلة الطعن أمام المجلس حتى {appealEnds}", // what protects, on the person page
                "غير محمي: لم يُقدَّم طعن أمام المجلس حتى ", "انتهى الوقف التلقائي", // the list's summary column
                "غير معروف — تحقّق: لا أمر ترحيل مسجّل: سجّل الأمر",
                "الطعن أمام مجلس طعون الهجرة", // a deadline's title
                $"{saturday} هو يوم سبت؛", "يوم العمل التالي للمحكمة", // its explanation, dates in the reader's way
                "قرار قاضي الهجرة: للقرار الشفهي يوم النطق به", // its trigger
                "نهاية مهلة الترحيل البالغة 90 يومًا", "ستة أشهر من الاحتجاز بعد الأمر (Zadvydas)", // detention clocks
            ]
            :
            [
                $"suspensión automática durante el plazo de apelación ante la Junta hasta el {appealEnds}",
                "NO protegido: no se presentó apelación ante la Junta antes del ", "la suspensión automática terminó",
                "Desconocido — verificar: no hay orden de deportación registrada: registre la orden",
                "Apelación ante la Junta de Apelaciones de Inmigración",
                $"el {saturday} es sábado;", "siguiente día hábil judicial",
                "la decisión del juez de inmigración: si fue oral, el día en que se dictó",
                "Fin del período de deportación de 90 días", "Seis meses de detención posterior a la orden (Zadvydas)",
            ];
        Assert.All(expected, e => Assert.True(all.Contains(e, StringComparison.Ordinal), $"\"{e}\" not found in:\n{all}"));
    }

    /// <summary>The API and the stored summary stay English whatever the reader's language.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Api_InArabic_StaysEnglish(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2017-06-12"));
        var (inAppealTime, _, _) = await SeedAsync(app);
        var api = app.Api("admin");
        var english = await api.GetFromJsonAsync<ProtectionView>($"/api/v1/people/{inAppealTime}/protection", Protection.CaseBuilder.Json);
        var arabic = await api.GetFromJsonAsync<ProtectionView>($"/api/v1/people/{inAppealTime}/protection?lang=ar", Protection.CaseBuilder.Json);
        Assert.Equal(english!.Summary, arabic!.Summary);
        Assert.Equal(english.Reasons.Select(r => r.Text), arabic.Reasons.Select(r => r.Text));
        Assert.Equal("Protected: automatic stay during the Board appeal period until 2017-07-03", arabic.Summary);
        var deadlines = await api.GetStringAsync($"/api/v1/people/{inAppealTime}/deadlines?lang=ar");
        Assert.DoesNotMatch("[\u0600-\u06FF]", deadlines);
        Assert.Contains("days after", deadlines, StringComparison.Ordinal);
    }

    /// <summary>On 2017-06-12: a person in the appeal time of a judge's order of 2017-06-01 (protected until 2017-07-03, the
    /// 30th day being a Saturday), one detained under a 1998 order (not protected; detention clocks) and one with no order (unknown).</summary>
    private static async Task<(long InAppealTime, long Detained, long NoOrder)> SeedAsync(TestApp app)
    {
        var b = new Protection.CaseBuilder(app);
        var inAppealTime = await b.PersonAsync("A012345678", "Yousif", "Kassab");
        await b.RemovalOrderAsync(inAppealTime, "2017-06-01", reserved: true);
        var detained = await b.PersonAsync("A023456789", "Karim", "Toma");
        await b.RemovalOrderAsync(detained, "1998-03-12");
        await b.EventAsync(detained, Stayline.Domain.Custody.PersonEventKind.Arrested, "2017-05-01");
        var noOrder = await b.PersonAsync("A034567890", "Sami", "Zaya");
        return (inAppealTime, detained, noOrder);
    }

    /// <summary>The part of the page that shows the engine's text: the protection, deadline and clock panels of the person
    /// page (before its form for recording a fact; the bond lines after it are not the engine's), the whole main element elsewhere.</summary>
    private static string Engine(string url, string html) => url.StartsWith("/People", StringComparison.Ordinal)
        ? "<main>" + Between(html, "<section aria-labelledby=\"protection-h\"", "id=\"facts-h\"") + "</main>"
        : Between(html, "<main", "</main>") + "</main>";

    private static string Between(string html, string from, string to)
    {
        var start = html.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{from} not on the page");
        var end = html.IndexOf(to, start, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }

    /// <summary>Without the invisible isolates around inserted values.</summary>
    private static string Plain(string text) => text.Replace("\u2068", "", StringComparison.Ordinal).Replace("\u2069", "", StringComparison.Ordinal);

    [GeneratedRegex("<bdi[^>]*>([^<]*)</bdi>")]
    private static partial Regex Bdi();
}
