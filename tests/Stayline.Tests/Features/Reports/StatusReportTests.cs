using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Cli;
using Stayline.Data;
using Stayline.Features.Reports;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Reports;

public class StatusReportTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Run_ScriptedSummer_GivesTheHandWorkedRows(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ids = await StatusScenario.SeedAsync(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();

        var result = await StatusReport.RunAsync(db, ids.ClassId, StatusScenario.Since, StatusScenario.Today, CancellationToken.None);

        var rows = StatusReport.ToTable(result!.Value.Rows).Rows.Select(r => r.Select(c => c ?? "").ToArray()).ToArray();
        Assert.Equal(StatusScenario.ExpectedRows, rows);
    }

    [Fact]
    public async Task Run_UnknownClass_ReturnsNull()
    {
        await using var app = await TestApp.StartAsync();
        await using var scope = app.Scope();

        var result = await StatusReport.RunAsync(scope.ServiceProvider.GetRequiredService<StaylineDbContext>(), 999, StatusScenario.Since, StatusScenario.Today, CancellationToken.None);

        Assert.Null(result);
    }

    [Fact]
    public async Task Cli_StatusToCsvAndXlsx_WritesTheSameRows()
    {
        await using var app = await TestApp.StartAsync();
        var ids = await StatusScenario.SeedAsync(app);
        var folder = Directory.CreateTempSubdirectory("stayline-report-").FullName;
        var csv = Path.Combine(folder, "r.csv");
        var xlsx = Path.Combine(folder, "r.xlsx");
        var cls = ids.ClassId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        foreach (var file in new[] { csv, xlsx })
        {
            var (rc, output, error) = await Run("report", "status", "--class", cls, "--since", "2017-07-01", "--out", file, "--db", app.Database.ConnectionString);
            Assert.True(rc == 0, error);
            Assert.Contains("3 members", output, StringComparison.Ordinal);
        }

        var lines = (await File.ReadAllLinesAsync(csv)).ToList();
        Assert.Equal(string.Join(",", StatusReport.Headers), lines[0].TrimStart('\uFEFF'));
        Assert.Equal(",Adnan Zaya,Detained,\"Calhoun County Correctional Center, Battle Creek, MI\",,,,,,,,,", lines[1]);
        Assert.Equal(4, lines.Count);
        using var sheet = SpreadsheetDocument.Open(xlsx, false);
        var cells = sheet.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToArray()).ToArray();
        Assert.Equal(StatusReport.Headers, cells[0]);
        Assert.Equal(StatusScenario.ExpectedRows, cells[1..]);
    }

    [Theory]
    [InlineData("--since", "2017-13-01", "--out", "r.csv", "is not a date")]
    [InlineData("--since", "2017-07-01", "--out", "r.pdf", "must end in .csv or .xlsx")]
    public async Task Cli_BadInput_ExitsOneNamingTheOption(string o1, string v1, string o2, string v2, string message)
    {
        await using var app = await TestApp.StartAsync();

        var (rc, _, error) = await Run("report", "status", "--class", "1", o1, v1, o2, Path.Combine(Path.GetTempPath(), v2), "--db", app.Database.ConnectionString);

        Assert.Equal(1, rc);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    internal static async Task<(int Rc, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var rc = await StaylineCli.RunAsync(args, output, error);
        return (rc, output.ToString(), error.ToString());
    }
}
