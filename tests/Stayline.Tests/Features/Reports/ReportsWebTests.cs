using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.People;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Reports;

public class ReportsWebTests
{
    [Fact]
    public async Task PeopleExport_FilteredCsv_HasOnlyMatchesNeutralisesFormulasAndIsAudited()
    {
        await using var app = await TestApp.StartAsync();
        await StatusScenario.SeedAsync(app);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var (evil, _) = Person.Create(new PersonInput(null, "=HYPERLINK(\"http://x\")", "@Evil", null, null, BirthDatePrecision.Unknown, "+Iraq", null, false, null),
                new DateOnly(2017, 7, 1), DateTimeOffset.UnixEpoch);
            db.People.Add(evil!);
            await db.SaveChangesAsync();
        }

        var client = await app.SignedInAsync("viewer");
        var released = await client.GetStringAsync("/Reports?handler=People&format=Csv&Status=Released");
        var unknown = await client.GetStringAsync("/Reports?handler=People&format=Csv&Status=Unknown");

        Assert.Equal(["a_number,given_name,family_name,native_name,birth_date,citizenship,languages,custody,facility,attorneys,place_of_birth,father_name,mother_name,city,email,phone",
            "A098-765-432,Hanna,Toma,,unknown,Iraq,,Released,,,,,,,,"], released.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\",'@Evil,,unknown,'+Iraq,,Unknown,,,,,,,,", unknown, StringComparison.Ordinal);
        await using var check = app.Scope();
        Assert.Equal(2, await check.ServiceProvider.GetRequiredService<StaylineDbContext>().AuditEvents.CountAsync(a => a.Action == "export" && a.EntityType == "People"));
    }

    [Fact]
    public async Task StatusReportPage_Download_GivesXlsx()
    {
        await using var app = await TestApp.StartAsync();
        var ids = await StatusScenario.SeedAsync(app);
        var client = await app.SignedInAsync("admin");
        Assert.Contains("Hamama v. Adducci", await client.GetStringAsync("/Reports"), StringComparison.Ordinal);

        var response = await client.GetAsync($"/Reports?handler=Status&classId={ids.ClassId}&since=2017-07-01&format=Xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var sheet = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(await response.Content.ReadAsStreamAsync(), false);
        Assert.Equal(4, sheet.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count());
    }

    [Fact]
    public async Task SavedFilter_SaveThenList_LinksBackToThePeopleList()
    {
        await using var app = await TestApp.StartAsync();
        var client = await app.SignedInAsync("attorney");

        var save = await TestApp.PostFormAsync(client, "/Reports?Status=Detained&HasLawyer=false&Page=3", "/Reports?handler=SaveFilter",
            new Dictionary<string, string> { ["name"] = "Detained, no lawyer", ["query"] = "Status=Detained&HasLawyer=false&Page=3&handler=x" });

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var page = await client.GetStringAsync("/Reports");
        Assert.Contains("<a href=\"/People?Status=Detained&amp;HasLawyer=false\" dir=\"auto\">Detained, no lawyer</a>", page, StringComparison.Ordinal);
        var other = await app.SignedInAsync("admin");
        Assert.DoesNotContain("Detained, no lawyer", await other.GetStringAsync("/Reports"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_Intake_IsDenied()
    {
        await using var app = await TestApp.StartAsync();
        var client = await app.SignedInAsync("intake");

        var response = await client.GetAsync("/Reports?handler=People&format=Csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
