using Microsoft.Playwright;
using Stayline.Features.Demo;
using Stayline.Tests.Infrastructure;

namespace Stayline.BrowserTests;

/// <summary>The people board on a laptop and on a phone: "/" reaches the search from any page, nothing scrolls sideways,
/// rows become cards at phone width and A-numbers stay whole.</summary>
public class PeopleBoardBrowserTests(Browser browser) : IClassFixture<Browser>
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task PeopleBoard_AtLaptopAndPhoneWidth_NoSidewaysScrollAndSlashFocusesSearch(int width, int height)
    {
        await using var app = await TestApp.StartAsync();
        await new DemoGenerator(DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow).FillAsync(app.Services, 60, CancellationToken.None);
        var page = await browser.SignedInPageAsync(app.BaseAddress, "admin", new ViewportSize { Width = width, Height = height });

        // From the home page (no search box of its own) "/" goes to the header's person search.
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("/");
        Assert.Equal("find", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("a");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/People?Q=a");

        await page.GotoAsync("/People?Sort=Protection");
        await page.Keyboard.PressAsync("/");
        Assert.Equal("q", await page.EvaluateAsync<string>("document.activeElement.id"));
        await Assertions.Expect(page.Locator("table.people tbody tr").First).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page scrolls sideways by {overflow} px at {width} px");
        // An A-number is one line: its cell is no taller than one line of text.
        var wraps = await page.EvaluateAsync<int>(
            "[...document.querySelectorAll('td.anumber')].filter(td => { const r = document.createRange(); r.selectNodeContents(td.lastChild); return r.getClientRects().length > 1; }).length");
        Assert.Equal(0, wraps);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, $"people-board-{width}.png"), FullPage = width > 400 });
    }
}
