using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stayline.Data;
using Stayline.Domain.Custody;
using Stayline.Domain.Work;
using Stayline.Features.Bulk;
using Stayline.Features.Habeas;
using Stayline.Tests.Features.Board;
using Stayline.Tests.Features.Habeas;
using Stayline.Tests.Features.Import;
using Stayline.Tests.Features.Review;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Shared;

/// <summary>
/// Results built in the services (the board's claims, bulk actions and their skips, import summaries, review decisions,
/// intake, alerts) and the audit page's action codes reach an Arabic or Spanish reader in their language; every sentence
/// those services build has its translation.
/// </summary>
public partial class ServiceSentencesTests
{
    /// <summary>The services whose sentences are translated (ImportService: its report's summary only; its row errors are the domain's).</summary>
    private static readonly string[] Sources =
    [
        "src/Stayline/Features/Board/BoardService.cs", "src/Stayline.Domain/Board/Volunteers.cs", "src/Stayline/Features/Organisations/AssignmentConflicts.cs",
        "src/Stayline/Features/Bulk/BulkActions.cs", "src/Stayline/Features/Bulk/BulkUndo.cs", "src/Stayline/Features/Habeas/AlertService.cs",
        "src/Stayline/Features/Habeas/TransferWatch.cs", "src/Stayline/Features/Import/ImportService.cs", "src/Stayline/Features/Import/ImportUndo.cs",
        "src/Stayline/Features/Import/ImportHeld.cs", "src/Stayline/Features/Review/ReviewService.cs", "src/Stayline/Features/Intake/IntakeService.cs",
        "src/Stayline/Features/Shared/Sentences.cs", "src/Stayline/Features/People/Index.cshtml.cs",
    ];

    private static readonly DateTimeOffset Now = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Formats_EveryOneTheServicesBuild_HasATranslation_AndEveryKeyOfTheBlockIsUsed()
    {
        var formats = Sources.SelectMany(f => FormatsIn(f)).ToHashSet(StringComparer.Ordinal);
        Assert.True(formats.Count > 90, $"only {formats.Count} formats found: is the scan still reading Sentence.Of($\"...\")?");
        Assert.Contains("Detained since {0:yyyy-MM-dd} ({1} days) at {2} ({3}) with no attorney and no habeas petition. Assign an attorney.", formats);
        Assert.Contains("already has \"{0}\" on {1:yyyy-MM-dd}", formats);

        foreach (var file in new[] { "Strings.resx", "Strings.ar.resx", "Strings.es.resx" })
        {
            var keys = Keys(file);
            var missing = formats.Where(f => !keys.Contains(f)).ToList();
            Assert.True(missing.Count == 0, $"{file} lacks: " + string.Join(" | ", missing));
        }

        // The block this work added: sentences the services build, audit codes, match levels; nothing else.
        var block = BlockKeys();
        var unused = block.Where(k => !formats.Contains(k) && !k.StartsWith("Aud.Action.", StringComparison.Ordinal) && !k.StartsWith("Rev.Level.", StringComparison.Ordinal)).ToList();
        Assert.True(unused.Count == 0, "no service builds: " + string.Join(" | ", unused));
    }

    [Fact]
    public void Formats_TheScanReadsAsTheCompilerBuildsThem()
    {
        var date = new DateOnly(2026, 5, 4);
        var built = Stayline.Domain.Common.Sentence.Of($"already has \"{"x"}\" on {date:yyyy-MM-dd} {{kept}}");

        Assert.Equal(built.Format, Assert.Single(Formats("Sentence.Of($\"already has \\\"{Label(k)}\\\" on {date:yyyy-MM-dd} {{kept}}\")")));
    }

    [Fact]
    public void AuditCodes_EveryActionTheCodeWrites_HasALabel()
    {
        var codes = AuditCodes();
        Assert.Contains("claim", codes);
        Assert.Contains("sign-in-failed", codes);
        foreach (var file in new[] { "Strings.resx", "Strings.ar.resx", "Strings.es.resx" })
        {
            var keys = Keys(file);
            var missing = codes.Where(c => !keys.Contains("Aud.Action." + c)).ToList();
            Assert.True(missing.Count == 0, $"{file} has no label for: " + string.Join(", ", missing));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AuditPage_InArabic_ShowsNoRawCode(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, clock: new FakeTimeProvider(Now));
        var codes = AuditCodes();
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            foreach (var code in codes)
            {
                db.AuditEvents.Add(new AuditEvent(Now, null, "test", code, "Test", "1", null, null, null));
            }

            await db.SaveChangesAsync();
        }

        var admin = await app.SignedInAsync("admin");
        var arabic = await GetAsync(admin, "/Audit", "ar");
        var english = await GetAsync(admin, "/Audit", "en");

        // A cell may carry attributes (its column's label for phones).
        static bool Cell(string page, string text) => System.Text.RegularExpressions.Regex.IsMatch(page, "<td( [^>]*)?>" + System.Text.RegularExpressions.Regex.Escape(text) + "</td>");
        var raw = codes.Where(c => Cell(arabic, c)).ToList();
        Assert.True(raw.Count == 0, "raw codes: " + string.Join(", ", raw));
        Assert.True(Cell(arabic, "فشل تسجيل الدخول"), "the Arabic action label is not in a cell");
        Assert.True(Cell(english, "sign-in-failed"), "the English action is not in a cell");
    }

