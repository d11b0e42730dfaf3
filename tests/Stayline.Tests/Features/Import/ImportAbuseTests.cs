using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.People;
using Stayline.Features.Import;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Import;

/// <summary>Lists built to break the importer: zip bombs, endless values, millions of errors, tiny lists, oversized uploads.</summary>
public partial class ImportAbuseTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>
    /// A valid .xlsx whose first sheet is replaced: a header row, then a row of <paramref name="cells"/> empty cells
    /// (four bytes each, written streaming): deflate packs them about a thousand to one.
    /// </summary>
    private static string Bomb(ImportTestKit kit, string name, long cells)
    {
        var path = kit.Xlsx(name, ["Last Name", "First Name"], ["Kassab", "Yousif"]);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        var sheetName = sheet.FullName;
        sheet.Delete();
        using (var w = new StreamWriter(zip.CreateEntry(sheetName, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false), 1 << 16))
        {
            w.Write($"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>Last Name</t></is></c></row><row r=\"2\">");
            var block = string.Concat(Enumerable.Repeat("<c/>", 4096));
            for (long i = 0; i < cells; i += 4096)
            {
                w.Write(block);
            }

            w.Write("</row></sheetData></worksheet>");
        }

        return path;
    }

    [Fact]
    public async Task ImportPeople_XlsxBombThroughTheCli_RefusedBeforeReadingWithAClearMessage()
    {
        await using var kit = await ImportTestKit.CreateAsync();
        // 64 MiB of XML in about 70 KB of zip.
        var bomb = Bomb(kit, "bomb.xlsx", 16L << 20);

        var (code, output, error) = await kit.RunAsync("import", "people", bomb, "--dry-run");

        Assert.Equal(1, code);
        Assert.Contains("bomb.xlsx is refused: its part xl/worksheets/", error);
        Assert.Contains("expands more than 200 times", error);
        Assert.DoesNotContain("row 2", output + error);
    }

    [Fact]
    public async Task RunAsync_XlsxPartPastTheSizeCap_RefusedEvenWhenItsRatioIsAllowed()
    {
        await using var kit = await ImportTestKit.CreateAsync();
        var bomb = Bomb(kit, "big.xlsx", 4L << 20); // 16 MiB of XML
        await using var db = kit.Db();

        var report = await Service(db).RunAsync(bomb, new ImportOptions
        {
            FileName = "big.xlsx",
            DryRun = true,
            Xlsx = new XlsxLimits { MaxSheetBytes = 8L << 20, MaxRatio = int.MaxValue },
        });

        var error = Assert.Single(report.Errors);
        Assert.Contains("big.xlsx is refused: its part xl/worksheets/", error.Message);
        Assert.Contains("expands to more than 8 MiB", error.Message);
    }

    [Fact]
    public async Task ImportPeople_SharedStringLongerThanACell_Refused()
    {
        await using var kit = await ImportTestKit.CreateAsync();
        var file = kit.File("strings.xlsx", []);
        using (var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Create(file, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
            var strings = wb.AddNewPart<DocumentFormat.OpenXml.Packaging.SharedStringTablePart>();
            strings.SharedStringTable = new DocumentFormat.OpenXml.Spreadsheet.SharedStringTable(
                new DocumentFormat.OpenXml.Spreadsheet.SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(new string('a', 40_000))));
            var ws = wb.AddNewPart<DocumentFormat.OpenXml.Packaging.WorksheetPart>();
            ws.Worksheet = new DocumentFormat.OpenXml.Spreadsheet.Worksheet(new DocumentFormat.OpenXml.Spreadsheet.SheetData(
                new DocumentFormat.OpenXml.Spreadsheet.Row(new DocumentFormat.OpenXml.Spreadsheet.Cell
                {
                    DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString,
                    CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue("0"),
                })
                { RowIndex = 1 }));
            wb.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "Detainees" }));
        }

        var (code, _, error) = await kit.RunAsync("import", "people", file, "--dry-run");

        Assert.Equal(1, code);
        Assert.Contains("shared string 1 is longer than 32,767 characters", error);
    }

    [Fact]
    public async Task ImportPeople_CsvValueLongerThanACell_IsThatRowsError()
    {
        await using var kit = await ImportTestKit.CreateAsync();
        var file = kit.File("long.csv", "Last Name,First Name\nKassab,\"" + new string('a', 3_000_000) + "\"\nToma,Hanna\n");

        var (code, _, error) = await kit.RunAsync("import", "people", file, "--dry-run");

        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n'), l => l.StartsWith("row ", StringComparison.Ordinal));
        Assert.StartsWith("row 2: The value in column 2 is longer than 32,767 characters", line);
    }

    /// <summary>Every error is listed, also past the ones kept in memory (the rest come back from a temporary file).</summary>
    [Fact]
    public async Task ImportPeople_TwelveThousandBadRows_ListsEveryError()
    {
        await using var kit = await ImportTestKit.CreateAsync();
        var csv = new StringBuilder("A-Number,Last Name\n");
        for (var i = 0; i < 12_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"A12,Name{i}\n");
        }

        var (code, _, error) = await kit.RunAsync("import", "people", kit.File("bad.csv", csv.ToString()), "--dry-run");

        Assert.Equal(1, code);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(12_000, lines.Count(l => l.StartsWith("row ", StringComparison.Ordinal)));
        Assert.StartsWith("row 12001, column \"A-Number\", value \"A12\"", lines[^2]);
        Assert.Contains("12,000 errors;", lines[^1]);
    }

    /// <summary>
    /// Lists of one to five rows into a database that already holds someone they share no name key with: the
    /// linkage engine gets no block at all (it threw ArgumentOutOfRangeException).
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task ImportPeople_FewRowsIntoAKnownList_Imports(int rows)
    {
        await using var kit = await ImportTestKit.CreateAsync();
        Assert.Equal(0, (await kit.RunAsync("import", "people", kit.File("first.csv", "Last Name,First Name,DOB\nKassab,Yousif,1971-03-02\n"))).Code);

        var (code, output, error) = await kit.RunAsync("import", "people", kit.File("few.csv", FewRows(rows)));

        Assert.True(code == 0, error);
        Assert.Contains($"{(rows == 1 ? "1 row" : $"{rows} rows")}: {rows} new", output);
        Assert.Equal(1 + rows, (await kit.CountsAsync()).People);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task UploadPage_FewRowsIntoAKnownList_PreviewsAndImports(int rows)
    {
        await using var app = await TestApp.StartAsync();
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            db.People.Add(Person.Create(new PersonInput(null, "Yousif", "Kassab", null, new DateOnly(1971, 3, 2), BirthDatePrecision.Exact, null, null, false, null),
                new DateOnly(2026, 1, 1), DateTimeOffset.UnixEpoch).Person!);
            await db.SaveChangesAsync();
        }

        var client = await app.SignedInAsync("intake");
        var preview = await ImportPageTests.WaitAsync(client, await UploadAsync(client, "few.csv", Encoding.UTF8.GetBytes(FewRows(rows))));
        Assert.Contains($"{(rows == 1 ? "1 row" : $"{rows} rows")}: {rows} new, 0 updated, 0 unchanged, 0 to review (dry run: nothing written)", preview);

        var id = IdPattern().Match(preview).Groups[1].Value;
        var commit = await TestApp.PostFormAsync(client, $"/Import/Progress?id={id}", "/Import/Progress", new Dictionary<string, string> { ["Id"] = id, ["commit"] = "true" });
        var done = await ImportPageTests.WaitAsync(client, commit.Headers.Location!.ToString());

        Assert.Contains($"{(rows == 1 ? "1 row" : $"{rows} rows")}: {rows} new", done);
        Assert.DoesNotContain("Exception", done);
    }

    private static string FewRows(int rows)
    {
        string[] names = ["Toma,Hanna,1980-05-14", "Yaldo,Rana,1990-01-02", "Shamoon,Amir,1965-07-08", "Najjar,Layla,2001-11-30", "Putrus,Faris,1948-02-29"];
        return "Last Name,First Name,DOB\n" + string.Concat(names.Take(rows).Select(n => n + "\n"));
    }

    /// <summary>Every error is on the page, a page of them at a time.</summary>
    [Fact]
    public async Task ProgressPage_ManyErrors_PagesThroughEveryOne()
    {
        await using var app = await TestApp.StartAsync();
        var client = await app.SignedInAsync("intake");
        var csv = new StringBuilder("A-Number,Last Name\n");
        for (var i = 0; i < 450; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"A12,Name{i}\n");
        }

        var url = await UploadAsync(client, "bad.csv", Encoding.UTF8.GetBytes(csv.ToString()));
        var first = await ImportPageTests.WaitAsync(client, url);
        Assert.Contains("Errors (450)", first);
        Assert.Contains("page 1 of 3", first);

        var last = await client.GetStringAsync(url + "&errorPage=2");

        Assert.Contains("page 3 of 3", last);
        Assert.Contains("row 451,", last);
        Assert.DoesNotContain("row 401,", last);
    }

    /// <summary>Two web nodes on one database: the progress and the report of a job one node runs are read on the other.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ProgressPage_JobStartedOnAnotherNode_ShowsItsReport(string provider)
    {
        await using var a = await TestApp.StartAsync(provider);
        await using var b = await TestApp.StartSecondNodeAsync(a);
        var onA = await a.SignedInAsync("intake");
        var onB = await b.SignedInAsync("intake");
        var url = await UploadAsync(onA, "hotline.csv", "Surname;Given;DOB\nKassab;Yousif;1971-03-02\nToma;Hanna;1980-05-14\n"u8.ToArray());
        await a.Services.GetRequiredService<ImportJobs>().WhenIdleAsync();

        var page = await ImportPageTests.WaitAsync(onB, url);

        Assert.Contains("2 rows: 2 new, 0 updated, 0 unchanged, 0 to review (dry run: nothing written)", page);
        var stranger = await b.SignedInAsync("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task UploadPage_BodyOverTheLimit_AnswersAPageThatSaysTheLimit()
    {
        await using var app = await TestApp.StartAsync();
        var client = await app.SignedInAsync("intake");
        var content = new StreamContent(new ZeroStream(UploadLimit.MaxBodyBytes + 1));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("multipart/form-data") { Parameters = { new("boundary", "x") } };

        var response = await client.PostAsync("/Import", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("the limit is 512 MiB", page);
        Assert.Contains("href=\"/Import\"", page);
    }

    private static async Task<string> UploadAsync(HttpClient client, string name, byte[] bytes)
    {
        var page = await client.GetStringAsync("/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(TestApp.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "Upload", name },
        };
        var upload = await client.PostAsync("/Import", form);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        return upload.Headers.Location!.ToString();
    }

    private static ImportService Service(StaylineDbContext db)
    {
        var actor = new AuditActor(null, "test");
        return new ImportService(db, TimeProvider.System, actor, new Stayline.Features.Protection.ProtectionRecompute(TimeProvider.System));
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"Id\" value=\"([0-9a-f-]{36})\"")]
    private static partial System.Text.RegularExpressions.Regex IdPattern();

    /// <summary>Zeros of a given length, made up as they are read.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => _position = value; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => _position = origin == SeekOrigin.Begin ? offset : origin == SeekOrigin.End ? length + offset : _position + offset;
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
