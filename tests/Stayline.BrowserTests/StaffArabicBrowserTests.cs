using Microsoft.Playwright;
using Stayline.Features.Demo;
using Stayline.Tests.Infrastructure;

namespace Stayline.BrowserTests;

/// <summary>The pages a crisis team reads all day, in Arabic: the People list and a person's page, right to left, on a
/// laptop and a phone, with no sideways scroll.</summary>
public class StaffArabicBrowserTests(Browser browser) : IClassFixture<Browser>
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task PeopleListAndPersonPage_InArabic_RightToLeftWithoutSidewaysScroll(int width, int height)
    {
        await using var app = await TestApp.StartAsync();
        await new DemoGenerator(DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow).FillAsync(app.Services, 40, CancellationToken.None);
        var page = await browser.SignedInPageAsync(app.BaseAddress, "admin", new ViewportSize { Width = width, Height = height });

        await page.GotoAsync("/People");
        await page.GetByRole(AriaRole.Button, new() { Name = "العربية" }).ClickAsync();
        await page.WaitForURLAsync("**/People");

        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("الأشخاص");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "بحث" })).ToBeVisibleAsync();
        Assert.True(await page.Locator("td.name[dir=auto]").CountAsync() > 0);
        var overflow = await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the Arabic People list scrolls sideways by {overflow} px at {width} px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, $"people-ar-{width}.png"), FullPage = width > 400 });

        await page.Locator("td.name a").First.ClickAsync();
        await page.WaitForURLAsync("**/People/Details?id=*");

        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        await Assertions.Expect(page.Locator("#facts")).ToHaveTextAsync("الوقائع");
        await Assertions.Expect(page.Locator("#matters")).ToHaveTextAsync("القضايا");
        overflow = await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the Arabic person page scrolls sideways by {overflow} px at {width} px");
        // Mirrored: the heading starts at the right edge of its card.
        var text = await page.EvaluateAsync<double[]>(
            "(() => { const r = document.createRange(); r.selectNodeContents(document.querySelector('#facts')); const b = r.getBoundingClientRect(); return [b.left, b.right]; })()");
        var card = (await page.Locator("section[aria-labelledby=facts]").BoundingBoxAsync())!;
        Assert.True(card.X + card.Width - text[1] < 40, $"the heading's text ends at {text[1]}, the card at {card.X + card.Width}");
        Assert.True(text[0] - card.X > 40, $"the heading's text starts at {text[0]}, at the card's left ({card.X})");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, $"person-ar-{width}.png"), FullPage = width > 400 });
    }
}
