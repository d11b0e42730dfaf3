using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stayline.Data;
using Stayline.Domain.Custody;
using Stayline.Features.Bulk;
using Stayline.Features.Classes;
using Stayline.Tests.Features.Board;
using Stayline.Tests.Features.Habeas;
using Stayline.Tests.Features.Import;
using Stayline.Tests.Features.Review;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Shared;

/// <summary>
/// The case board, habeas, duplicate review, import, bulk and class-action pages in Arabic and Spanish, each opened
/// with rows to show: none of the page's own English words is left (the generic check of <see cref="LocalisedPageText"/>
/// and a list of labels), data stays as written, and the English pages keep their words.
/// </summary>
public class LocalisationPagesATests
{
    /// <summary>Labels, headings and buttons of these pages; none may remain in an Arabic or Spanish page.</summary>
    private static readonly string[] EnglishOnThesePages =
    [
        "Cases posted by coordinators", ">Claim this case<", "Needs: ", "Posted ", ">Suggested attorneys<", ">Every district<", ">Your profile<",
        ">Withdraw from the board<", ">Attorney<", ">Room for<", ">Bar admissions<", ">Save profile<", ">Post on the board<", ">What the case needs<",
        "No habeas petition yet", ">Detained since<", ">Hours<", ">Acknowledge<", ">What was done<", ">No attorney<", "Transfer ", "Raised ",
        ">Draft petitions in bulk<", ">Check captions<", ">Lacks<", " drafts: ", ">Check a caption<", ">Show respondents<", ">Who each district names<",
        ">Set a district's rule<", ">Add a term<", "Rule applied: ", ">Possible duplicates<", "Imported rows waiting", "People who may be the same",
        ">Compare<", ">Compare two records<", ">If you merge<", ">Merge<", ">Not the same person<", ">Agreement<", ">Import a list of people<",
        ">Upload and preview<", ">Past imports<", ">Undo<", "Rows (", ">Columns<", ">Preview with these columns<", ">Linked to<", ">Bulk actions<",
        ">Preview<", ">Record an event (e.g. A-file received)<", "Recent bulk actions", ">Back to bulk actions<", ">Class actions<",
        ">Add a class action<", ">Case name<", ">Court orders<", ">Members<", ">Record the order<", ">Terms<", ">Case number<", "Who: ",
    ];

    /// <summary>What a page may write the same in every language: court abbreviations, formats, agencies and marks.</summary>
    private static readonly string[] Invariant =
    [
        "W.D. Mich.", "E.D. Mich.", "S.D. Fla.", "S.D.N.Y.", "E.D. Mich", "CSV", "csv", "xlsx", "zip", "MiB", "ICE", "UTC", "FOIA", "Bluebook",
        "MISSING", "Rumsfeld v. Padilla", "U.S.", "hotline", "habeas-2241", "v1", "Stayline", "Hamama v. Adducci",
    ];

