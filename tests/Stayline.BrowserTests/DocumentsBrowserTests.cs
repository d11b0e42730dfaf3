using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using Stayline.Tests.Features.Reports;
using Stayline.Tests.Infrastructure;

namespace Stayline.BrowserTests;

/// <summary>Debian's Chromium, driven by Playwright against the real app on Kestrel: drafting from a person's page, and the dashboard.</summary>
public class DocumentsBrowserTests
{
    /// <summary>Where the dashboard screenshot is written, to be looked at by a person after the run.</summary>
    public static readonly string ScreenshotPath = Path.Combine(Path.GetTempPath(), "stayline-dashboard.png");

    private static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await Browser.LaunchAsync(playwright);
        return (playwright, browser);
    }

    [Fact]
    public async Task PersonPage_GenerateDraft_DownloadsTheDocx()
    {
        await using var app = await TestApp.StartAsync();
        var ids = await StatusScenario.SeedAsync(app);
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { AcceptDownloads = true });
        await Browser.SignInAsync(page, app.BaseAddress, "attorney");

        await page.GotoAsync(new Uri(app.BaseAddress, $"/People/Details?id={ids.Kassab}").ToString());
        await page.GetByLabel("Template").SelectOptionAsync("stay-motion");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Generate draft (.docx)" }).ClickAsync());

        Assert.Equal("stay-motion_A012345678_kassab.docx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"stayline-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(path);
        using (var doc = WordprocessingDocument.Open(path, false))
        {
            var text = doc.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("In the matter of Yousif Kassab, A-number A012-345-678", text, StringComparison.Ordinal);
            Assert.Contains("Northeast Ohio Correctional Center (Youngstown, OH)", text, StringComparison.Ordinal);
        }

        File.Delete(path);
        await page.ReloadAsync();
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "stay-motion_A012345678_kassab.docx" }).CountAsync());
    }

    [Fact]
    public async Task Dashboard_Opens_ShowsChartsAndIsScreenshotted()
    {
        await using var app = await TestApp.StartAsync();
        await StatusScenario.SeedAsync(app);
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        await Browser.SignInAsync(page, app.BaseAddress, "admin");

        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/Dashboard", StringComparison.Ordinal));

        Assert.Equal(7, await page.Locator("svg.chart").CountAsync());
        Assert.Equal(2, await page.Locator("#chart-custody rect").CountAsync());
        Assert.True(await page.GetByRole(AriaRole.Img, new() { Name = "People by custody status" }).IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = ScreenshotPath, FullPage = true });
        Assert.Empty(violations);
    }
}
