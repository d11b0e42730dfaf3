using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Tests.Features.Reports;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Shared;

/// <summary>
/// The overview, the edit forms, the deadline tools, facilities, team, organisations, account, audit, reports, API
/// reference and hearing import pages in Arabic and Spanish. The check is generic: a text node the page writes itself
/// (not one isolated as data: inside bdi, code, pre, a textarea, or an element marked dir="auto", dir="ltr" or lang="en")
/// must not be left as it is in English.
/// </summary>
public class LocalisedStaffPagesTests
{
    /// <summary>Text nodes that are the same in every language on purpose (product names, formats).</summary>
    private static readonly HashSet<string> SameInEveryLanguage = new(StringComparer.Ordinal) { "Excel", "Excel (.xlsx)", "CSV", "DHS", "Stayline", "Id" };

    public static IEnumerable<object[]> Cases() =>
        from provider in TestDatabase.Providers().Select(p => (string)p[0])
        from lang in new[] { "ar", "es" }
        select new object[] { provider, lang };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task SetBPages_InArabicOrSpanish_LeaveNoEnglishTextOfTheirOwn(string provider, string lang)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ids = await StatusScenario.SeedAsync(app);
        _ = app.Api("attorney"); // the attorney's API token, listed on the tokens page
        long matter, facility;
        string attorney;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            matter = await db.Matters.Where(m => m.PersonId == ids.Kassab && m.Kind == Stayline.Domain.Matters.MatterKind.MotionToReopenIj).Select(m => m.Id).SingleAsync();
            facility = await db.Facilities.Where(f => f.Name == "Northeast Ohio Correctional Center").MaxAsync(f => f.Id); // the scenario's, added after the catalogue
            attorney = await db.Users.Where(u => u.Email == TestApp.Email("attorney")).Select(u => u.Id).SingleAsync();
        }

        var admin = await app.SignedInAsync("admin");
        // Previews with rows: one hearing to add and one row in error; one A-file matched and one A-number unknown.
        var import = await Preview(admin, lang, "/Hearings/Import", "/Hearings/Import", new()
        {
            ["Text"] = "a_number,date,court,judge\nA012345678,2017-08-14,Detroit Immigration Court,IJ Example\nA099999999,2017-08-14,Detroit Immigration Court,\n",
        });
        var records = await Preview(admin, lang, "/Deadlines/Records", "/Deadlines/Records?handler=Preview", new()
        {
            ["Kind"] = "AFileReceived",
            ["On"] = "2017-07-30",
            ["ANumbers"] = "A098765432\nA011111111",
        });

        var urls = new[]
        {
            "/", "/People/Edit", $"/People/Edit?id={ids.Kassab}", $"/Matters/Edit?personId={ids.Kassab}", $"/Matters/Edit?id={matter}",
            $"/Relief/Edit?personId={ids.Kassab}", $"/Bond/Edit?personId={ids.Kassab}", $"/Protection/StayDecision?matterId={matter}",
            "/Deadlines/Calendar", "/Deadlines/Closures", "/Deadlines/Outbox", "/Facilities", $"/Facilities/Details?id={facility}",
            $"/Facilities/Edit?id={facility}", "/Users", $"/Users/Edit?id={attorney}", "/Organisations", "/Account/Password", "/Account/Tokens",
            "/Account/Denied", "/Account/Logout", "/Audit", "/Reports", "/Api",
        };
        var left = new List<string>();
        var translated = new List<string>();
        foreach (var url in urls)
        {
            var english = await admin.GetStringAsync(url);
            var other = await admin.GetStringAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + lang);
            Compare(url, english, other, left, translated);
        }

        Compare("/Hearings/Import (preview)", import.English, import.Other, left, translated);
        Compare("/Deadlines/Records (preview)", records.English, records.Other, left, translated);

        Assert.True(left.Count == 0, "Left in English:\n" + string.Join("\n", left));
        var all = string.Join('\n', translated);
        Assert.All(lang == "ar" ? ExpectedArabic : ExpectedSpanish, e => Assert.Contains(e, all, StringComparison.Ordinal));
    }

    /// <summary>A relief claim on one ground, or on several, in the person page and its edit form: a single ground used to
    /// be split into its grounds again and again until the stack overflowed, which takes the whole server down.</summary>
    [Theory]
    [InlineData("ar", "الدين: ", "الدين، الجنسية: ")]
    [InlineData("es", "Religión: ", "Religión, Nacionalidad: ")]
    public async Task ReliefGrounds_InArabicOrSpanish_AreListedGroundByGround(string lang, string one, string two)
    {
        await using var app = await TestApp.StartAsync();
        var ids = await StatusScenario.SeedAsync(app);
        long claim;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var religion = await Stayline.Features.Relief.ReliefWrites.CreateAsync(db, ids.Kassab, new Stayline.Domain.Matters.ReliefClaimInput(
                Stayline.Domain.Matters.ReliefKind.Asylum, Stayline.Domain.Matters.ProtectedGrounds.Religion, "Chaldean Christian"), StatusScenario.Today, default);
            var both = await Stayline.Features.Relief.ReliefWrites.CreateAsync(db, ids.Toma, new Stayline.Domain.Matters.ReliefClaimInput(
                Stayline.Domain.Matters.ReliefKind.Asylum, Stayline.Domain.Matters.ProtectedGrounds.Religion | Stayline.Domain.Matters.ProtectedGrounds.Nationality,
                "Chaldean Christian"), StatusScenario.Today, default);
            Assert.Empty(religion.Errors);
            Assert.Empty(both.Errors);
            claim = religion.Claim!.Id;
        }

        var admin = await app.SignedInAsync("admin");
        Assert.Contains(one, await admin.GetStringAsync($"/People/Details?id={ids.Kassab}&lang={lang}"), StringComparison.Ordinal);
        Assert.Contains(two, await admin.GetStringAsync($"/People/Details?id={ids.Toma}&lang={lang}"), StringComparison.Ordinal);
        Assert.Contains("checked=\"checked\"", await admin.GetStringAsync($"/Relief/Edit?id={claim}&lang={lang}"), StringComparison.Ordinal);
    }

    private static readonly string[] ExpectedArabic =
    [
        "نظرة عامة", "أماكن الاحتجاز", "الاسم الأول", "اسم العائلة", "إضافة قضية لـ", "طلب الوقف:", "الوقف التلقائي والاستئناف من DHS",
        "تقويمي", "صندوق الصادر فارغ.", "المكتب الميداني لـ ICE", "القيد في نقابات المحامين", "تغيير كلمة المرور", "رموز API", "غير مسموح",
        "سجل التدقيق", "تصدير الأشخاص", "مرجع API", "إضافة جلسات من قائمة المحكمة", "ستُضاف", "مطابق", "بلا كفالة (احتجاز)", "السنة فقط",
    ];

    private static readonly string[] ExpectedSpanish =
    [
        "Resumen", "Dónde están detenidas las personas", "Nombre", "Apellido", "Añadir un asunto para", "Moción de suspensión:",
        "Suspensión automática y apelación del DHS", "Mi calendario", "La bandeja de salida está vacía.", "Oficina de campo de ICE",
        "Admisiones a colegios de abogados", "Cambiar la contraseña", "Tokens de API", "No permitido", "Registro de auditoría", "Exportar personas",
        "Referencia de la API", "Añadir audiencias desde una lista del tribunal", "se añadirá", "coincide", "Sin fianza (detención)", "Solo el año",
    ];

    private static async Task<(string English, string Other)> Preview(HttpClient client, string lang, string page, string post, Dictionary<string, string> fields)
    {
        var english = await TestApp.PostFormAsync(client, page, post, fields);
        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        var other = await TestApp.PostFormAsync(client, page, post + (post.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + lang, fields);
        return (await english.Content.ReadAsStringAsync(), await other.Content.ReadAsStringAsync());
    }

    private static void Compare(string url, string english, string other, List<string> left, List<string> translated)
    {
        Assert.Contains("<main", english, StringComparison.Ordinal);
        var theirs = LocalisedPageText.Own(other, withTitle: false, wordsOnly: false);
        foreach (var text in LocalisedPageText.Own(english, withTitle: false).Distinct(StringComparer.Ordinal))
        {
            if (theirs.Contains(text) && !SameInEveryLanguage.Contains(text))
            {
                left.Add($"{url}: \"{text}\"");
            }
        }

        translated.AddRange(theirs);
    }
}
