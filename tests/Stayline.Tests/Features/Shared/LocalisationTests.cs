using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Tests.Features.Reports;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Shared;

/// <summary>The staff pages in Arabic and Spanish: the language switch, its memory per user, and what stays invariant.</summary>
public class LocalisationTests
{
    [Fact]
    public async Task LanguageSwitch_SignedIn_IsStoredOnTheUserAndFollowsThemToANewBrowser()
    {
        await using var app = await TestApp.StartAsync();
        var first = await app.SignedInAsync("attorney");

        var switched = await TestApp.PostFormAsync(first, "/Dashboard", "/Account/Language", new Dictionary<string, string>
        {
            ["lang"] = "ar",
            ["returnUrl"] = "/Dashboard",
        });
        var arabic = await first.GetStringAsync("/Dashboard");
        var elsewhere = await (await app.SignedInAsync("attorney")).GetStringAsync("/Dashboard");
        var someoneElse = await (await app.SignedInAsync("viewer")).GetStringAsync("/Dashboard");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Dashboard", switched.Headers.Location!.OriginalString);
        await using (var scope = app.Scope())
        {
            Assert.Equal("ar", await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().Users
                .Where(u => u.Email == TestApp.Email("attorney")).Select(u => u.UiLanguage).SingleAsync());
        }

        foreach (var html in new[] { arabic, elsewhere })
        {
            Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
            Assert.Contains(">لوحة المتابعة<", html, StringComparison.Ordinal);
            Assert.Contains("محتجزون بلا محامٍ (0)", html, StringComparison.Ordinal);
        }

        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", someoneElse, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSwitch_SignedOut_UsesACookieAndTranslatesTheSignInPage()
    {
        await using var app = await TestApp.StartAsync();
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

        await TestApp.PostFormAsync(browser, "/Account/Login", "/Account/Language", new Dictionary<string, string> { ["lang"] = "es", ["returnUrl"] = "/Account/Login" });
        var login = await browser.GetStringAsync("/Account/Login");
        var refused = await TestApp.PostFormAsync(browser, "/Account/Login", "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "nobody@test.stayline",
            ["Input.Password"] = "wrong-password-here",
        });

        Assert.Contains("<html lang=\"es\" dir=\"ltr\">", login, StringComparison.Ordinal);
        Assert.Contains(">Iniciar sesión<", login, StringComparison.Ordinal);
        Assert.Contains("Correo o contraseña incorrectos", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar", new[] { ">الجلسات ", ">جلسة الكفالة<", ">المحكمة والقاضي<", ">النتائج حسب القاضي<", ">السجلات المنتظرة ", ">موعد رد FOIA<", ">ماذا حدث<", ">نُقل إلى مركز احتجاز آخر<", ">إضافة جلسة: ", ">طلب سجلات: ", ">حفظ<", ">قوالب المستندات<", ">رفع قالب<" })]
    [InlineData("es", new[] { ">Audiencias ", ">Audiencia de fianza<", ">Tribunal y juez<", ">Resultados por juez<", ">Expedientes pendientes ", ">Respuesta FOIA debida<", ">Qué ocurrió<", ">Trasladado a otro centro<", ">Añadir una audiencia: ", ">Solicitar registros: ", ">Guardar<", ">Plantillas de documentos<", ">Subir una plantilla<" })]
    public async Task HearingsRecordsCustodyAndTemplates_InArabicOrSpanish_AreTranslatedWithNoEnglishLabelLeft(string lang, string[] expected)
    {
        await using var app = await TestApp.StartAsync(clock: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero)));
        var person = await new Stayline.Tests.Features.Habeas.HabeasKit(app).PersonAsync("Sabah", "Yaldo");
        var api = app.Api("attorney");
        (await api.PostAsJsonAsync($"/api/v1/people/{person}/hearings", new { kind = "Bond", on = "2026-12-08", court = "Detroit Immigration Court", judge = "IJ Example" }))
            .EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/people/{person}/records-requests", new Stayline.Features.Records.RecordsRequestWrite(Stayline.Domain.Records.RecordKind.AFile,
            Stayline.Domain.Records.RecordsChannel.Foia, Stayline.Domain.Records.RecordsAgency.Uscis, new DateOnly(2026, 10, 1), Stayline.Domain.Records.RecordsStatus.Requested),
            Stayline.Tests.Features.People.PeopleApiTests.Json)).EnsureSuccessStatusCode();

        var admin = await app.SignedInAsync("admin");
        var pages = new List<string>();
        foreach (var url in new[] { "/Hearings?from=2026-12-01", $"/Hearings/Edit?personId={person}", "/Records", $"/Records/Edit?personId={person}", $"/Custody/Record?personId={person}", "/Documents" })
        {
            var page = await admin.GetStringAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + lang);
            Assert.All(EnglishOnRecordsPages, e => Assert.DoesNotContain(e, page, StringComparison.Ordinal));
            pages.Add(page);
        }

        var all = string.Concat(pages);
        Assert.All(expected, e => Assert.Contains(e, all, StringComparison.Ordinal));
        Assert.Contains("<bdi>Sabah Yaldo</bdi>", all, StringComparison.Ordinal);
        // Court and judge as typed, isolated; A-numbers and citations as they are.
        Assert.Matches("<td [^>]*dir=\"auto\">Detroit Immigration Court, IJ Example</td>", all);
        Assert.Contains("5 U.S.C. 552(a)(6)(A)(i)", all, StringComparison.Ordinal);
    }

    private static readonly string[] EnglishOnRecordsPages =
    [
        ">Hearings (", ">Date<", ">Court and judge<", ">Outcome<", ">Outcomes by judge<", ">Every court<", ">Every kind<", ">Show<",
        ">Records outstanding (", ">FOIA answer due<", ">Court's date<", ">Requested<", ">Every agency (", "Only past a court",
        ">What happened<", ">Transferred to another facility<", ">Choose a facility<", ">Save<", ">Cancel<", ">Notes<",
        ">Tracking number<", ">Asked for by<", ">Produced on<", ">Proceeding<", ">Bond hearing<", ">Requested<", ">Record custody for ",
        ">Add a hearing: ", ">Request records: ", ">Document templates<", ">Upload a template<", ">Download .docx<", ">Merge fields<",
    ];

    /// <summary>English headings, labels and buttons of the People list and the person page that a crisis team reads
    /// all day; none may be left in an Arabic or Spanish page.</summary>
    private static readonly string[] EnglishOnPeoplePages =
    [
        ">Add a person<", ">Name or A-number<", ">Columns<", ">Search<", ">Clear<", ">Save this view<", ">Assign selected<",
        ">Next deadline<", "people found", ">Facts<", ">Born<", ">Citizenship<", ">Family contacts<", ">Adverse parties<",
        ">Records requests<", ">Matters<", ">Removal orders<", ">Convictions<", ">Notes<", ">Timeline<", ">Organisation<",
        ">Record detention, transfer or release<", ">Class actions and court orders<", ">Detention clocks<", ">Deadlines<",
        ">Record a fact that changes protection<", ">Stay granted to this person<", ">Add a removal order<", ">Custody<",
        ">Detained<", "No lawyer assigned", ">Add note<", ">Template<", ">My clients<", "Due within 30 days", "Not protected or unknown", ">Person<",
        "Only protection ending within 7 days",
    ];

    [Theory]
    [InlineData("ar", "<html lang=\"ar\" dir=\"rtl\">", new[] { ">موكّليّ<", ">غير محمي أو غير معروف<", ">إضافة شخص<", ">الوقائع<", ">أوامر الترحيل<", ">جهات اتصال العائلة<", ">محتجز<", ">تسجيل واقعة تغيّر الحماية<", ">وقف الترحيل الممنوح لهذا الشخص<" })]
    [InlineData("es", "<html lang=\"es\" dir=\"ltr\">", new[] { ">Mis clientes<", ">Sin protección o desconocida<", ">Añadir una persona<", ">Datos<", ">Órdenes de deportación<", ">Contactos familiares<", ">Detenido<", ">Registrar un hecho que cambia la protección<", ">Suspensión de la deportación concedida a esta persona<" })]
    public async Task CrisisPages_InArabicOrSpanish_AreTranslatedWithNoEnglishLabelLeft(string lang, string html, string[] expected)
    {
        await using var app = await TestApp.StartAsync();
        var ids = await StatusScenario.SeedAsync(app);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var kassab = await db.People.SingleAsync(p => p.Id == ids.Kassab);
            Assert.Empty(kassab.Update(kassab.ToInput() with { NativeName = "يوسف قصاب" }, StatusScenario.Today));
            await db.SaveChangesAsync();
        }

        var admin = await app.SignedInAsync("admin");
        var list = await admin.GetStringAsync($"/People?lang={lang}");
        var person = await admin.GetStringAsync($"/People/Details?id={ids.Kassab}&lang={lang}");
        var english = await admin.GetStringAsync($"/People/Details?id={ids.Kassab}");
        var deadlines = await admin.GetStringAsync($"/Deadlines?Mine=false&lang={lang}");
        var protection = await admin.GetStringAsync($"/Protection?lang={lang}");

        foreach (var page in new[] { list, person, deadlines, protection })
        {
            Assert.Contains(html, page, StringComparison.Ordinal);
            Assert.All(EnglishOnPeoplePages, e => Assert.DoesNotContain(e, page, StringComparison.Ordinal));
        }

        var both = list + person + deadlines + protection;
        Assert.All(expected, e => Assert.Contains(e, both, StringComparison.Ordinal));
        // Names are shown as written, isolated from the text around them; citations and A-numbers stay as they are.
        Assert.Contains("<bdi class=\"native\" lang=\"ar\">يوسف قصاب</bdi>", person, StringComparison.Ordinal);
        Assert.Contains("class=\"name\" dir=\"auto\"><a href=\"/People/Details?id=" + ids.Kassab + "\">Yousif Kassab</a>", list, StringComparison.Ordinal);
        Assert.Contains("A012-345-678", person, StringComparison.Ordinal);
        // The English page is unchanged by the translation: still its own words.
        Assert.Contains(">Removal orders<", english, StringComparison.Ordinal);
        Assert.Contains(">Facts<", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonPage_InArabic_WritesDatesInTheReadersCalendarWithWesternDigits()
    {
        await using var app = await TestApp.StartAsync();
        var ids = await StatusScenario.SeedAsync(app);
        var admin = await app.SignedInAsync("admin");

        var arabic = await admin.GetStringAsync($"/People/Details?id={ids.Kassab}&lang=ar");
        var spanish = await admin.GetStringAsync($"/People/Details?id={ids.Kassab}&lang=es");
        var english = await admin.GetStringAsync($"/People/Details?id={ids.Kassab}");

        // Detained 2017-06-11 at Calhoun: Gregorian day/month/year in Arabic (never Hijri, never Arabic-Indic digits), with
        // the right-to-left marks the Arabic pattern carries so the parts keep their order.
        Assert.Contains(">11&#x200F;&#x200F;/6&#x200F;&#x200F;/2017<", arabic, StringComparison.Ordinal);
        Assert.DoesNotContain("١", arabic, StringComparison.Ordinal);
        Assert.Contains(">11/6/2017<", spanish, StringComparison.Ordinal);
        Assert.Contains(">2017-06-11<", english, StringComparison.Ordinal);
    }
}