    public static TheoryData<string, string> ProvidersAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in TestDatabase.Providers())
        {
            data.Add((string)row[0], "ar");
            data.Add((string)row[0], "es");
        }

        return data;
    }

    /// <summary>What each language must show for the flows below, and the English it must not.</summary>
    private static readonly Dictionary<string, string[]> Expected = new(StringComparer.Ordinal)
    {
        ["ar"] =
        [
            "لست مقبولًا للمرافعة أمام المحكمة الفدرالية الجزئية للدائرة W.D. Mich.", "أصبحت الآن مكلَّفًا بهذه القضية (W.D. Mich.)",
            "لديه بالفعل «استُلم الملف A» بتاريخ", "صف واحد", "سُجّل: ليسا الشخص نفسه.", "نُقل في", "لم يُقدَّم التماس هابياس قبل النقل",
            "يومًا) في", "Rumsfeld v. Padilla",
        ],
        ["es"] =
        [
            "No está admitido/a ante la Corte de Distrito de EE. UU. del W.D. Mich.", "Ahora tiene asignado este caso (W.D. Mich.)",
            "ya tiene «Expediente A recibido» el", "1 fila (nuevas: 1,", "Registrado: no es la misma persona.", "Trasladado/a el",
            "No se presentó petición de hábeas corpus antes del traslado", "días) en",
        ],
    };

    private static readonly string[] English =
    [
        "You are not admitted", "You are now assigned", "already has &quot;", "rows: 1 new", "Recorded: not the same person", "Moved on ",
        "No habeas petition was filed", "with no attorney and no habeas petition",
    ];

    [Theory]
    [MemberData(nameof(ProvidersAndLanguages))]
    public async Task Flows_SayTheirResultsInTheReadersLanguage(string provider, string lang)
    {
        await using var app = await TestApp.StartAsync(provider, clock: new FakeTimeProvider(Now));
        var said = new StringBuilder();

        // The board: a claim refused (not admitted), then claimed.
        var (kassab, post) = await BoardKit.PostedAsync(app);
        var attorney = await app.SignedInAsync("attorney");
        await BoardKit.PutProfileAsync(app.Api("attorney"), BoardKit.Profile(5, "Arabic", ("FederalDistrict", "E.D. Mich.", null)));
        said.Append(await PostAndFollowAsync(attorney, "/Board", $"/Board?handler=Claim&lang={lang}", new() { ["id"] = post.ToString(System.Globalization.CultureInfo.InvariantCulture) }, lang));
        await BoardKit.PutProfileAsync(app.Api("attorney"), BoardKit.Profile(5, "Arabic", ("FederalDistrict", "W.D. Mich.", null)));
        said.Append(await PostAndFollowAsync(attorney, "/Board", $"/Board?handler=Claim&lang={lang}", new() { ["id"] = post.ToString(System.Globalization.CultureInfo.InvariantCulture) }, lang));

        // A bulk action that skips a person who has the event already.
        var kit = new HabeasKit(app);
        var toma = await kit.PersonAsync("Nadia", "Toma");
        await using (var scope = app.Scope())
        {
            var bulk = scope.ServiceProvider.GetRequiredService<BulkActions>();
            Assert.True((await bulk.ApplyAsync(new BulkSelection([kassab]), new BulkAction(BulkActionKind.RecordEvent, EventKind: PersonEventKind.AFileReceived, On: new DateOnly(2026, 11, 28)))).Applied);
        }

        var admin = await app.SignedInAsync("admin");
        var preview = await TestApp.PostFormAsync(admin, "/Bulk", $"/Bulk?handler=Preview&lang={lang}", new Dictionary<string, string>
        {
            ["Input.Ids"] = $"{kassab},{toma}",
            ["Input.Kind"] = "RecordEvent",
            ["Input.EventKind"] = "AFileReceived",
            ["Input.On"] = "2026-11-28",
        });
        said.Append(await preview.Content.ReadAsStringAsync());

        // An import's summary.
        var progress = await ImportPageTests.UploadHotlineSheetAsync(admin, "Surname;Given;DOB\nHaddad;Samir;1980-01-01\n");
        await ImportPageTests.WaitAsync(admin, progress);
        said.Append(await GetAsync(admin, progress, lang));

        // A review decision.
        long left, right;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            left = await ReviewServiceTests.AddPersonAsync(db, "Yusuf", "Al Jaburi", new DateOnly(1969, 7, 21));
            right = await ReviewServiceTests.AddPersonAsync(db, "Yousif", "Aljabouri", new DateOnly(1969, 7, 21));
        }

        said.Append(await PostAndFollowAsync(admin, $"/Review/Pair?left={left}&right={right}", $"/Review/Pair?handler=NotSame&left={left}&right={right}&lang={lang}", [], lang));

        // Alerts: a transfer across districts with no petition before it, and a person held for days with nobody.
        var calhoun = await kit.FacilityAsync("Calhoun County Correctional Center");
        await kit.CustodyAsync(toma, "Detain", "2026-11-01", calhoun);
        await kit.CustodyAsync(toma, "Transfer", "2026-11-03", await kit.FacilityAsync("Krome North Service Processing Center"));
        var held = await kit.PersonAsync("Rami", "Yousef");
        await kit.CustodyAsync(held, "Detain", "2026-11-10", calhoun);
        await using (var scope = app.Scope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<AlertService>().EscalateAsync(CancellationToken.None) > 0);
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            Assert.Contains(await db.Alerts.Select(a => a.Message).ToListAsync(), m => m.StartsWith("Detained since 2026-11-10 (20 days) at Calhoun", StringComparison.Ordinal));
        }

        said.Append(await GetAsync(admin, "/Habeas/Alerts", lang));
        said.Append(await GetAsync(admin, "/Dashboard", lang));

        var all = Plain(said.ToString());
        Assert.All(Expected[lang], e => Assert.Contains(e, all, StringComparison.Ordinal));
        Assert.All(English, e => Assert.DoesNotContain(e, all, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AlertMail_IsInTheLanguageEachRecipientChose(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, new FakeTimeProvider(Now), HabeasKit.OwnOutbox);
        var kit = new HabeasKit(app);
        var toma = await kit.PersonAsync("Nadia", "Toma");
        await kit.CustodyAsync(toma, "Detain", "2026-11-01", await kit.FacilityAsync("Calhoun County Correctional Center"));
        await kit.CustodyAsync(toma, "Transfer", "2026-11-09", await kit.FacilityAsync("Eloy Detention Center"));
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var admin = await db.Users.SingleAsync(u => u.Email == TestApp.Email("admin"));
        admin.UiLanguage = "ar";
        await db.SaveChangesAsync();

        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AlertMailer>().SendPendingAsync(db, CancellationToken.None));

        var sender = scope.ServiceProvider.GetRequiredService<Stayline.Features.Deadlines.ReminderSender>();
        var outbox = sender.Outbox();
        var arabic = Assert.Single(outbox, m => m.To.Contains(TestApp.Email("admin"), StringComparison.Ordinal));
        Assert.Equal("Stayline: نقل من W.D. Mich. إلى D. Ariz. (لا التماس قبل النقل)", Plain(arabic.Subject));
        var text = Plain(sender.ReadOutbox(arabic.File)!);
        Assert.Contains("نُقل في", text, StringComparison.Ordinal);
        Assert.Contains("افتح الملف: /People/Details?id=", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Moved on", text, StringComparison.Ordinal);
        // The other coordinators chose no language: English, as before.
        Assert.All(outbox.Where(m => m != arabic), m => Assert.Equal("Stayline: transfer W.D. Mich. to D. Ariz. (no petition before the move)", m.Subject));
    }

    /// <summary>The text without the isolates that keep each value of an Arabic sentence in its own direction (as
    /// characters in a mail, as character references in a page: the pages' encoder lets Arabic through, not them).</summary>
    internal static string Plain(string text) => WebUtility.HtmlDecode(text).Replace("\u2068", "", StringComparison.Ordinal).Replace("\u2069", "", StringComparison.Ordinal);

    private static async Task<string> PostAndFollowAsync(HttpClient client, string pageUrl, string postUrl, Dictionary<string, string> fields, string lang)
    {
        var response = await TestApp.PostFormAsync(client, pageUrl, postUrl, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{postUrl}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await GetAsync(client, response.Headers.Location!.ToString(), lang);
    }

    private static async Task<string> GetAsync(HttpClient client, string url, string lang)
    {
        var response = await client.GetAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + lang);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return body;
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Stayline.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Stayline.slnx not found above the test folder.");
    }

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(Root(), "src", "Stayline", "Resources", file)).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    /// <summary>The keys of the English file's "s12-i18n-b" block (from its comment to the next comment or the end).</summary>
    private static List<string> BlockKeys()
    {
        var nodes = XDocument.Load(Path.Combine(Root(), "src", "Stayline", "Resources", "Strings.resx")).Root!.Nodes()
            .SkipWhile(n => n is not XComment c || !c.Value.Contains("s12-i18n-b", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(n => n is not XComment);
        return [.. nodes.OfType<XElement>().Where(e => e.Name == "data").Select(e => (string)e.Attribute("name")!)];
    }

    private static IEnumerable<string> FormatsIn(string file)
    {
        var text = File.ReadAllText(Path.Combine(Root(), file));
        if (file.EndsWith("ImportService.cs", StringComparison.Ordinal))
        {
            var start = text.IndexOf("public sealed record ImportReport", StringComparison.Ordinal);
            text = text[start..text.IndexOf("\n}\n", start, StringComparison.Ordinal)];
        }

        return Formats(text);
    }

    /// <summary>
    /// The composite format of each <c>Sentence.Of($"...")</c> in C# source, as the compiler builds it: each hole
    /// <c>{expression,alignment:format}</c> becomes <c>{n,alignment:format}</c>; escapes are read. Holes hold no string
    /// literals (the services name such values first), which keeps this reading simple and exact.
    /// </summary>
    private static IEnumerable<string> Formats(string source)
    {
        foreach (Match m in SentenceOf().Matches(source))
        {
            var format = new StringBuilder();
            var hole = 0;
            var i = m.Index + m.Length;
            for (; source[i] != '"'; i++)
            {
                var c = source[i];
                if (c == '\\')
                {
                    i++;
                    format.Append(source[i] switch { 'n' => '\n', 't' => '\t', var e => e });
                }
                else if (c == '{' && source[i + 1] == '{')
                {
                    format.Append("{{");
                    i++;
                }
                else if (c == '}' && source[i + 1] == '}')
                {
                    format.Append("}}");
                    i++;
                }
                else if (c == '{')
                {
                    int depth = 0, colon = -1, comma = -1, j = i + 1;
                    for (; depth > 0 || source[j] != '}'; j++)
                    {
                        switch (source[j])
                        {
                            case '(' or '[' or '{': depth++; break;
                            case ')' or ']' or '}': depth--; break;
                            case '"': throw new InvalidOperationException($"A string literal inside a hole of {m.Value}...: name the value first.");
                            case ':' when depth == 0 && colon < 0: colon = j; break;
                            case ',' when depth == 0 && colon < 0 && comma < 0: comma = j; break;
                        }
                    }

                    format.Append('{').Append(hole++);
                    if (comma >= 0)
                    {
                        format.Append(',').Append(source[(comma + 1)..(colon >= 0 ? colon : j)].Trim());
                    }

                    if (colon >= 0)
                    {
                        format.Append(':').Append(source[(colon + 1)..j]);
                    }

                    format.Append('}');
                    i = j;
                }
                else
                {
                    format.Append(c);
                }
            }

            yield return format.ToString();
        }
    }

    /// <summary>The action codes the code writes into the audit (the fourth argument of each AuditEvent built with a literal),
    /// and those given through the read audit and the closures page.</summary>
    private static HashSet<string> AuditCodes()
    {
        var codes = new HashSet<string>(["view", "export", "create", "update", "delete"], StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root(), "src"), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("Migrations", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in NewAuditEvent().Matches(text))
            {
                // The arguments at depth zero, up to the fourth.
                var (depth, start, n) = (0, m.Index + m.Length, 0);
                for (var i = start; i < text.Length && n < 4; i++)
                {
                    switch (text[i])
                    {
                        case '(' or '[' or '{': depth++; break;
                        case ')' or ']' or '}' when depth > 0: depth--; break;
                        case ',' when depth == 0:
                            if (++n == 4)
                            {
                                break;
                            }

                            if (n == 3 && AuditCode().Match(text, i + 1) is { Success: true } code && code.Index == i + 1)
                            {
                                codes.Add(code.Groups[1].Value);
                            }

                            break;
                    }
                }
            }
        }

        return codes;
    }

    [GeneratedRegex(@"Sentence\.Of\(\s*\$""")]
    private static partial Regex SentenceOf();

    [GeneratedRegex(@"new (?:[\w.]+\.)?AuditEvent\(")]
    private static partial Regex NewAuditEvent();

    [GeneratedRegex(@"\s*""([a-z]+(?:-[a-z]+)*)""")]
    private static partial Regex AuditCode();
}
