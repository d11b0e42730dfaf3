using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Stayline.Domain.Common;
using Stayline.Domain.Custody;
using Stayline.Domain.Deadlines;
using Stayline.Domain.Matters;
using Stayline.Features.Bond;
using Stayline.Features.Bulk;
using Stayline.Features.Shared;
using Stayline.Tests.Features.Protection;
using Stayline.Tests.Infrastructure;
using static Stayline.Tests.Infrastructure.TestClock;

namespace Stayline.Tests.Features.Shared;

/// <summary>
/// The last English on the Arabic and Spanish staff pages (session 15): a bond case's summary and clock lines on the
/// person page, the People board's next-deadline column, federal holidays inside a deadline's explanation, a stored
/// bulk description's event name, said in the reader's language; printed (API, CLI) they stay the English of before.
/// </summary>
/// <remarks>On Wed 2027-01-20: Karim's bond was set Fri 2027-01-15 at $7,500 over DHS's no-bond and posted 01-16; DHS
/// filed Form EOIR-43 Tue 01-19 (Mon 01-18 being Martin Luther King Jr. Day), so release is stayed until DHS's notice of
/// appeal, due Mon 02-01. Sami's bond was denied the same day: his appeal to the Board is due Tue 2027-02-16 (the 30th
/// day a Sunday, Mon 02-15 Washington's Birthday).</remarks>
public partial class BondBoardTextTests
{
    [Theory]
    [MemberData(nameof(LocalisedStaffPagesTests.Cases), MemberType = typeof(LocalisedStaffPagesTests))]
    public async Task BondLinesBoardAndHolidays_InArabicOrSpanish_AreSaidInTheReadersLanguage(string provider, string lang)
    {
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2027-01-20"));
        var (stayed, denied) = await SeedAsync(app);
        var admin = await app.SignedInAsync("admin");
        var culture = Stayline.Infrastructure.Localization.CultureOf(lang);
        string Day(string iso) => D(iso).ToString("d", culture);

        var html = Between(await admin.GetStringAsync($"/People/Details?id={stayed}&lang={lang}"), "/Bond/Edit?id=", "/Bond/Edit?personId=");
        Assert.DoesNotContain("lang=\"en\"", html, StringComparison.Ordinal);
        var bond = Text(html);
        string[] english = ["Bond set at", "Release stayed automatically", "DHS Form EOIR-43", "DHS notice of appeal to the Board", "filed ", "open"];
        Assert.All(english, e => Assert.DoesNotContain(e, bond, StringComparison.Ordinal));
        var dollars = "$" + 7_500m.ToString("N0", culture);
        string[] expected = lang == "ar"
            ?
            [
                $"حُددت الكفالة بمبلغ {dollars} في {Day("2027-01-15")}؛ دُفعت الكفالة في {Day("2027-01-16")}. الإفراج موقوف تلقائيًا منذ {Day("2027-01-19")}؛ ويسقط الوقف ما لم تقدّم وزارة الأمن الداخلي إخطار الطعن بحلول {Day("2027-02-01")} (8 CFR 1003.6(c)(1)).",
                "النموذج EOIR-43 من وزارة الأمن الداخلي (إخطار بنية الطعن)", $"قُدّم في {Day("2027-01-19")}؛ 8 CFR 1003.19(i)(2)",
                "إخطار وزارة الأمن الداخلي بالطعن أمام المجلس", "مفتوح؛ 8 CFR 1003.6(c)(1)",
            ]
            :
            [
                $"Fianza fijada en {dollars} el {Day("2027-01-15")}; fianza depositada el {Day("2027-01-16")}. Liberación suspendida automáticamente desde el {Day("2027-01-19")}; la suspensión caduca salvo que el DHS presente su aviso de apelación a más tardar el {Day("2027-02-01")} (8 CFR 1003.6(c)(1)).",
                "Formulario EOIR-43 del DHS (aviso de intención de apelar)", $"presentado el {Day("2027-01-19")}; 8 CFR 1003.19(i)(2)",
                "Aviso de apelación del DHS ante la Junta", "abierto; 8 CFR 1003.6(c)(1)",
            ];
        Assert.All(expected, e => Assert.True(bond.Contains(e, StringComparison.Ordinal), $"\"{e}\" not in:\n{bond}"));

        // The person's timeline: the bond case's creation, from the audit log, in the reader's words.
        var timeline = Text(Between(await admin.GetStringAsync($"/People/Details?id={stayed}&lang={lang}"), "id=\"timeline\"", "</ol>"));
        Assert.DoesNotContain(" created by ", timeline, StringComparison.Ordinal);
        Assert.Contains(lang == "ar" ? ": أنشأه " + TestApp.Email("admin") : " creado por " + TestApp.Email("admin"), timeline, StringComparison.Ordinal);

        // The board's next-deadline column: the rule's title in the reader's language, not the English.
        var board = Text(await admin.GetStringAsync($"/People?Sort=NextDeadline&lang={lang}"));
        var title = Sentences.In(lang, DeadlineRules.BondAppeal.TitleSentence);
        Assert.NotEqual(DeadlineRules.BondAppeal.Title, title);
        Assert.Contains(Plain(title), board, StringComparison.Ordinal);
        Assert.DoesNotContain(DeadlineRules.BondAppeal.Title, board, StringComparison.Ordinal);
        Assert.DoesNotContain(english[3], board, StringComparison.Ordinal);

        // A federal holiday inside the explanation of Sami's bond appeal (Deadlines page).
        var deadlines = Text(await admin.GetStringAsync($"/Deadlines?lang={lang}"));
        Assert.Contains(lang == "ar" ? "ذكرى ميلاد واشنطن" : "Natalicio de Washington", deadlines, StringComparison.Ordinal);
        Assert.DoesNotContain("Washington's Birthday", deadlines, StringComparison.Ordinal);
        Assert.True(denied > 0);
    }

