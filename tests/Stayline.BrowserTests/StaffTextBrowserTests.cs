using Microsoft.Playwright;
using Stayline.Features.Demo;
using Stayline.Tests.Features.Protection;
using Stayline.Tests.Infrastructure;

namespace Stayline.BrowserTests;

/// <summary>The duplicate review's compare page and the audit page in Arabic on a phone: the evidence, what a merge moves
/// and fills, and the audit's kinds of record and changes are Arabic, and nothing scrolls sideways. Screenshots are saved
/// for a person to look at.</summary>
public class StaffTextBrowserTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task ReviewCompareAndAudit_InArabicOnAPhone_ArabicWithoutSidewaysScroll()
    {
        await using var app = await TestApp.StartAsync();
        await new DemoGenerator(DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow).FillAsync(app.Services, 80, CancellationToken.None);
        // Two records of one man (one with his A-number): the compare page lists what a merge would move and fill in.
        var cases = new CaseBuilder(app);
        var keep = await cases.PersonAsync(null!, "Yousif", "Kassab");
        var other = await cases.PersonAsync("A012345678", "Yousif", "Kassab");
        var page = await browser.SignedInPageAsync(app.BaseAddress, "admin", new ViewportSize { Width = 390, Height = 844 });

        await page.GotoAsync($"/Review/Pair?left={keep}&right={other}&lang=ar");
        var merge = await page.Locator("section[aria-labelledby=merge-title]").InnerTextAsync();
        Assert.Contains("يُحفظ اسمًا مستعارًا", merge, StringComparison.Ordinal);
        Assert.DoesNotContain("kept as an alias", merge, StringComparison.Ordinal);
        // The A-number the merge fills in is said inside a sentence and still never breaks at its hyphens.
        Assert.Equal("A012-345-678", await page.Locator("section[aria-labelledby=merge-title] .anumber").InnerTextAsync());
        await ShotAsync(page, "review-pair-ar");
        // The evidence is one card per field on a phone: its frame does not scroll inside itself either.
        Assert.Equal(0, await page.EvaluateAsync<int>(
            "[...document.querySelectorAll('main .table-wrap')].filter(w => w.scrollWidth > w.clientWidth + 1).length"));
        Assert.Equal("التطابق", (await page.Locator("main table.stack tbody td[data-label]").Nth(2).GetAttributeAsync("data-label"))!.Trim());

        await page.GotoAsync("/Audit?lang=ar");
        var table = await page.Locator("main table").InnerTextAsync();
        Assert.Contains("شخص", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Given name", table, StringComparison.Ordinal);
        await ShotAsync(page, "audit-ar");
        // The table scrolls inside its frame on a phone: its last columns (what, person, change) are at the left in Arabic.
        await page.EvaluateAsync("document.querySelector('main .table-wrap').scrollLeft = -100000");
        await page.Locator("main table").ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "audit-ar-390-columns.png") });
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        var overflow = await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth - window.innerWidth");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, $"{name}-390.png"), FullPage = true });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, $"{name}-390-top.png") });
        Assert.True(overflow <= 0, $"{page.Url} scrolls sideways by {overflow} px at 390 px");
    }
}
