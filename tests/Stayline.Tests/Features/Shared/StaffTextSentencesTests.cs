using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Features.Bulk;
using Stayline.Features.Deadlines;
using Stayline.Tests.Features.Deadlines;
using Stayline.Tests.Features.Protection;
using Stayline.Tests.Features.Review;
using Stayline.Tests.Infrastructure;
using static Stayline.Tests.Infrastructure.TestClock;

namespace Stayline.Tests.Features.Shared;

/// <summary>
/// What was still English on Arabic and Spanish staff pages after session 13: the duplicate review's evidence and its
/// "will move / will fill" lists, a class order's terms, the audit page's kinds of record and changes, stored bulk-action
/// descriptions (and those stored before, still shown), the relief conviction caution, the import's column warnings and
/// failures, the organisation-add error, the hearing list's file errors, the board's lists and capacity line, reminder
/// e-mails. Each is asserted as a concrete sentence in the reader's language.
/// </summary>
public class StaffTextSentencesTests
{
    private static string Plain(string html) => ServiceSentencesTests.Plain(html);

    private static async Task<string> GetAsync(HttpClient client, string url, string lang)
    {
        var response = await client.GetAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + lang);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Plain(await response.Content.ReadAsStringAsync());
    }

    private static string Pick(string lang, string arabic, string spanish) => lang == "ar" ? arabic : spanish;

    [Theory]
    [MemberData(nameof(ServiceSentencesTests.ProvidersAndLanguages), MemberType = typeof(ServiceSentencesTests))]
    public async Task ReviewPages_SayEvidenceAndWhatAMergeMoves(string provider, string lang)
    {
        await using var app = await TestApp.StartAsync(provider);
        long keep, other;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            keep = await ReviewServiceTests.AddPersonAsync(db, "Yousif", "Kassab", new DateOnly(1971, 3, 2), null, "Iraq");
            other = await ReviewServiceTests.AddPersonAsync(db, "Yousif", "Kassab", new DateOnly(1971, 3, 2), "A012345678", "Iraq");
            db.PersonEvents.Add(new PersonEvent(other, PersonEventKind.AFileReceived, new DateOnly(2026, 5, 1), null));
            await db.SaveChangesAsync();
        }

        var admin = await app.SignedInAsync("admin");
        var list = await GetAsync(admin, "/Review", lang);
        var pair = await GetAsync(admin, $"/Review/Pair?left={keep}&right={other}", lang);

        Assert.Contains(Pick(lang, "الاسم مطابق", "nombre Exacto"), list, StringComparison.Ordinal);
        Assert.Contains(Pick(lang, "، تاريخ الميلاد مطابق", ", fecha de nacimiento"), list, StringComparison.Ordinal);
        Assert.DoesNotContain("birth date Exact", list, StringComparison.Ordinal);
        Assert.Contains(Pick(lang, "الاسم \"Yousif Kassab\" (يُحفظ اسمًا مستعارًا)؛ 1 أحداث", "el nombre \"Yousif Kassab\" (se guarda como alias); 1 eventos"),
            pair.Replace("\u200F", "", StringComparison.Ordinal), StringComparison.Ordinal); // "1 events" opens with an invisible right-to-left mark in Arabic (Strings.SayInside)
        // The A-number inside the sentence is kept whole (never broken at its hyphens on a narrow screen).
        Assert.Contains(Pick(lang, "رقم A: <bdi class=\"anumber\">A012-345-678</bdi>", "número A: <bdi class=\"anumber\">A012-345-678</bdi>"), pair, StringComparison.Ordinal);
        Assert.DoesNotContain("(kept as an alias)", pair, StringComparison.Ordinal);
        // The evidence table's birth dates in the reader's date format, not ISO.
        Assert.Contains(new DateOnly(1971, 3, 2).ToString("d", Stayline.Infrastructure.Localization.CultureOf(lang)), pair, StringComparison.Ordinal);
        Assert.DoesNotContain("1971-03-02", pair, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("es")]
    public async Task ClassTermsReliefCautionAndReminder_InTheReadersLanguage(string lang)
    {
        var (app, id) = await DeadlineViewsTests.MemberWithDeadlineAsync(assignToAttorney: true);
        await using var _ = app;
        long classId;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            classId = await db.ClassMemberships.Where(m => m.PersonId == id).Select(m => m.ClassActionId).SingleAsync();
            db.Convictions.Add(Conviction.Create(id, "Assault", new DateOnly(2009, 4, 1), null, true, D("2017-12-20")).Conviction!);
            var attorney = await db.Users.SingleAsync(u => u.Email == TestApp.Email("attorney"));
            attorney.UiLanguage = lang;
            await db.SaveChangesAsync();
        }

        var admin = await app.SignedInAsync("admin");
        var cls = await GetAsync(admin, $"/Classes/Details?id={classId}", lang);
        var relief = await GetAsync(admin, $"/Relief/Edit?personId={id}", lang);

        Assert.Contains(Pick(lang, "يُستحق طلب إعادة الفتح بعد 90 يومًا من استلام الملف A وسجل الإجراءات؛ يستمر الوقف ما دام الطلب قيد النظر، طوال مهلة الاستئناف أمام المجلس",
            "moción de reapertura en 90 días desde que se reciben el expediente A y el registro del procedimiento; la suspensión continúa mientras la moción esté pendiente, durante el plazo de apelación ante la Junta"),
            cls, StringComparison.Ordinal);
        Assert.DoesNotContain("motion to reopen due", cls, StringComparison.Ordinal);
        Assert.Contains(Pick(lang, "توجد إدانة مسجّلة: الجناية المشددة جريمة بالغة الخطورة تمنع اللجوء (INA 208(b)(2)(A)(ii), (B)(i))",
            "Hay una condena registrada: un delito grave con agravantes es un delito particularmente grave que impide el asilo (INA 208(b)(2)(A)(ii), (B)(i))"),
            relief, StringComparison.Ordinal);

        var sender = app.Services.GetRequiredService<ReminderSender>();
        await using (var scope = app.Scope())
        {
            Assert.Equal(1, (await sender.SendDueAsync(scope.ServiceProvider.GetRequiredService<StaylineDbContext>(), CancellationToken.None)).Sent);
        }

        var message = Assert.Single(sender.Outbox());
        var text = Plain(sender.ReadOutbox(message.File)!);
        Assert.Contains(Pick(lang, " مستحق بعد 6 أيام (", " vence en 6 días ("), Plain(message.Subject), StringComparison.Ordinal);
        Assert.Contains(Pick(lang, "(A012-345-678) مستحق في ", "(A012-345-678) vence el "), text, StringComparison.Ordinal);
        Assert.Contains(Pick(lang, "يُحسب من: ", "Se cuenta desde: "), text, StringComparison.Ordinal);
        Assert.Contains(Pick(lang, "افتح الملف: /People/Details?id=" + id, "Abra el expediente: /People/Details?id=" + id), text, StringComparison.Ordinal);
        Assert.DoesNotContain("Counted from", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminder_ToAReaderWithoutALanguage_IsTheEnglishItWas()
    {
        var (app, id) = await DeadlineViewsTests.MemberWithDeadlineAsync(assignToAttorney: true);
        await using var _ = app;
        var sender = app.Services.GetRequiredService<ReminderSender>();
        await using (var scope = app.Scope())
        {
            await sender.SendDueAsync(scope.ServiceProvider.GetRequiredService<StaylineDbContext>(), CancellationToken.None);
        }

        var message = Assert.Single(sender.Outbox());
        var text = sender.ReadOutbox(message.File)!;
        Assert.EndsWith("due in 6 days (2017-12-26)", message.Subject, StringComparison.Ordinal);
        Assert.Contains("(A012-345-678) is due 2017-12-26 (in 6 days).\n\nCounted from: ", text, StringComparison.Ordinal);
        Assert.EndsWith($"Open the file: /People/Details?id={id}\nYou receive this because you are assigned to this person in Stayline.", text.TrimEnd(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ServiceSentencesTests.ProvidersAndLanguages), MemberType = typeof(ServiceSentencesTests))]
    public async Task AuditPage_SaysKindsOfRecordAndChanges(string provider, string lang)
    {
        await using var app = await TestApp.StartAsync(provider);
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678", "Yousif", "Kassab");
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var person = await db.People.SingleAsync(p => p.Id == id);
            var input = person.ToInput() with { City = "Sterling Heights", ConsentGiven = true };
            Assert.Empty(person.Update(input, D("2026-06-01")));
            await db.SaveChangesAsync();
        }

        var admin = await app.SignedInAsync("admin");
        var audit = await GetAsync(admin, $"/Audit?PersonId={id}", lang);

        Assert.Contains(Pick(lang, "شخص <bdi>", "Persona <bdi>") + id + "</bdi>", audit, StringComparison.Ordinal);
        Assert.Contains(Pick(lang, "المدينة: (فارغ) ← Sterling Heights", "Ciudad: (vacío) → Sterling Heights"), audit, StringComparison.Ordinal);
        Assert.Contains(Pick(lang, "الموافقة معطاة: لا ← نعم", "Consentimiento dado: no → sí"), audit, StringComparison.Ordinal);
        Assert.Contains(Pick(lang, "الاسم الأول: Yousif", "Nombre: Yousif"), audit, StringComparison.Ordinal);
        Assert.DoesNotContain("Given name", audit, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ServiceSentencesTests.ProvidersAndLanguages), MemberType = typeof(ServiceSentencesTests))]
    public async Task BulkHistory_SaysNewDescriptions_AndShowsOldOnesAsStored(string provider, string lang)
    {
        await using var app = await TestApp.StartAsync(provider);
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var attorney = await db.Users.Where(u => u.Email == TestApp.Email("attorney")).Select(u => u.Id).SingleAsync();
            var result = await scope.ServiceProvider.GetRequiredService<BulkActions>().ApplyAsync(new BulkSelection([id]),
                new BulkAction(BulkActionKind.AssignAttorney, AttorneyId: attorney));
            Assert.True(result.Applied, result.Message);
            var stored = await db.BulkBatches.SingleAsync();
            Assert.StartsWith("Assign to ", stored.Description, StringComparison.Ordinal);
            // A batch written before the sentence was kept: its English description, marked as English.
            db.BulkBatches.Add(new BulkBatch { Kind = BulkBatchKind.RecordEvent, Description = "Record \"A-file received\" on 2017-08-14", At = DateTimeOffset.UnixEpoch, UserName = "old" });
            await db.SaveChangesAsync();
        }

        var admin = await app.SignedInAsync("admin");
        var history = await admin.GetStringAsync("/Bulk/History?lang=" + lang);

        Assert.Contains(Pick(lang, "تكليف ", "Asignar a "), Plain(history), StringComparison.Ordinal);
        Assert.DoesNotContain("Assign to ", Plain(history), StringComparison.Ordinal);
        Assert.Contains("lang=\"en\" dir=\"auto\">Record &quot;A-file received&quot; on 2017-08-14</td>", history, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ServiceSentencesTests.ProvidersAndLanguages), MemberType = typeof(ServiceSentencesTests))]
    public async Task OrganisationAndHearingListErrors_InTheReadersLanguage(string provider, string lang)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInAsync("admin");
        var q = "?lang=" + lang;

        var empty = await TestApp.PostFormAsync(admin, "/Organisations" + q, "/Organisations" + q, new Dictionary<string, string> { ["Name"] = "" });
        var list = await TestApp.PostFormAsync(admin, "/Hearings/Import" + q, "/Hearings/Import" + q, new Dictionary<string, string> { ["Text"] = "a_number,date\nA012345678,2017-08-14\n" });
        var nothing = await TestApp.PostFormAsync(admin, "/Hearings/Import" + q, "/Hearings/Import" + q, new Dictionary<string, string> { ["Text"] = "" });

        Assert.Contains(Pick(lang, "تحتاج المنظمة إلى اسم.", "Una organización necesita un nombre."), Plain(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains(Pick(lang, "ينقص سطرَ العناوين court (فيه: a_number, date).", "A la línea de encabezado le falta court (tiene: a_number, date)."),
            Plain(await list.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains(Pick(lang, "القائمة فارغة: الصق ملف CSV", "La lista está vacía: pegue un CSV"), Plain(await nothing.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ServiceSentencesTests.ProvidersAndLanguages), MemberType = typeof(ServiceSentencesTests))]
    public async Task ImportProgress_SaysColumnWarningsAndFailures_AndOldStoredOnes(string provider, string lang)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInAsync("admin");
        var url = await Import.ImportPageTests.UploadHotlineSheetAsync(admin, "given_name,family_name,shoe_size\nYousif,Kassab,44\n");
        var page = Plain(await Import.ImportPageTests.WaitAsync(admin, url + "&lang=" + lang));
        Assert.Contains(Pick(lang, "العمود \"shoe_size\" غير مربوط بأي حقل وسيُتجاهل.", "La columna \"shoe_size\" no está asignada a ningún campo y se ignorará."), page,
            StringComparison.Ordinal);
        Assert.Contains(Pick(lang, "قُرئ بصيغة CSV (الفاصل «,»، الترميز UTF-8).", "Leído como CSV (delimitador «,», UTF-8)."), page, StringComparison.Ordinal);

        Guid failed = Guid.NewGuid(), old = Guid.NewGuid();
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var user = await db.Users.Where(u => u.Email == TestApp.Email("admin")).Select(u => u.Id).SingleAsync();
            var said = Stayline.Domain.Common.Sentence.Of($"The import failed and nothing was written. The details are in the server log (job {failed}).");
            ImportJobRecord Job(Guid id, string failure, string? sentence) => new()
            {
                Id = id,
                UserId = user,
                Source = "Hotline sheet",
                FileName = "x.csv",
                FilePath = "/nonexistent",
                Phase = "Done",
                Done = true,
                Failure = failure,
                FailureSentence = sentence,
                StartedAt = DateTimeOffset.UnixEpoch,
                UpdatedAt = DateTimeOffset.UnixEpoch,
            };
            db.ImportJobs.Add(Job(failed, said.ToString(), said.ToJson()));
            db.ImportJobs.Add(Job(old, "The import failed and nothing was written.", null));
            await db.SaveChangesAsync();
        }

        Assert.Contains(Pick(lang, $"فشل الاستيراد ولم يُكتب شيء. التفاصيل في سجل الخادم (المهمة {failed}).",
            $"La importación falló y no se escribió nada. Los detalles están en el registro del servidor (trabajo {failed})."),
            await GetAsync(admin, $"/Import/Progress?id={failed}", lang), StringComparison.Ordinal);
        Assert.Contains("lang=\"en\" dir=\"auto\">The import failed and nothing was written.</p>", await admin.GetStringAsync($"/Import/Progress?id={old}&lang={lang}"),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar", "أنت: 0 من القضايا المفتوحة (لم تُحدَّد الطاقة)")]
    [InlineData("es", "Usted: 0 casos abiertos (capacidad no indicada)")]
    [InlineData("en", "You: 0 open cases (no capacity set)")]
    public async Task Board_CapacityLine_ReadsWhenNoCapacityIsSet(string lang, string expected)
    {
        await using var app = await TestApp.StartAsync();
        var attorney = await app.SignedInAsync("attorney");

        var board = await GetAsync(attorney, "/Board", lang);

        Assert.Contains(expected, board, StringComparison.Ordinal);
    }

    [Fact]
    public void ArabicLists_UseTheArabicComma()
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = Stayline.Infrastructure.Localization.CultureOf("ar");
        try
        {
            Assert.Equal("حبس، كفالة", Stayline.Features.Shared.Display.List(["حبس", "كفالة"]));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }

        Assert.Equal("habeas, bond", Stayline.Features.Shared.Display.List(["habeas", "bond"]));
    }
}
