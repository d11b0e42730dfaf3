using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Import;

public partial class ImportPageTests
{
    [Fact]
    public async Task UploadPreviewThenImport_ThroughThePages_WritesOnlyAfterTheSecondStep()
    {
        await using var app = await TestApp.StartAsync();
        var client = await app.SignedInAsync("intake");
        var page = await client.GetStringAsync("/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(TestApp.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("Hotline sheet"), "Source" },
            { new ByteArrayContent("Surname;Given;DOB;Caller notes\nKassab;Yousif;1971-03-02;555\n"u8.ToArray()), "Upload", "hotline.csv" },
        };

        var upload = await client.PostAsync("/Import", form);

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var progressUrl = upload.Headers.Location!.ToString();
        var preview = await WaitAsync(client, progressUrl);
        Assert.True(preview.Contains("1 row: 1 new, 0 updated, 0 unchanged, 0 to review (dry run: nothing written)", StringComparison.Ordinal), preview);
        Assert.Contains("Column &quot;Caller notes&quot; is not mapped", preview);
        await using (var scope = app.Scope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().People.CountAsync());
        }

        var id = IdPattern().Match(progressUrl).Groups[1].Value;
        var commit = await TestApp.PostFormAsync(client, progressUrl, "/Import/Progress", new Dictionary<string, string>
        {
            ["Id"] = id,
            ["commit"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        var done = await WaitAsync(client, commit.Headers.Location!.ToString());

        Assert.Contains("1 new", done);
        Assert.Contains("(import 1)", done);
        await using var check = app.Scope();
        var db = check.ServiceProvider.GetRequiredService<StaylineDbContext>();
        Assert.Equal("Kassab", (await db.People.SingleAsync()).FamilyName);
        var batch = await db.ImportBatches.SingleAsync();
        Assert.Equal(("Hotline sheet", "hotline.csv", TestApp.Email("intake")), (batch.Source, batch.FileName, batch.UserName));
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "import" && a.UserName == TestApp.Email("intake")));
        // The new person is counted at once among those whose protection is unknown (no removal order yet).
        var protection = await db.Protections.SingleAsync();
        Assert.Equal(("Unknown", (await db.People.SingleAsync()).Id), (protection.State, protection.PersonId));
    }

    [Fact]
    public async Task ImportPage_Viewer_IsRefused()
    {
        await using var app = await TestApp.StartAsync();
        var viewer = await app.SignedInAsync("viewer");

        var response = await viewer.GetAsync("/Import");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Denied", response.Headers.Location!.ToString());
    }

    /// <summary>Uploads <paramref name="csv"/> as a hotline sheet through the Import page; returns the progress page's address.</summary>
    internal static async Task<string> UploadHotlineSheetAsync(HttpClient client, string csv)
    {
        var page = await client.GetStringAsync("/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(TestApp.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("Hotline sheet"), "Source" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "Upload", "hotline.csv" },
        };
        var upload = await client.PostAsync("/Import", form);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        return upload.Headers.Location!.ToString();
    }

    internal static async Task<string> WaitAsync(HttpClient client, string url)
    {
        // The page refreshes itself while the job runs; a test polls it the same way, without timing assertions.
        for (var i = 0; i < 600; i++)
        {
            var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            if (!response.Headers.Contains("Refresh"))
            {
                return html;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The import job did not finish.");
    }

    [GeneratedRegex("id=([0-9a-f-]{36})")]
    private static partial Regex IdPattern();
}
