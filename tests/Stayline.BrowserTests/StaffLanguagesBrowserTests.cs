using Microsoft.Playwright;
using Stayline.Features.Demo;
using Stayline.Tests.Features.Board;
using Stayline.Tests.Infrastructure;

namespace Stayline.BrowserTests;

/// <summary>A person's page and the case board in Arabic and Spanish, on a laptop and a phone: the document's language
/// and direction are the reader's, nothing scrolls sideways, and the deadline table says its states and dates in the
/// reader's language. Screenshots are saved for a person to look at.</summary>
public class StaffLanguagesBrowserTests(Browser browser) : IClassFixture<Browser>
{
    [Theory]
    [InlineData("ar", 1366, 900)]
    [InlineData("ar", 390, 844)]
    [InlineData("es", 1366, 900)]
    [InlineData("es", 390, 844)]
    public async Task PersonAndBoard_InArabicOrSpanish_InTheReadersLanguageWithoutSidewaysScroll(string lang, int width, int height)
    {
        await using var app = await TestApp.StartAsync();
        await new DemoGenerator(DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow).FillAsync(app.Services, 40, CancellationToken.None);
        await BoardKit.PostedAsync(app, "Kassab", "Arabic, Chaldean Neo-Aramaic");
        var page = await browser.SignedInPageAsync(app.BaseAddress, "admin", new ViewportSize { Width = width, Height = height });

        // A person with deadlines: the demo's first person on the deadline list.
        await page.GotoAsync($"/Deadlines?lang={lang}");
        var person = await page.Locator("main a[href^='/People/Details']").First.GetAttributeAsync("href");
        await ShotAsync(page, $"deadlines-{lang}", lang, width);
        await page.GotoAsync($"{person}&lang={lang}");
        var states = await page.Locator("section[aria-labelledby=deadlines-h] tbody td:nth-child(3)").AllInnerTextsAsync();
        Assert.NotEmpty(states);
        Assert.DoesNotContain(states, s => s.Trim() is "open" or "met" or "MISSED" or "not applicable" or "day reached");
        await ShotAsync(page, $"person-{lang}", lang, width);

        await page.GotoAsync($"/Board?lang={lang}");
        Assert.Equal(1, await page.Locator("li[data-post]").CountAsync());
        await ShotAsync(page, $"board-{lang}", lang, width);
    }

    private static async Task ShotAsync(IPage page, string name, string lang, int width)
    {
        Assert.Equal(lang, await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(lang == "ar" ? "rtl" : "ltr", await page.GetAttributeAsync("html", "dir"));
        var overflow = await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth - window.innerWidth");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, $"{name}-{width}.png"), FullPage = true });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, $"{name}-{width}-top.png") });
        Assert.True(overflow <= 0, $"{page.Url} scrolls sideways by {overflow} px at {width} px");
    }
}
