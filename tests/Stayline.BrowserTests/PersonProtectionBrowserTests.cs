using System.Net.Http.Json;
using Microsoft.Playwright;
using Stayline.Domain.Custody;
using Stayline.Features.Classes;
using Stayline.Tests.Features.Protection;
using Stayline.Tests.Infrastructure;

namespace Stayline.BrowserTests;

/// <summary>Debian's Chromium (no browser download) against the real app: the person page shows protection and the next deadline.</summary>
public class PersonProtectionBrowserTests
{
    [Fact]
    public async Task PersonPage_ClassMemberNearDeadline_ShowsWarningAndNextDeadlineWithCitation()
    {
        Assert.True(File.Exists(Browser.ChromiumPath), $"{Browser.ChromiumPath} is missing: apt-get install -y chromium");
        await using var app = await TestApp.StartAsync(clock: TestClock.At("2017-12-20"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        await b.RemovalOrderAsync(id, "1998-03-12");
        var classId = await b.ClassAsync(id);
        (await b.Api.PostAsJsonAsync($"/api/v1/classes/{classId}/orders",
            new ClassOrderWrite("Opinion and order granting a preliminary injunction", null, null, TestClock.D("2017-07-24"), 90))).EnsureSuccessStatusCode();
        await b.EventAsync(id, PersonEventKind.AFileReceived, "2017-08-14");
        await b.EventAsync(id, PersonEventKind.RecordOfProceedingsReceived, "2017-09-25");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 420, Height = 900 } });
        await Browser.SignInAsync(page, app.BaseAddress, "attorney");

        await page.GotoAsync($"/People/Details?id={id}");

        var state = page.GetByTestId("protection-state");
        Assert.Contains("alert warn", await state.GetAttributeAsync("class"));
        Assert.Contains("Protection ENDS WITHIN 7 DAYS", await state.InnerTextAsync());
        var next = await page.GetByTestId("next-deadline").InnerTextAsync();
        Assert.Contains("Next deadline: Motion to reopen under Hamama v. Adducci due 2017-12-26", next);
        Assert.Contains("Hamama v. Adducci", next[next.IndexOf('(', StringComparison.Ordinal)..]);
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "Deadlines" }).IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "stayline-person-protection.png"), FullPage = false });
    }
}
