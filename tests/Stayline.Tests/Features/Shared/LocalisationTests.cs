using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Shared;

/// <summary>The staff pages in Arabic and Spanish: the language switch, its memory per user, and what stays invariant.</summary>
public class LocalisationTests
{
    [Fact]
    public async Task LanguageSwitch_SignedIn_IsStoredOnTheUserAndFollowsThemToANewBrowser()
    {
        await using var app = await TestApp.StartAsync();
        var first = await app.SignedInAsync("attorney");

        var switched = await TestApp.PostFormAsync(first, "/Dashboard", "/Account/Language", new Dictionary<string, string>
        {
            ["lang"] = "ar",
            ["returnUrl"] = "/Dashboard",
        });
        var arabic = await first.GetStringAsync("/Dashboard");
        var elsewhere = await (await app.SignedInAsync("attorney")).GetStringAsync("/Dashboard");
        var someoneElse = await (await app.SignedInAsync("viewer")).GetStringAsync("/Dashboard");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Dashboard", switched.Headers.Location!.OriginalString);
        await using (var scope = app.Scope())
        {
            Assert.Equal("ar", await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().Users
                .Where(u => u.Email == TestApp.Email("attorney")).Select(u => u.UiLanguage).SingleAsync());
        }

        foreach (var html in new[] { arabic, elsewhere })
        {
            Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
            Assert.Contains(">لوحة المتابعة<", html, StringComparison.Ordinal);
            Assert.Contains("محتجزون بلا محامٍ (0)", html, StringComparison.Ordinal);
        }

        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", someoneElse, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSwitch_SignedOut_UsesACookieAndTranslatesTheSignInPage()
    {
        await using var app = await TestApp.StartAsync();
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

        await TestApp.PostFormAsync(browser, "/Account/Login", "/Account/Language", new Dictionary<string, string> { ["lang"] = "es", ["returnUrl"] = "/Account/Login" });
        var login = await browser.GetStringAsync("/Account/Login");
        var refused = await TestApp.PostFormAsync(browser, "/Account/Login", "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "nobody@test.stayline",
            ["Input.Password"] = "wrong-password-here",
        });

        Assert.Contains("<html lang=\"es\" dir=\"ltr\">", login, StringComparison.Ordinal);
        Assert.Contains(">Iniciar sesión<", login, StringComparison.Ordinal);
        Assert.Contains("Correo o contraseña incorrectos", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
