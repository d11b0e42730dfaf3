using System.Net.Http.Json;
using Microsoft.Playwright;
using Stayline.Tests.Infrastructure;

namespace Stayline.BrowserTests;

public class PeopleBrowserTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task FindByDashedANumber_OpenEditAndSeeChangeInTimeline()
    {
        await using var app = await TestApp.StartAsync();
        var created = await app.Api("admin").PostAsJsonAsync("/api/v1/people", new
        {
            aNumber = "A201234567",
            givenName = "Yousif",
            familyName = "Kassab",
            birthDate = "1968-05-04",
            citizenship = "Iraq",
        });
        created.EnsureSuccessStatusCode();
        await app.Api("admin").PostAsJsonAsync("/api/v1/people", new { aNumber = "A209999999", givenName = "Sabah", familyName = "Yaldo" });

        var page = await browser.SignedInPageAsync(app.BaseAddress, "attorney");
        await page.GotoAsync("/People");
        await page.GetByLabel("Name or A-number").FillAsync("A201-234-567");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.GetByText("1 person found.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Yousif Kassab" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Yousif Kassab");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await page.GetByLabel("Given name").FillAsync("Youssef");
        await page.GetByLabel("Birth date", new() { Exact = true }).FillAsync("1968-04-05");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Youssef Kassab");
        var timeline = page.Locator("ol.timeline");
        await Assertions.Expect(timeline).ToContainTextAsync("Person updated by attorney@test.stayline");
        await Assertions.Expect(timeline).ToContainTextAsync("Given name: Yousif → Youssef");
        await Assertions.Expect(timeline).ToContainTextAsync("Birth date: 1968-05-04 → 1968-04-05");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "person-after-edit.png"), FullPage = true });
    }

    [Fact]
    public async Task EditForm_WithSevenDigitANumber_ShowsTheErrorBesideTheField()
    {
        await using var app = await TestApp.StartAsync();
        var page = await browser.SignedInPageAsync(app.BaseAddress, "intake", new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync("/People/Edit");
        await page.GetByLabel("A-number").FillAsync("A1234567");
        await page.GetByLabel("Family name").FillAsync("Jarbo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.ANumber']")).ToContainTextAsync("has 7 digits");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "person-edit-error-phone.png"), FullPage = true });
    }
}
