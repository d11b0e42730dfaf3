using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.People;
using Stayline.Features.Import;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Import;

public class ImportPreviewTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportPeople_BlankRowsAndAFacilityNotInTheCatalogue_SkipsBlanksHoldsThatRowAndImportsTheOthers(string provider)
    {
        await using var kit = await ImportTestKit.CreateAsync(provider);
        var file = kit.File("list.csv", "A-Number,Last Name,First Name,DOB,Facility\n"
            + "A012345678,Kassab,Yousif,1971-03-02,Calhoun County Correctional Center\n"
            + ",,,,\n"
            + "\n"
            + "A023456789,Jarjees,Nadia,1965-01-01,Nowhere Detention Center\n"
            + ",Hermiz,Sami,1980-05-05,\n");

        var (code, output, error) = await kit.RunAsync("import", "people", file);

        Assert.True(code == 0, error);
        Assert.Contains("4 rows: 2 new, 0 updated, 0 unchanged, 0 to review, 1 held for a facility, 1 blank row skipped (import 1).", output, StringComparison.Ordinal);
        // Rows as a spreadsheet numbers them: the empty line is row 4 (not counted as a row read, as an absent XLSX row is
        // not), ",,,," row 3 (a row read and skipped).
        Assert.True(output.Contains("check row 5, column \"Facility\", value \"Nowhere Detention Center\": No facility by this name in the catalogue: the row is held", StringComparison.Ordinal), output);
        Assert.Contains("check row 6: No A-number", output, StringComparison.Ordinal);
        await using var db = kit.Db();
        Assert.Equal(["Hermiz", "Kassab"], await db.People.OrderBy(p => p.FamilyName).Select(p => p.FamilyName).ToListAsync());
        var held = new ImportHeld(db, TimeProvider.System);
        var waiting = Assert.Single(await held.PendingAsync());
        Assert.Equal((5, "Nadia Jarjees", "Nowhere Detention Center"), (waiting.Row, waiting.Name, waiting.FacilityName));
        var calhoun = await db.Facilities.Where(f => f.Name == "Calhoun County Correctional Center").Select(f => f.Id).SingleAsync();

        var refused = await held.PlaceAsync(waiting.Id, null);
        var placed = await held.PlaceAsync(waiting.Id, calhoun);

        Assert.False(refused.Done);
        Assert.True(placed.Done, placed.Message);
        db.ChangeTracker.Clear();
        var nadia = await db.People.SingleAsync(p => p.FamilyName == "Jarjees");
        Assert.Equal((CustodyStatus.Detained, (long?)calhoun), (nadia.CustodyStatus, nadia.CurrentFacilityId));
        Assert.Empty(await held.PendingAsync());
        // The placed row is a decision that depends on the import: undoing it now is refused, not silently lossy.
        var undo = await kit.RunAsync("import", "undo", "1");
        Assert.Contains("review rows were decided", undo.Out + undo.Err, StringComparison.Ordinal);
    }

    /// <summary>Issue 14: government lists name facilities by other names and by ICE code; the catalogue's aliases and
    /// codes place those rows without holding them.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportPeople_FacilityNamedByAnAliasOrItsIceCode_PlacesThePersonThere(string provider)
    {
        await using var kit = await ImportTestKit.CreateAsync(provider);
        await using (var setup = kit.Db())
        {
            await setup.Facilities.Where(f => f.Name == "Calhoun County Correctional Center").ExecuteUpdateAsync(u => u.SetProperty(f => f.IceCode, "CALHOMI"));
        }

        var file = kit.File("list.csv", "A-Number,Last Name,First Name,DOB,Facility\n"
            + "A012345678,Kassab,Yousif,1971-03-02,Batavia Service Processing Center\n"
            + "A023456789,Jarjees,Nadia,1965-01-01,Adelanto East\n"
            + "A034567890,Toma,Rita,1980-05-05,CALHOMI\n");

        var (code, output, error) = await kit.RunAsync("import", "people", file);

        Assert.True(code == 0, error);
        Assert.True(output.Contains("3 rows: 3 new, 0 updated, 0 unchanged, 0 to review", StringComparison.Ordinal), output);
        await using var db = kit.Db();
        var placed = await db.People.OrderBy(p => p.FamilyName)
            .Select(p => new { p.FamilyName, p.CustodyStatus, Facility = db.Facilities.Where(f => f.Id == p.CurrentFacilityId).Select(f => f.Name).Single() }).ToListAsync();
        Assert.Equal([("Jarjees", "Adelanto ICE Processing Center"), ("Kassab", "Buffalo (Batavia) Service Processing Center"), ("Toma", "Calhoun County Correctional Center")],
            placed.Select(p => (p.FamilyName, p.Facility)));
        Assert.All(placed, p => Assert.Equal(CustodyStatus.Detained, p.CustodyStatus));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportPeople_TheSameRowsAsXlsxAfterCsv_AreUnchangedAndNoneGoToReview(string provider)
    {
        await using var kit = await ImportTestKit.CreateAsync(provider);
        var csv = kit.File("list.csv", "A-Number,Last Name,First Name,DOB,Country\n"
            + "A012345678,Kassab,Yousif,1971-03-02,Iraq\n"
            + ",Jarjees,Nadia,1965-07-09,Iraq\n"
            + ",Hermiz,Sami,1980-05-05,Iraq\n"
            + ",Toma,Rita,1959,Iraq\n"
            + ",Yaldo,Basim,,Iraq\n"
            + ",Shamoun,Ashur,,\n");
        var first = await kit.RunAsync("import", "people", csv);
        Assert.True(first.Code == 0, first.Err);
        var xlsx = kit.Xlsx("list.xlsx",
            ["A-Number", "Last Name", "First Name", "DOB", "Country"],
            ["A012345678", "Kassab", "Yousif", "date:1971-03-02", "Iraq"],
            ["", "Jarjees", "Nadia", "date:1965-07-09", "Iraq"],
            ["", "Hermiz", "Sami", "1980-05-05", "Iraq"],
            ["", "Toma", "Rita", "1959", "Iraq"],
            ["", "Yaldo", "Basim", "", "Iraq"],
            ["", "Shamoun", "Ashur", "", ""]);

        var (code, output, error) = await kit.RunAsync("import", "people", xlsx);

        Assert.True(code == 0, error);
        Assert.True(output.Contains("6 rows: 0 new, 0 updated, 6 unchanged, 0 to review", StringComparison.Ordinal), output);
        await using var db = kit.Db();
        Assert.Equal(6, await db.People.CountAsync());
        Assert.Equal(0, await db.ImportRows.CountAsync(r => r.Action == ImportRowAction.Review));
    }

    /// <summary>Issue 12, item 8: the preview says, row by row, a birth date in the future, one before 1900 and a row
    /// without an A-number (the first two are errors that stop the import; the last a warning), and writes nothing.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportPreview_FutureAndPre1900BirthDatesAndNoANumber_EachFlaggedOnItsRow(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInAsync("intake");
        var future = DateTime.UtcNow.Year + 5;
        var url = await ImportPageTests.UploadHotlineSheetAsync(client, "A-Number;Surname;Given;DOB\n"
            + "A012345678;Kassab;Yousif;1971-03-02\n"
            + $"A023456789;Jarjees;Nadia;{future}-01-01\n"
            + "A034567890;Hermiz;Sami;1899-12-31\n"
            + ";Toma;Rita;1980-05-05\n");

        var html = WebUtility.HtmlDecode(await ImportPageTests.WaitAsync(client, url));

        Assert.True(html.Contains($"row 3, column \"DOB\", value \"{future}-01-01\": Birth date {future}-01-01 is in the future", StringComparison.Ordinal), html);
        Assert.Contains("row 4, column \"DOB\", value \"1899-12-31\": Birth date 1899-12-31 is before 1900", html, StringComparison.Ordinal);
        Assert.Contains("row 5: No A-number", html, StringComparison.Ordinal);
        Assert.DoesNotContain("row 2", html, StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().People.CountAsync());
    }

    [Fact]
    public async Task ProgressPage_RowWarningsAndRows_AreAllShownInPages()
    {
        await using var app = await TestApp.StartAsync();
        var client = await app.SignedInAsync("intake");
        var page = await client.GetStringAsync("/Import");
        var list = new StringBuilder("Last Name,First Name\n");
        for (var i = 0; i < 230; i++)
        {
            list.Append(System.Globalization.CultureInfo.InvariantCulture, $"Kassab{i:D3},Yousif\n");
        }

        using var form = new MultipartFormDataContent
        {
            { new StringContent(TestApp.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(list.ToString())), "Upload", "list.csv" },
        };
        var upload = await client.PostAsync("/Import", form);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var url = upload.Headers.Location!.ToString();

        var first = await ImportPageTests.WaitAsync(client, url);
        var second = await client.GetStringAsync(url + "&warningPage=1");

        Assert.Contains("To check (230)", first, StringComparison.Ordinal);
        Assert.Contains("row 201: No A-number", first, StringComparison.Ordinal);
        Assert.DoesNotContain("row 202: No A-number", first, StringComparison.Ordinal);
        Assert.Contains("page 2 of 2", second, StringComparison.Ordinal);
        Assert.Contains("row 231: No A-number", second, StringComparison.Ordinal);
        Assert.Contains("be added", first, StringComparison.Ordinal);

        // Every row is in the preview's table too, 200 to a page (it used to stop at the first 20).
        var rows = await client.GetStringAsync(url + "&rowPage=1");
        Assert.Contains("Rows to import (230)", first, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Row\">201</td>", first, StringComparison.Ordinal);
        Assert.DoesNotContain("<td data-label=\"Row\">202</td>", first, StringComparison.Ordinal);
        Assert.Contains("Next rows", first, StringComparison.Ordinal);
        Assert.Contains("Rows 201&#x2013;230, page 2 of 2", rows, StringComparison.Ordinal); // the dash from the resx, HTML-encoded (outside the encoder's ranges)
        Assert.Contains("<td data-label=\"Row\">231</td>", rows, StringComparison.Ordinal);
        Assert.Contains("Kassab229", rows, StringComparison.Ordinal);
        Assert.DoesNotContain("<td data-label=\"Row\">201</td>", rows, StringComparison.Ordinal);
        Assert.Contains("Previous rows", rows, StringComparison.Ordinal);
    }

    /// <summary>The preview's counts agree and say what each counts: rows read = rows to import (listed, and what the
    /// button says) + rows held for a facility + blank rows skipped. It said "Rows (2)" above a button "Import 3 rows".</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ProgressPage_HeldAndBlankRows_CountsAgreeWithTheListAndTheButton(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInAsync("intake");
        var url = await ImportPageTests.UploadHotlineSheetAsync(client, "A-Number,Last Name,First Name,DOB,Facility\n"
            + "A012345678,Kassab,Yousif,1971-03-02,\n"
            + ",,,,\n"
            + "A023456789,Jarjees,Nadia,1965-01-01,Nowhere Detention Center\n"
            + ",Hermiz,Sami,1980-05-05,\n");

        var page = await ImportPageTests.WaitAsync(client, url);

        var counts = System.Text.RegularExpressions.Regex.Matches(page, "<dt>([^<]*)</dt><dd>([^<]*)</dd>")
            .Select(m => (System.Net.WebUtility.HtmlDecode(m.Groups[1].Value), m.Groups[2].Value)).ToList();
        Assert.Equal(
            [("Rows read", "4"), ("To import (listed below, each with what it will do)", "2"),
             ("Waiting for a facility (kept on the Import page until one is chosen)", "1"), ("Blank rows skipped", "1")],
            counts);
        Assert.Contains("Rows to import (2)", page, StringComparison.Ordinal);
        Assert.Contains(">Import 2 rows</button>", page, StringComparison.Ordinal);
        Assert.Contains("4 rows: 2 new, 0 updated, 0 unchanged, 0 to review, 1 held for a facility, 1 blank row skipped (dry run: nothing written).", page, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(page, "<td data-label=\"Row\">").Count);
    }
}
