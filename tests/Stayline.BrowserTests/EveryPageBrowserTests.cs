using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Stayline.Data;
using Stayline.Features.Demo;
using Stayline.Tests.Infrastructure;

namespace Stayline.BrowserTests;

/// <summary>
/// Every page of the navigation, the person page and a class page, as every role, at laptop and phone width: no page
/// scrolls sideways (nor, on a phone, a table inside its frame), no navigation link answers "Not allowed", and no enum code name ("NotProtected", "AFileReceived")
/// is shown as text. One browser, one context per role; the viewport is switched within the context.
/// </summary>
public class EveryPageBrowserTests(Browser browser) : IClassFixture<Browser>
{
    private static readonly (int Width, int Height)[] Sizes = [(1366, 900), (390, 844)];

    /// <summary>Code names of the domain's and data model's enums that are more than one word (a one-word member such as
    /// "Detained" is also its own label), and the property names seen on screen before (GivenName, ANumber).</summary>
    private static readonly Regex CodeName = new(
        @"\b(" + string.Join("|", new[] { typeof(Domain.People.Person).Assembly, typeof(StaylineDbContext).Assembly }
            .SelectMany(a => a.GetTypes()).Where(t => t.IsEnum).SelectMany(Enum.GetNames)
            .Concat(["GivenName", "FamilyName", "ANumber", "BirthDate", "CustodyStatus"])
            .Where(n => Regex.IsMatch(n, "^[A-Z][A-Za-z]*[a-z][A-Z]|^[A-Z]{2}[a-z]")).Distinct().Select(Regex.Escape)) + @")\b",
        RegexOptions.CultureInvariant);

    /// <summary>Pages whose screenshots are looked at before a release (the admin's view, both widths).</summary>
    private static readonly (string Prefix, string Name)[] Shots =
        [("/People/Details", "person"), ("/People", "people"), ("/Deadlines", "deadlines"), ("/Import", "import"), ("/Bulk/History", "bulk-history")];

    [Fact]
    public async Task EveryPage_EveryRole_LaptopAndPhone_NoSidewaysScrollNoDeniedLinkNoCodeNames()
    {
        await using var app = await TestApp.StartAsync();
        await new DemoGenerator(DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow).FillAsync(app.Services, 60, CancellationToken.None);
        long personId, classId;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            // The person with the most on file: events, custody, matters.
            personId = await db.People.OrderByDescending(p => db.PersonEvents.Count(e => e.PersonId == p.Id) + db.Matters.Count(m => m.PersonId == p.Id))
                .Select(p => p.Id).FirstAsync();
            classId = await db.ClassActions.Select(c => c.Id).FirstAsync();
        }

        var problems = new List<string>();
        foreach (var role in Roles.All)
        {
            var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = app.BaseAddress.ToString(),
                ViewportSize = new ViewportSize { Width = Sizes[0].Width, Height = Sizes[0].Height },
            });
            try
            {
                var page = await context.NewPageAsync();
                await Browser.SignInAsync(page, app.BaseAddress, role);
                var links = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('nav[aria-label=Main] a')].map(a => a.getAttribute('href'))");
                Assert.NotEmpty(links);
                var urls = links.Concat([
                    string.Create(CultureInfo.InvariantCulture, $"/People/Details?id={personId}"),
                    string.Create(CultureInfo.InvariantCulture, $"/Classes/Details?id={classId}"),
                ]).Concat(role is Roles.Viewer ? [] : ["/Bulk/History"])
                    .Concat(role is Roles.Admin or Roles.Attorney ? ["/Board/Profile"] : [])
                    .Concat(role is Roles.Admin ? [string.Create(CultureInfo.InvariantCulture, $"/Board/Post?personId={personId}")] : []).Distinct().ToList();
                foreach (var (width, height) in Sizes)
                {
                    await page.SetViewportSizeAsync(width, height);
                    foreach (var url in urls)
                    {
                        var response = await page.GotoAsync(url);
                        var where = $"{role} at {width} px on {url}";
                        var status = response?.Status ?? 0;
                        var title = await page.TitleAsync();
                        if (status >= 400 || page.Url.Contains("/Account/Denied", StringComparison.Ordinal) || title.StartsWith("Not allowed", StringComparison.Ordinal))
                        {
                            problems.Add($"{where}: answered {status} \"{title}\" ({page.Url})");
                            continue;
                        }

                        var overflow = await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth - window.innerWidth");
                        if (overflow > 0)
                        {
                            var widest = await page.EvaluateAsync<string>(
                                "(() => { const w = window.innerWidth; const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) { if (/auto|scroll|hidden/.test(getComputedStyle(p).overflowX)) return true; } return false; };"
                                + " const e = [...document.body.querySelectorAll('*')].find(e => e.getBoundingClientRect().right > w + 1 && !scrolls(e) && e.children.length === 0 || e.getBoundingClientRect().right > w + 1 && !scrolls(e) && getComputedStyle(e).display !== 'block');"
                                + " return e ? e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '') + ': ' + (e.textContent || '').trim().slice(0, 60) : ''; })()");
                            problems.Add($"{where}: scrolls sideways by {overflow} px (e.g. {widest})");
                        }

                        // On a phone a table is a list of cards (issue 12 item 6): one that only scrolls sideways inside
                        // its own frame passes the check above but hides its last columns behind a scroll.
                        if (width < 640)
                        {
                            foreach (var wide in await page.EvaluateAsync<string[]>(
                                "[...document.querySelectorAll('main .table-wrap')].filter(w => w.scrollWidth > w.clientWidth + 1)"
                                + ".map(w => [...w.querySelectorAll('th')].slice(0, 3).map(t => t.textContent.trim()).join('|') + ' by ' + (w.scrollWidth - w.clientWidth) + ' px')"))
                            {
                                problems.Add($"{where}: a table scrolls sideways inside itself ({wide})");
                            }
                        }

                        // Code shown as code (the API page's field names, a merge field) is meant to be read as code.
                        var text = await page.EvaluateAsync<string>(
                            "(() => { const b = document.body.cloneNode(true); b.querySelectorAll('code, pre, script, style').forEach(e => e.remove()); return b.textContent; })()");
                        foreach (var m in CodeName.Matches(text).Select(m => m.Value).Distinct())
                        {
                            problems.Add($"{where}: shows the code name \"{m}\"");
                        }

                        if (role == Roles.Admin && Shots.FirstOrDefault(s => url.StartsWith(s.Prefix, StringComparison.Ordinal)) is { Name: { } shot })
                        {
                            // The first screen, as a person sees it on arrival (a whole phone page is too tall to look at).
                            await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, $"{shot}-{width}.png") });
                            if (shot == "person")
                            {
                                await page.Locator("section[aria-labelledby=events]").ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, $"person-events-{width}.png") });
                                await page.Locator("section[aria-labelledby=custody]").ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, $"person-custody-{width}.png") });
                            }
                        }
                    }
                }
            }
            finally
            {
                await context.DisposeAsync();
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
