using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Account;

/// <summary>Browser-like clients whose cookies the test can copy between nodes, like a stolen or load-balanced cookie.</summary>
internal static class AuthClients
{
    /// <summary>Signs in through the form and returns the "stayline" cookie's value.</summary>
    public static async Task<string> SignInCookieAsync(TestApp app, string role, string password = TestApp.Password)
    {
        var jar = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var login = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = TestApp.Email(role),
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = TestApp.AntiforgeryToken(login),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return jar.GetCookies(app.BaseAddress)["stayline"]!.Value;
    }

    /// <summary>Posts the login form; a redirect means signed in, a 200 is the form again with its message.</summary>
    public static async Task<(HttpStatusCode Status, string Html)> TryLoginAsync(TestApp app, string email, string password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var login = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = TestApp.AntiforgeryToken(login),
        }));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A client that sends exactly this sign-in cookie (and keeps the antiforgery cookies it is given).</summary>
    public static HttpClient WithCookie(TestApp app, string cookie)
    {
        var jar = new CookieContainer();
        jar.Add(app.BaseAddress, new Cookie("stayline", cookie));
        return new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
    }

    /// <summary>True when the cookie still opens a page; false when the app sends the client to the login page.</summary>
    public static async Task<bool> WorksAsync(TestApp app, string cookie)
    {
        var response = await WithCookie(app, cookie).GetAsync("/People");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return true;
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
        return false;
    }

    public static async Task<string> UserIdAsync(TestApp app, string role)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var email = TestApp.Email(role);
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>The admin saves the user's row on the Team page with these changes.</summary>
    public static async Task<HttpResponseMessage> AdminEditsAsync(TestApp app, HttpClient admin, string role, string newRole, bool disabled = false, string? newPassword = null)
    {
        var url = $"/Users/Edit?id={await UserIdAsync(app, role)}";
        var fields = new Dictionary<string, string> { ["Input.DisplayName"] = $"Test {role}", ["Input.Role"] = newRole };
        if (disabled)
        {
            fields["Input.Disabled"] = "true";
        }

        if (newPassword is not null)
        {
            fields["Input.NewPassword"] = newPassword;
        }

        return await TestApp.PostFormAsync(admin, url, url, fields);
    }
}
