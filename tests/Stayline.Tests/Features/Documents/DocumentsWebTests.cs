using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Tests.Features.Reports;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Documents;

public class DocumentsWebTests
{
    [Fact]
    public async Task PersonPage_GenerateDraft_DownloadsDocxKeepsItOnTheFileAndAuditsIt()
    {
        await using var app = await TestApp.StartAsync();
        var ids = await StatusScenario.SeedAsync(app);
        var client = await app.SignedInAsync("attorney");
        var page = $"/People/Details?id={ids.Kassab}";
        Assert.Contains("Generate draft (.docx)", await client.GetStringAsync(page), StringComparison.Ordinal);

        var response = await TestApp.PostFormAsync(client, page, "/Documents/Draft",
            new Dictionary<string, string> { ["personId"] = ids.Kassab.ToString(System.Globalization.CultureInfo.InvariantCulture), ["template"] = "foia-a-file" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("foia-a-file_A012345678_kassab.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var docx = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(Docx.Validate(docx));
        var text = string.Join("\n", Docx.Lines(docx));
        Assert.Contains("Subject of record: Yousif Kassab", text, StringComparison.Ordinal);
        Assert.Contains("A-number: A012-345-678", text, StringComparison.Ordinal);
        Assert.Contains("Date of birth: [MISSING: date of birth]", text, StringComparison.Ordinal);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var stored = await db.GeneratedDocuments.SingleAsync();
        Assert.Equal((ids.Kassab, "foia-a-file", 1), (stored.PersonId, stored.TemplateKey, stored.TemplateVersion));
        Assert.Equal("date of birth\nattorney name\nattorney e-mail", stored.Missing);
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "generate" && a.PersonId == ids.Kassab && a.UserName == TestApp.Email("attorney")));

        var after = await client.GetStringAsync(page);
        Assert.Contains("foia-a-file_A012345678_kassab.docx", after, StringComparison.Ordinal);
        Assert.Contains("Still missing: date of birth; attorney name; attorney e-mail", after, StringComparison.Ordinal);
        var again = await client.GetByteArrayAsync($"/Documents/Draft?handler=File&id={stored.Id}");
        Assert.Equal(docx, again);
    }

    [Theory]
    [InlineData("intake")]
    [InlineData("viewer")]
    public async Task Drafting_NonLawyer_IsRefusedAndSeesNoForm(string role)
    {
        await using var app = await TestApp.StartAsync();
        var ids = await StatusScenario.SeedAsync(app);
        var client = await app.SignedInAsync(role);

        var page = await client.GetStringAsync($"/People/Details?id={ids.Kassab}");
        var templates = await client.GetAsync("/Documents");

        Assert.DoesNotContain("Generate draft", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, templates.StatusCode);
        Assert.Contains("/Account/Denied", templates.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemplatesPage_DownloadEditUpload_StoresVersionTwo()
    {
        await using var app = await TestApp.StartAsync();
        var client = await app.SignedInAsync("admin");
        var original = await client.GetByteArrayAsync("/Documents?handler=Download&key=appearance-cover-letter");
        var edited = Docx.Build(Docx.P("Dear Clerk, I appear for {{per", "son.full_name}}."));

        var page = await client.GetStringAsync("/Documents");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(TestApp.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("appearance-cover-letter"), "key" },
            { new ByteArrayContent(edited), "file", "letter.docx" },
        };
        var upload = await client.PostAsync("/Documents?handler=Upload", form);

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.Empty(Docx.Validate(original));
        var list = await client.GetStringAsync("/Documents");
        Assert.Contains("<td><code>appearance-cover-letter</code></td><td dir=\"auto\">Notice of appearance cover letter</td><td>2</td>", list, StringComparison.Ordinal);
        Assert.Equal(edited, await client.GetByteArrayAsync("/Documents?handler=Download&key=appearance-cover-letter"));
    }

    [Fact]
    public async Task Cli_GenerateForListedANumbers_WritesZipWithMissingReport()
    {
        await using var app = await TestApp.StartAsync();
        await StatusScenario.SeedAsync(app);
        var folder = Directory.CreateTempSubdirectory("stayline-docs-").FullName;
        var list = Path.Combine(folder, "a.txt");
        await File.WriteAllLinesAsync(list, ["# class members to draft for", "A012-345-678", "", "098765432"]);
        var zipPath = Path.Combine(folder, "out.zip");

        var (rc, output, error) = await StatusReportTests.Run("docs", "generate", "--template", "habeas-2241", "--a-numbers", list, "--out", zipPath, "--db", app.Database.ConnectionString);

        Assert.True(rc == 0, error);
        Assert.Contains("Generated 2 drafts from habeas-2241 v1", output, StringComparison.Ordinal);
        Assert.Contains("A012-345-678 Yousif Kassab: missing federal district; name of the warden or administrator of Northeast Ohio Correctional Center; "
            + "name of the ICE field office director (Detroit); date of birth; drafting attorney's name; "
            + "drafting attorney's admission to the court (the facility has no district); drafting attorney's bar number; drafting attorney's bar admissions; "
            + "drafting attorney's e-mail\n", output, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["habeas-2241_A012345678_kassab.docx", "habeas-2241_A098765432_toma.docx", "missing.csv"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("A012-345-678\nA12\n", "a.txt line 2: \"A12\" is not an A-number")]
    [InlineData("A077-777-777\n", "a.txt line 1: A077-777-777 is not in the database")]
    public async Task Cli_GenerateWithBadSelection_ExitsOneAndWritesNothing(string content, string message)
    {
        await using var app = await TestApp.StartAsync();
        await StatusScenario.SeedAsync(app);
        var folder = Directory.CreateTempSubdirectory("stayline-docs-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "a.txt"), content);

        var (rc, _, error) = await StatusReportTests.Run("docs", "generate", "--template", "habeas-2241", "--a-numbers", Path.Combine(folder, "a.txt"),
            "--out", Path.Combine(folder, "out"), "--db", app.Database.ConnectionString);

        Assert.Equal(1, rc);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }

    [Fact]
    public async Task Cli_Templates_ListsTheStarterIds()
    {
        await using var app = await TestApp.StartAsync();

        var (rc, output, _) = await StatusReportTests.Run("docs", "templates", "--db", app.Database.ConnectionString);

        Assert.Equal(0, rc);
        Assert.Equal(["appearance-cover-letter", "foia-a-file", "habeas-2241", "mtr-changed-conditions", "stay-motion"],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]));
    }
}