    /// <summary>The API gives the bond state in the English of before (summary and lines as plain strings, same order).</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BondApi_InArabic_StaysTheEnglishOfBefore(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2027-01-20"));
        var (stayed, _) = await SeedAsync(app);
        var json = await app.Api("admin").GetStringAsync($"/api/v1/people/{stayed}/bond-cases?lang=ar");
        Assert.Contains("\"summary\":\"Bond set at $7,500 on 2027-01-15; bond posted 2027-01-16. Release stayed automatically since 2027-01-19; the stay lapses unless DHS files its notice of appeal by 2027-02-01 (8 CFR 1003.6(c)(1)).\",\"releaseStayed\":true,\"stayLapsesOn\":\"2027-02-02\"",
            json, StringComparison.Ordinal);
        Assert.Contains("{\"what\":\"DHS Form EOIR-43 (notice of intent to appeal)\",\"day\":\"2027-01-19\",\"citation\":\"8 CFR 1003.19(i)(2)\",\"state\":\"filed 2027-01-19\",\"ruleId\":",
            json, StringComparison.Ordinal);
        Assert.DoesNotContain("Sentence", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("[\u0600-\u06FF]", json);
    }

    /// <summary>Holidays and closures as a deadline's explanation names them: the statute's holidays in the reader's
    /// words, a closure's name as it was entered; printed, the English of before.</summary>
    [Fact]
    public void ReasonClosed_HolidaysSaid_ClosureNamesAsEntered()
    {
        var board = CourtCalendar.Federal.Board;
        var mlk = board.ReasonClosedSaid(D("2027-01-18"))!;
        Assert.Equal("Birthday of Martin Luther King, Jr.", board.ReasonClosed(D("2027-01-18")));
        Assert.Equal("ذكرى ميلاد مارتن لوثر كينغ الابن", Sentences.In("ar", mlk));
        // Christmas 2027 is a Saturday: observed Friday 2027-12-24.
        Assert.Equal("Christmas Day (observed)", board.ReasonClosed(D("2027-12-24")));
        Assert.Equal("Navidad (día observado)", Sentences.In("es", board.ReasonClosedSaid(D("2027-12-24"))!));
        var snow = CourtCalendar.Create([new CourtClosure(D("2027-03-03"), null, "Snow storm")]);
        Assert.Equal("a closure of all courts (Snow storm)", snow.ReasonClosed(D("2027-03-03")));
        Assert.Equal("un cierre de todos los tribunales (Snow storm)", Sentences.In("es", snow.ReasonClosedSaid(D("2027-03-03"))!));
    }

    /// <summary>A class order that cannot be found is "the class order" in the reader's words inside the rule's title.</summary>
    [Fact]
    public void ClassOrderNotFound_SaidInTheReadersLanguage()
    {
        var rule = DeadlineRules.AfterRecordsReceived("class-motion", 90, "Hamama v. Adducci", Sentence.Of($"the class order"));
        Assert.Equal("Motion to reopen under the class order", rule.Title);
        Assert.Contains("أمر الدعوى الجماعية", Sentences.In("ar", rule.TitleSentence), StringComparison.Ordinal);
        Assert.Contains("la orden colectiva", Sentences.In("es", rule.TitleSentence), StringComparison.Ordinal);
    }

