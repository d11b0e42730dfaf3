using Microsoft.Playwright;

namespace Stayline.BrowserTests;

/// <summary>Debian's Chromium driven by Playwright (no browser download), one per test class.</summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = null!;

    public static string ScreenshotFolder
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (scripts/test does it when run as root).");
        }

        _playwright = await Playwright.CreateAsync();
        Instance = await LaunchAsync(_playwright);
    }

    /// <summary>Debian's Chromium, headless, with nothing that reaches outside the machine.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    });

    /// <summary>A new page, signed in through the login form as ROLE@test.stayline.</summary>
    public async Task<IPage> SignedInPageAsync(Uri baseAddress, string role, ViewportSize? viewport = null)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await SignInAsync(page, baseAddress, role);
        return page;
    }

    /// <summary>Signs in through the login form. The wait is long because CI runs the three test assemblies at once on
    /// two cores (a first sign-in there was seen to pass 30 s); if it still fails, the page's own message is reported.</summary>
    public static async Task SignInAsync(IPage page, Uri baseAddress, string role)
    {
        await page.GotoAsync(new Uri(baseAddress, "/Account/Login").ToString());
        await page.GetByLabel("Email").FillAsync(Tests.Infrastructure.TestApp.Email(role));
        await page.GetByLabel("Password").FillAsync(Tests.Infrastructure.TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal), new() { Timeout = 120_000 });
        }
        catch (TimeoutException)
        {
            var text = await page.Locator("main, body").First.InnerTextAsync();
            throw new InvalidOperationException($"Sign-in as {role} did not leave {page.Url} within 120 s. The page said: {text}");
        }
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null)
        {
            await Instance.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