    [Theory]
    [InlineData("ar", "<html lang=\"ar\" dir=\"rtl\">", new[] { ">تولَّ هذه القضية<", ">المحامون المقترحون<", ">الدائرة القضائية<", ">محتجز منذ<", ">تأكيد الاطلاع<", ">صياغة الالتماسات جماعيًا<", ">مراجعة ترويسة<", ">تكرارات محتملة<", ">إذا دمجت<", ">استيراد قائمة أشخاص<", ">الأعمدة<", ">إجراءات جماعية<", ">الدعاوى الجماعية<", ">سجّل الأمر<" })]
    [InlineData("es", "<html lang=\"es\" dir=\"ltr\">", new[] { ">Tomar este caso<", ">Abogados sugeridos<", ">Distrito<", ">Detenido/a desde<", ">Acusar recibo<", ">Redactar peticiones en lote<", ">Revisar un encabezado<", ">Posibles duplicados<", ">Si fusiona<", ">Importar una lista de personas<", ">Columnas<", ">Acciones en lote<", ">Demandas colectivas<", ">Registrar la orden<" })]
    public async Task SetAPages_InArabicOrSpanish_WriteNoneOfTheirEnglishWords(string lang, string html, string[] expected)
    {
        await using var app = await TestApp.StartAsync(clock: new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero)));
        var pages = await SeedAsync(app);
        var admin = await app.SignedInAsync("admin");

        var translated = new List<string>();
        var left = new List<string>();
        foreach (var url in pages)
        {
            var english = await GetAsync(admin, url, "en");
            var page = await GetAsync(admin, url, lang);
            Assert.Contains(html, page, StringComparison.Ordinal);
            left.AddRange(EnglishOnThesePages.Where(e => page.Contains(e, StringComparison.Ordinal)).Select(e => $"{url} still says \"{e}\""));
            Assert.True(LocalisedPageText.Own(english).Count >= 8, $"{url}: too few words of its own to check");
            left.AddRange(LocalisedPageText.Untranslated(english, page, Invariant).Select(t => $"{url} writes \"{t}\" again"));
            translated.Add(page);
        }

        Assert.True(left.Count == 0, $"{lang}: " + string.Join("\n", left));
        var all = string.Concat(translated);
        Assert.All(expected, e => Assert.Contains(e, all, StringComparison.Ordinal));
        // Names and facilities as written, isolated; court abbreviations as they are.
        Assert.Contains("dir=\"auto\">Yousif Kassab</a>", all, StringComparison.Ordinal);
        Assert.Contains("W.D. Mich.", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetAPages_InEnglish_KeepTheirWords()
    {
        await using var app = await TestApp.StartAsync(clock: new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero)));
        var pages = await SeedAsync(app);
        var admin = await app.SignedInAsync("admin");

        var all = string.Concat(await Task.WhenAll(pages.Select(url => GetAsync(admin, url, "en"))));

        Assert.All(new[] { ">Claim this case<", ">Suggested attorneys<", ">Detained since<", ">Acknowledge<", ">Check captions<", ">Possible duplicates<", ">If you merge<", ">Import a list of people<", ">Columns<", ">Bulk actions<", ">Class actions<", ">Record the order<", "Needs: habeas petition, bond hearing", "Rule applied: " },
            e => Assert.Contains(e, all, StringComparison.Ordinal));
    }

    private static async Task<string> GetAsync(HttpClient client, string url, string lang)
    {
        var response = await client.GetAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + lang);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return body;
    }

    /// <summary>A posted case, a transfer alert, people waiting for a petition, two records that may be one person, a class
    /// action, a bulk action and an import preview; returns the pages to open.</summary>
    private static async Task<IReadOnlyList<string>> SeedAsync(TestApp app)
    {
        var (kassab, post) = await BoardKit.PostedAsync(app);
        var kit = new HabeasKit(app);
        var calhoun = await kit.FacilityAsync("Calhoun County Correctional Center");
        var toma = await kit.PersonAsync("Nadia", "Toma");
        await kit.CustodyAsync(toma, "Detain", "2026-11-01", calhoun);
        await kit.HabeasAsync(toma, "Drafting", null);
        await kit.CustodyAsync(toma, "Transfer", "2026-11-03", await kit.FacilityAsync("Krome North Service Processing Center"));
        await BoardKit.PutProfileAsync(app.Api("admin"), BoardKit.Profile(5, "Arabic", ("FederalDistrict", "W.D. Mich.", null), ("StateBar", "MI", "P81234")));

        long left, right;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            left = await ReviewServiceTests.AddPersonAsync(db, "Yusuf", "Al Jaburi", new DateOnly(1969, 7, 21));
            right = await ReviewServiceTests.AddPersonAsync(db, "Yousif", "Aljabouri", new DateOnly(1969, 7, 21));
            var bulk = scope.ServiceProvider.GetRequiredService<BulkActions>();
            Assert.True((await bulk.ApplyAsync(new BulkSelection([kassab]), new BulkAction(BulkActionKind.RecordEvent, EventKind: PersonEventKind.AFileReceived, On: new DateOnly(2026, 11, 28)))).Applied);
        }

        var created = await app.Api("admin").PostAsJsonAsync("/api/v1/classes", new ClassWrite("Hamama v. Adducci", "E.D. Mich.", "2:17-cv-11910"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var classId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        var admin = await app.SignedInAsync("admin");
        var progress = await ImportPageTests.UploadHotlineSheetAsync(admin, "Surname;Given;DOB;Phone\nKassab;Yousif;1971-03-02;555\n");
        await ImportPageTests.WaitAsync(admin, progress);

        return
        [
            "/Board", $"/Board/Details?id={post}", $"/Board/Post?personId={kassab}", "/Board/Profile",
            "/Habeas/Queue", "/Habeas/Alerts", $"/Habeas/Draft?FacilityId={calhoun}", $"/Habeas/Respondents?FacilityId={calhoun}&On=2026-11-30",
            "/Review", $"/Review/Pair?left={left}&right={right}",
            "/Import", progress,
            "/Bulk", "/Bulk/History",
            "/Classes", $"/Classes/Details?id={classId}", $"/Classes/RecordOrder?classId={classId}",
        ];
    }
}
