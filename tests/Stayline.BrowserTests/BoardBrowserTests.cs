using Microsoft.Playwright;
using Stayline.Tests.Features.Board;
using Stayline.Tests.Infrastructure;

namespace Stayline.BrowserTests;

/// <summary>A volunteer claims a case from the board in Chromium, on a phone and a laptop.</summary>
public class BoardBrowserTests
{
    [Fact]
    public async Task Board_VolunteerClaimsACase_IsAssignedAndTheCardLeavesTheBoard()
    {
        await using var app = await TestApp.StartAsync();
        var (person, _) = await BoardKit.PostedAsync(app, "Kassab", "Arabic, Chaldean Neo-Aramaic");
        await BoardKit.PostedAsync(app, "Yaldo", "Arabic");
        await BoardKit.PutProfileAsync(app.Api("attorney"), BoardKit.Profile(5, "English, Arabic", ("FederalDistrict", "W.D. Mich.", null)));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await Browser.SignInAsync(page, app.BaseAddress, "attorney");

        await page.GotoAsync(new Uri(app.BaseAddress, "/Board").ToString());
        var cards = page.Locator("li[data-post]");
        Assert.Equal(2, await cards.CountAsync());
        var first = await cards.First.InnerTextAsync();
        Assert.Contains("W.D. Mich.", first, StringComparison.Ordinal);
        Assert.Contains("Calhoun County Correctional Center", first, StringComparison.Ordinal);
        Assert.Contains("habeas petition, bond hearing", first, StringComparison.Ordinal);
        Assert.Contains("Arabic, Chaldean Neo-Aramaic", first, StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the board scrolls sideways on a phone");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "board-390.png"), FullPage = true });

        await cards.First.GetByRole(AriaRole.Button, new() { Name = "Claim this case" }).ClickAsync();

        Assert.EndsWith($"/People/Details?id={person}", page.Url, StringComparison.Ordinal);
        Assert.Contains("You are now assigned to this case (W.D. Mich.)", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Test attorney", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync(new Uri(app.BaseAddress, "/Board").ToString());
        Assert.Equal(1, await page.Locator("li[data-post]").CountAsync());
        Assert.Contains("1 open cases of 5", await page.Locator("[data-me]").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "board-after-claim-1366.png"), FullPage = true });
    }
}
