using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Stayline.Cli;
using Stayline.Data;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Import;

/// <summary>A migrated throw-away database, a folder for list files, and the CLI.</summary>
public sealed class ImportTestKit : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "stayline-import-tests", Guid.NewGuid().ToString("N"));

    private ImportTestKit(TestDatabase database)
    {
        Database = database;
        Directory.CreateDirectory(_folder);
    }

    public TestDatabase Database { get; }

    public static async Task<ImportTestKit> CreateAsync(string provider = "sqlite")
    {
        var kit = new ImportTestKit(await TestDatabase.CreateAsync(provider));
        var (code, _, err) = await kit.RunAsync("db", "migrate");
        Assert.True(code == 0, err);
        return kit;
    }

    public async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await StaylineCli.RunAsync([.. args, "--db", Database.ConnectionString], output, error);
        return (code, output.ToString(), error.ToString());
    }

    public string File(string name, string text, Encoding? encoding = null) => File(name, (encoding ?? new UTF8Encoding(false)).GetBytes(text));

    public string File(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>An .xlsx with a header row and rows of text cells; a cell "date:yyyy-mm-dd" is written as a real date cell.</summary>
    public string Xlsx(string name, params string[][] rows)
    {
        var path = Path.Combine(_folder, name);
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        wb.Workbook = new Workbook();
        var styles = wb.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
        var ws = wb.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        uint r = 1;
        foreach (var row in rows)
        {
            var xr = new Row { RowIndex = r };
            var c = 0;
            foreach (var value in row)
            {
                var reference = $"{(char)('A' + c)}{r}";
                xr.Append(value.StartsWith("date:", StringComparison.Ordinal)
                    ? new Cell
                    {
                        CellReference = reference,
                        StyleIndex = 1,
                        CellValue = new CellValue(DateTime.Parse(value[5..], System.Globalization.CultureInfo.InvariantCulture).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    }
                    : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) });
                c++;
            }

            data.Append(xr);
            r++;
        }

        ws.Worksheet = new Worksheet(data);
        wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "Detainees" }));
        wb.Workbook.Save();
        return path;
    }

    public StaylineDbContext Db() => new(StaylineDatabase.From(Database.ConnectionString).Options());

    public async Task<(int People, int Batches, int Tokens, int Aliases)> CountsAsync()
    {
        await using var db = Db();
        return (await db.People.CountAsync(), await db.ImportBatches.CountAsync(), await db.NameTokens.CountAsync(), await db.PersonNames.CountAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