    /// <summary>A bulk "record an event" description keeps the event as its enum member: read back, it is said in the
    /// reader's language; a batch stored before (the English label inside the sentence) still reads as it was.</summary>
    [Fact]
    public void BulkEventDescription_StoredWithTheMember_SaidInTheReadersLanguage()
    {
        var batch = new Stayline.Data.BulkBatch();
        BulkBatches.Describe(batch, Sentence.Of($"Record \"{Sentences.Term(PersonEventKind.Arrested)}\" on {D("2027-01-15"):yyyy-MM-dd}"));
        Assert.Equal($"Record \"{Labels.Of(PersonEventKind.Arrested)}\" on 2027-01-15", batch.Description);
        var arabic = Sentences.In("ar", BulkBatches.Said(batch));
        var spanish = Sentences.In("es", BulkBatches.Said(batch));
        Assert.Contains(InLanguage("ar", () => Labels.Local(PersonEventKind.Arrested)), arabic, StringComparison.Ordinal);
        Assert.Contains(InLanguage("es", () => Labels.Local(PersonEventKind.Arrested)), spanish, StringComparison.Ordinal);
        Assert.DoesNotContain(Labels.Of(PersonEventKind.Arrested), arabic, StringComparison.Ordinal);

        // Stored by session 14: the label was kept as English text.
        var old = new Stayline.Data.BulkBatch
        {
            Description = "Record \"Arrested\" on 2026-11-02",
            Sentence = "{\"f\":\"Record \\\"{0}\\\" on {1:yyyy-MM-dd}\",\"v\":[[\"text\",\"Arrested\"],[\"date\",\"2026-11-02\"]]}",
        };
        Assert.Contains("Arrested", Sentences.In("ar", BulkBatches.Said(old)), StringComparison.Ordinal);
    }

    /// <summary>An A-number never breaks at a hyphen at the end of a line: the compare page's A-number cells carry the
    /// class the stylesheet keeps on one line (one rule for every A-number on every page).</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ComparePage_InArabic_ANumbersDoNotBreak(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2027-01-20"));
        var (left, right) = await SeedAsync(app);
        var admin = await app.SignedInAsync("admin");
        var page = await admin.GetStringAsync($"/Review/Pair?left={left}&right={right}&lang=ar");
        Assert.Contains("<bdi class=\"anumber\">A012-345-678</bdi>", page, StringComparison.Ordinal);
        Assert.Contains("<bdi class=\"anumber\">A023-456-789</bdi>", page, StringComparison.Ordinal);
        var css = await admin.GetStringAsync("/css/site.css");
        Assert.Matches(@"(^|\n)\.nowrap, \.anumber \{ white-space: nowrap; \}", css);
    }

    private static string InLanguage(string lang, Func<string> say)
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = Stayline.Infrastructure.Localization.CultureOf(lang);
        try
        {
            return say();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    private static async Task<(long Stayed, long Denied)> SeedAsync(TestApp app)
    {
        var b = new CaseBuilder(app);
        var stayed = await b.PersonAsync("A012345678", "Karim", "Toma");
        (await b.Api.PostAsJsonAsync($"/api/v1/people/{stayed}/bond-cases",
            new BondCaseWrite(DhsCustodyDecision.NoBond, null, D("2027-01-04"), BondDecision.BondSet, D("2027-01-15"), 7_500m, D("2027-01-16"), D("2027-01-19")),
            CaseBuilder.Json)).EnsureSuccessStatusCode();
        var denied = await b.PersonAsync("A023456789", "Sami", "Zaya");
        (await b.Api.PostAsJsonAsync($"/api/v1/people/{denied}/bond-cases",
            new BondCaseWrite(DhsCustodyDecision.NoBond, null, D("2027-01-04"), BondDecision.Denied, D("2027-01-15")), CaseBuilder.Json)).EnsureSuccessStatusCode();
        return (stayed, denied);
    }

    private static string Between(string html, string from, string to)
    {
        var start = html.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{from} not on the page");
        var end = html.IndexOf(to, start, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }

    /// <summary>The page's text: tags dropped, entities decoded, the isolates around inserted values dropped, white space collapsed.</summary>
    private static string Text(string html) =>
        Space().Replace(Plain(System.Net.WebUtility.HtmlDecode(Tags().Replace(html, ""))), " ");

    /// <summary>Without the invisible isolates around inserted values.</summary>
    private static string Plain(string text) => text.Replace("\u2068", "", StringComparison.Ordinal).Replace("\u2069", "", StringComparison.Ordinal);

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
