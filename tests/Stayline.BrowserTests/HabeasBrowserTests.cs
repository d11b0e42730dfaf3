using System.IO.Compression;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Stayline.Tests.Features.Habeas;
using Stayline.Tests.Infrastructure;

namespace Stayline.BrowserTests;

/// <summary>Drafting habeas petitions for a facility's detainees in Chromium: choose the facility, check the captions, download the zip.</summary>
public class HabeasBrowserTests
{
    [Fact]
    public async Task BulkDraft_FacilityDetainees_ChecksCaptionsAndDownloadsOneZip()
    {
        await using var app = await TestApp.StartAsync(clock: new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero)));
        await BulkDraftTests.SeedAsync(app);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 1366, Height = 900 } });
        await Browser.SignInAsync(page, app.BaseAddress, "attorney");

        await page.GetByRole(AriaRole.Link, new() { Name = "Draft in bulk" }).ClickAsync();
        await page.GetByLabel("Everyone detained at a facility").SelectOptionAsync(new SelectOptionValue { Label = "Calhoun County Correctional Center" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check captions" }).ClickAsync();

        var rows = page.Locator("#captions tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        for (var i = 0; i < 2; i++)
        {
            var row = await rows.Nth(i).InnerTextAsync();
            Assert.Contains("W.D. Mich.", row, StringComparison.Ordinal);
            Assert.Contains("Jane Doe, Warden", row, StringComparison.Ordinal);
            Assert.Contains("[MISSING: name of the ICE field office director (Detroit Field Office)]", row, StringComparison.Ordinal);
            Assert.Contains("Kristi Noem, Secretary of Homeland Security", row, StringComparison.Ordinal);
        }

        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "habeas-bulk-draft-1366.png"), FullPage = true });
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Draft 2 (.zip)" }).ClickAsync());

        Assert.Equal("habeas-2241-2026-11-30.zip", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"stayline-{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(path);
        using (var zip = ZipFile.OpenRead(path))
        {
            Assert.Equal(3, zip.Entries.Count);
        }

        File.Delete(path);
    }
}
