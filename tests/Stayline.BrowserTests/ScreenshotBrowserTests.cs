using Microsoft.Playwright;
using Stayline.Features.Demo;
using Stayline.Tests.Infrastructure;

namespace Stayline.BrowserTests;

/// <summary>The pages a crisis team lives on (the People list, a person, Deadlines, Import and an import's preview) at
/// laptop and phone width, screenshotted for a person to look at (issue 12: "looked at before resolving"), and none
/// scrolling sideways.</summary>
public class ScreenshotBrowserTests(Browser browser) : IClassFixture<Browser>
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task DailyPages_LaptopAndPhone_ScreenshottedWithoutSidewaysScroll(int width, int height)
    {
        await using var app = await TestApp.StartAsync();
        await new DemoGenerator(DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow).FillAsync(app.Services, 80, CancellationToken.None);
        var page = await browser.SignedInPageAsync(app.BaseAddress, "admin", new ViewportSize { Width = width, Height = height });

        await page.GotoAsync("/People");
        var person = await page.Locator("table.people tbody a[href^='/People/Details']").First.GetAttributeAsync("href");
        await ShotAsync(page, "people", width);
        await page.GotoAsync("/People?Sort=NextDeadline");
        await page.GetByRole(AriaRole.Link, new() { Name = "Next", Exact = true }).First.ClickAsync();
        await ShotAsync(page, "people-next-deadline-page-2", width);
        await page.GotoAsync(person!);
        await ShotAsync(page, "person", width);
        await page.GotoAsync("/Deadlines");
        await ShotAsync(page, "deadlines", width);
        await page.GotoAsync("/Import");
        await ShotAsync(page, "import", width);

        var list = string.Join("\n", new[] { "Last Name,First Name,A-Number,Date of Birth" }
            .Concat(Enumerable.Range(0, 230).Select(i => $"Kassab{i:D3},Yousif,A{200000000 + i},1971-03-02")));
        var file = Path.Combine(Path.GetTempPath(), $"stayline-shot-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, list);
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
        await page.Locator("form[enctype='multipart/form-data'] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/Import/Progress**");
        await Assertions.Expect(page.GetByTestId("preview-rows")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await ShotAsync(page, "import-preview", width);
        File.Delete(file);
    }

    private static async Task ShotAsync(IPage page, string name, int width)
    {
        var overflow = await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth - window.innerWidth");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, $"{name}-{width}.png"), FullPage = true });
        var widest = overflow <= 0 ? "" : await page.EvaluateAsync<string>(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName + '.' + e.className).slice(-3).join(', ')");
        Assert.True(overflow <= 0, $"{page.Url} scrolls sideways by {overflow} px at {width} px ({widest})");
    }
}
