using Microsoft.Playwright;
using Stayline.Features.Demo;
using Stayline.Tests.Infrastructure;

namespace Stayline.BrowserTests;

/// <summary>What a new user met on the daily forms (the session 16 walk of issue 12): pasted A-numbers in the receipts
/// preview stay on one line at phone width, and a table is never glued to the button or card that follows it (the
/// import preview's rows and its Columns card, the person page's custody table and its undo button).</summary>
public class DailyFormsBrowserTests(Browser browser) : IClassFixture<Browser>
{
    /// <summary>The distance in CSS pixels from the bottom of the first element to the top of the second.</summary>
    private static Task<double> GapAsync(IPage page, string above, string below) => page.EvaluateAsync<double>(
        "([a, b]) => document.querySelector(b).getBoundingClientRect().top - document.querySelector(a).getBoundingClientRect().bottom",
        new[] { above, below });

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task ReceiptsPreviewImportPreviewAndCustody_ANumbersWholeAndNoTableGluedToWhatFollows(int width, int height)
    {
        await using var app = await TestApp.StartAsync();
        await new DemoGenerator(DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow).FillAsync(app.Services, 40, CancellationToken.None);
        var page = await browser.SignedInPageAsync(app.BaseAddress, "admin", new ViewportSize { Width = width, Height = height });

        // Receipts for several people: the preview repeats each pasted line; an A-number there is one line.
        await page.GotoAsync("/People");
        var numbers = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('table.people td.anumber')].slice(0, 3).map(td => td.textContent.trim())");
        Assert.Equal(3, numbers.Length);
        await page.GotoAsync("/Deadlines/Records");
        await page.Locator("#numbers").FillAsync(string.Join("\n", numbers));
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Record for all 3" })).ToBeVisibleAsync();
        var broken = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('main table td')].filter(td => /^A\\d{3}-\\d{3}-\\d{3}$/.test(td.textContent.trim()))"
            + ".filter(td => { const r = document.createRange(); r.selectNodeContents(td); return [...r.getClientRects()].filter(x => x.width > 0).length > 1; })"
            + ".map(td => td.textContent.trim())");
        Assert.True(broken.Length == 0, $"A-numbers broken over two lines at {width} px: {string.Join(", ", broken)}");

        // The import preview: the rows, then the Columns card with its heading at the card's top.
        var file = Path.Combine(Path.GetTempPath(), $"stayline-gap-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "Last Name,First Name,A-Number,Date of Birth\nKassab,Yousif,A212345678,1971-03-02\nToma,Rita,A212345679,1959-05-06\n");
        try
        {
            await page.GotoAsync("/Import");
            await page.Locator("input[type=file]").SetInputFilesAsync(file);
            await page.Locator("form[enctype='multipart/form-data'] button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/Import/Progress**");
            await Assertions.Expect(page.GetByTestId("preview-rows")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        }
        finally
        {
            File.Delete(file);
        }

        var rowsToColumns = await GapAsync(page, "[data-testid=preview-rows]", "form.card:has(select[name=field])");
        Assert.True(rowsToColumns >= 8, $"the preview's rows and the Columns card are {rowsToColumns} px apart at {width} px");
        var headingInset = await page.EvaluateAsync<double>(
            "(() => { const f = document.querySelector('form.card:has(select[name=field])'); return f.querySelector('h2').getBoundingClientRect().top - f.getBoundingClientRect().top; })()");
        Assert.True(headingInset <= 20, $"the Columns heading starts {headingInset} px below its card's top at {width} px (the card's padding is 16)");

        // A person with custody: the undo button sits below the custody table, not against it.
        await page.GotoAsync("/People?Status=Detained");
        await page.Locator("table.people tbody a[href^='/People/Details']").First.ClickAsync();
        var tableToUndo = await GapAsync(page, "section[aria-labelledby=custody] .table-wrap", "section[aria-labelledby=custody] .table-wrap + form");
        Assert.True(tableToUndo >= 8, $"the custody table and its undo button are {tableToUndo} px apart at {width} px");
    }

    /// <summary>Issue 12, item 6 ("tables become cards"): at 390 px the daily lists (Protection, whose "Why" column was one
    /// word per line and cut at the edge; Hearings; records requests; the habeas queue) and a person's records requests,
    /// matters, hearings and relief claims are cards, so no table hides a column behind its own sideways scroll (the page
    /// itself never scrolled sideways, which is all the every-page test can see).</summary>
    [Fact]
    public async Task DailyLists_OnAPhone_NoTableScrollsSidewaysInsideItself()
    {
        await using var app = await TestApp.StartAsync();
        await new DemoGenerator(DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow).FillAsync(app.Services, 60, CancellationToken.None);
        var page = await browser.SignedInPageAsync(app.BaseAddress, "admin", new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync("/Records");
        var person = await page.Locator("main table a[href^='/People/Details']").First.GetAttributeAsync("href");
        var personId = person!.Split('=', '#')[1];
        await page.GotoAsync($"/Hearings/Edit?personId={personId}");
        await page.Locator("#Input_On").FillAsync(DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#Input_Court").FillAsync("Detroit Immigration Court");
        await page.Locator("#Input_Judge").FillAsync("Judge Example");
        await page.Locator("form.card button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/People/Details?id=*");

        var problems = new List<string>();
        foreach (var url in new[] { "/Protection", "/Hearings", "/Records", "/Habeas/Queue", $"/People/Details?id={personId}" })
        {
            await page.GotoAsync(url);
            Assert.True(await page.Locator("main .table-wrap").CountAsync() > 0, $"{url} shows no table");
            problems.AddRange((await page.EvaluateAsync<string[]>(
                "[...document.querySelectorAll('main .table-wrap')].filter(w => w.scrollWidth > w.clientWidth + 1)"
                + ".map(w => [...w.querySelectorAll('th')].map(t => t.textContent.trim()).join('|') + ' by ' + (w.scrollWidth - w.clientWidth) + ' px')"))
                .Select(t => $"{url}: {t}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>On a phone the duplicates queue is a list of cards: the pair's Compare link is on screen, not behind the
    /// table's own sideways scroll (it was cut to "Co" at 390 px), and the evidence is not one word per line.</summary>
    [Fact]
    public async Task DuplicatesQueue_OnAPhone_EachPairIsACardWithItsCompareLinkInView()
    {
        await using var app = await TestApp.StartAsync();
        var page = await browser.SignedInPageAsync(app.BaseAddress, "admin", new ViewportSize { Width = 390, Height = 844 });
        foreach (var (given, family) in new[] { ("Hussein", "Al-Musawi"), ("Husein", "Al Musawi") })
        {
            await page.GotoAsync("/People/Edit");
            await page.Locator("#Input_GivenName").FillAsync(given);
            await page.Locator("#Input_FamilyName").FillAsync(family);
            await page.Locator("#Input_BirthDate").FillAsync("1954-04-27");
            await page.Locator("main form button[type=submit]").First.ClickAsync();
            if (given == "Husein")
            {
                // The second spelling is a likely match of the first: the form names him and saves only on "add anyway".
                await Assertions.Expect(page.Locator("[data-testid=likely-matches]")).ToContainTextAsync("Hussein Al-Musawi");
                await page.Locator("button[name=AddAnyway]").ClickAsync();
            }

            await page.WaitForURLAsync("**/People/Details?id=*");
        }

        await page.GotoAsync("/Review");
        var compare = page.Locator("a[href^='/Review/Pair']");
        await Assertions.Expect(compare).ToHaveCountAsync(1);
        var right = await compare.EvaluateAsync<double>("a => a.getBoundingClientRect().right");
        Assert.True(right <= 390, $"the Compare link ends at {right} px on a 390 px screen");
        var evidence = page.Locator("section[aria-labelledby=pairs-title] td").Filter(new() { HasText = "birth date" });
        var evidenceWidth = await evidence.EvaluateAsync<double>("td => td.getBoundingClientRect().width");
        Assert.True(evidenceWidth >= 300, $"the evidence cell is {evidenceWidth} px wide on a 390 px screen");
    }
}
