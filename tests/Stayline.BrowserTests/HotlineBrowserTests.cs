using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Stayline.Data;
using Stayline.Features.Demo;
using Stayline.Tests.Infrastructure;

namespace Stayline.BrowserTests;

/// <summary>The family hotline on a phone in Arabic (right to left) and Spanish, and a staff page in Arabic.</summary>
public class HotlineBrowserTests(Browser browser) : IClassFixture<Browser>
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private static async Task<int> OverflowAsync(IPage page) => await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth - window.innerWidth");

    [Fact]
    public async Task Hotline_ArabicOnAPhone_RightToLeftNoSidewaysScrollAndTheReportIsStored()
    {
        await using var app = await TestApp.StartAsync();
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), ViewportSize = Phone });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/hotline?lang=ar");

        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("ar", await page.GetAttributeAsync("html", "lang"));
        var overflow = await OverflowAsync(page);
        Assert.True(overflow <= 0, $"the Arabic form scrolls sideways by {overflow} px");
        // Mirrored: the label's text starts at the field's right end, not its left.
        var text = await page.EvaluateAsync<double[]>(
            "(() => { const r = document.createRange(); r.selectNodeContents(document.querySelector('label[for=detaineeName]')); const b = r.getBoundingClientRect(); return [b.left, b.right]; })()");
        var input = (await page.Locator("#detaineeName").BoundingBoxAsync())!;
        Assert.True(Math.Abs(text[1] - (input.X + input.Width)) < 2, $"label text ends at {text[1]}, the field at {input.X + input.Width}");
        Assert.True(text[0] > input.X + 10, $"label text starts at {text[0]}, as far left as the field ({input.X})");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "hotline-ar-390.png"), FullPage = true });

        await page.GetByLabel("اسم الشخص المحتجز").FillAsync("يوسف كساب");
        await page.GetByLabel("رقم الأجنبي (A-Number)").FillAsync("A012-345-678");
        await page.GetByLabel("مكان الاحتجاز").FillAsync("Calhoun County Correctional Center");
        await page.GetByLabel("اسمك").FillAsync("مريم كساب");
        await page.GetByLabel("رقم هاتفك").FillAsync("+1 313 555 0142");
        await page.GetByLabel("أي شيء آخر يجب أن نعرفه").FillAsync("قُبض عليه يوم الأحد في البيت.");
        await page.GetByRole(AriaRole.Button, new() { Name = "إرسال" }).ClickAsync();
        await page.WaitForURLAsync("**/Hotline/Thanks?lang=ar");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("شكراً لك");
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "hotline-ar-thanks-390.png") });
        await using var scope = app.Scope();
        var report = await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().HotlineReports.SingleAsync();
        Assert.Equal(("يوسف كساب", "012345678", "ar"), (report.DetaineeName, report.ANumber, report.Language));
    }

    [Fact]
    public async Task Hotline_SpanishBrowserOnAPhone_ErrorsInSpanishThenTheReportIsStored()
    {
        await using var app = await TestApp.StartAsync();
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), ViewportSize = Phone, Locale = "es-MX" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/hotline");
        Assert.Equal("es", await page.GetAttributeAsync("html", "lang"));
        await page.GetByLabel("Número A (A-Number)").FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar" }).ClickAsync();

        await Assertions.Expect(page.Locator("#aNumber-error")).ToContainTextAsync("la letra A y 8 o 9 dígitos");
        await Assertions.Expect(page.Locator("#detaineeName-error")).ToHaveTextAsync("Este campo es obligatorio.");
        var overflow = await OverflowAsync(page);
        Assert.True(overflow <= 0, $"the Spanish form with errors scrolls sideways by {overflow} px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "hotline-es-errors-390.png"), FullPage = true });

        await page.GetByLabel("Nombre de la persona detenida").FillAsync("José Ramírez Ortega");
        await page.GetByLabel("Número A (A-Number)").FillAsync("A98765432");
        await page.GetByLabel("Su nombre").FillAsync("Lucía Ramírez");
        await page.GetByLabel("Su número de teléfono").FillAsync("(305) 555-0199");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar" }).ClickAsync();
        await page.WaitForURLAsync("**/Hotline/Thanks?lang=es");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Gracias");
        await using var scope = app.Scope();
        var report = await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().HotlineReports.SingleAsync();
        Assert.Equal(("José Ramírez Ortega", "098765432", "es"), (report.DetaineeName, report.ANumber, report.Language));
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task Dashboard_InArabic_RightToLeftWithoutSidewaysScroll(int width, int height)
    {
        await using var app = await TestApp.StartAsync();
        await new DemoGenerator(DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow).FillAsync(app.Services, 40, CancellationToken.None);
        var page = await browser.SignedInPageAsync(app.BaseAddress, "admin", new ViewportSize { Width = width, Height = height });

        await page.GotoAsync("/Dashboard");
        await page.GetByRole(AriaRole.Button, new() { Name = "العربية" }).ClickAsync();
        await page.WaitForURLAsync("**/Dashboard");

        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("لوحة المتابعة");
        await Assertions.Expect(page.Locator("nav[aria-label='القائمة الرئيسية'] a[href='/Intake']")).ToHaveTextAsync("طلبات الاستقبال");
        var overflow = await OverflowAsync(page);
        Assert.True(overflow <= 0, $"the Arabic dashboard scrolls sideways by {overflow} px at {width} px");
        // Names keep their own direction inside the right-to-left page.
        Assert.True(await page.Locator(".first-list a[dir=auto]").CountAsync() > 0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, $"dashboard-ar-{width}.png"), FullPage = width > 400 });
    }

    [Fact]
    public async Task Intake_InArabic_StaffAcceptAReportAsANewPerson()
    {
        await using var app = await TestApp.StartAsync();
        var family = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        await TestApp.PostFormAsync(family, "/hotline?lang=ar", "/hotline?lang=ar", new Dictionary<string, string>
        {
            ["detaineeName"] = "Wadih Zozo",
            ["aNumber"] = "A098765432",
            ["callerName"] = "رنا زوزو",
            ["callerPhone"] = "+1 586 555 0110",
            ["facility"] = "St. Clair County Jail",
            ["notes"] = "نُقل أمس من ديترويت.",
        });
        var page = await browser.SignedInPageAsync(app.BaseAddress, "intake", Phone);
        await page.GotoAsync("/Intake");
        await page.GetByRole(AriaRole.Button, new() { Name = "العربية" }).ClickAsync();
        await page.WaitForURLAsync("**/Intake");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("طلبات الاستقبال");
        var overflow = await OverflowAsync(page);
        Assert.True(overflow <= 0, $"the Arabic intake queue scrolls sideways by {overflow} px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "intake-ar-390.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "القبول كشخص جديد" }).ClickAsync();
        // Accepting creates the person and works out their protection and duplicates in one request: on a loaded CI
        // machine the first such request of a fresh process has taken over 30 s (a wait, not a timing assertion).
        await page.WaitForURLAsync("**/People/Details?id=*", new() { Timeout = 120_000 });

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        Assert.Equal("098765432", (await db.People.SingleAsync()).ANumber);
        Assert.Equal(Domain.Hotline.HotlineReportStatus.Accepted, (await db.HotlineReports.SingleAsync()).Status);
    }
}
