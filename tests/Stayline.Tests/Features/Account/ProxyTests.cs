using System.Net;
using Microsoft.AspNetCore.Hosting;
using Stayline.Infrastructure;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Account;

/// <summary>Behind a TLS-terminating proxy: https as the proxy saw it, only when the proxy is trusted.</summary>
public class ProxyTests
{
    private const string PublicHost = "stayline.example.org";

    /// <summary>Signs in the way a browser behind the proxy would (cookies by hand: the client itself speaks plain http).</summary>
    private static async Task<(HttpResponseMessage Page, HttpResponseMessage SignIn)> SignInThroughProxyAsync(TestApp app, bool https)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        HttpRequestMessage Request(HttpMethod method)
        {
            var request = new HttpRequestMessage(method, "/Account/Login");
            request.Headers.Host = PublicHost;
            request.Headers.Add("X-Forwarded-For", "203.0.113.9");
            if (https)
            {
                request.Headers.Add("X-Forwarded-Proto", "https");
            }

            return request;
        }

        var page = await client.SendAsync(Request(HttpMethod.Get));
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        var post = Request(HttpMethod.Post);
        post.Headers.Add("Cookie", antiforgery);
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = TestApp.Email("attorney"),
            ["Input.Password"] = TestApp.Password,
            ["__RequestVerificationToken"] = TestApp.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
        });
        return (page, await client.SendAsync(post));
    }

    private static string SessionCookie(HttpResponseMessage signIn)
    {
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("stayline=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.5, 127.0.0.0/8")]
    public async Task TrustedProxy_Https_SecureCookiesAndHsts(string trusted)
    {
        await using var app = await TestApp.StartAsync(configure: b => b.Configuration[WebSetup.TrustedProxiesKey] = trusted);

        var (page, signIn) = await SignInThroughProxyAsync(app, https: true);

        Assert.Contains("max-age=31536000", page.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("secure", SessionCookie(signIn), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TrustedProxy_PlainHttp_CookiesWorkWithoutSecure()
    {
        await using var app = await TestApp.StartAsync(configure: b => b.Configuration[WebSetup.TrustedProxiesKey] = "127.0.0.1");

        var (page, signIn) = await SignInThroughProxyAsync(app, https: false);

        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("secure", SessionCookie(signIn), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UntrustedSender_ForwardedProtoIgnored()
    {
        await using var app = await TestApp.StartAsync(configure: b => b.Configuration[WebSetup.TrustedProxiesKey] = "10.0.0.5");

        var (page, signIn) = await SignInThroughProxyAsync(app, https: true);

        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("secure", SessionCookie(signIn), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TrustedProxy_BadEntry_ServerDoesNotStart()
    {
        await using var database = await TestDatabase.CreateAsync();
        var builder = StaylineApp.CreateBuilder(database.ConnectionString);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration[WebSetup.TrustedProxiesKey] = "10.0.0.5, proxy.internal";
        await using var app = StaylineApp.Build(builder);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains("\"proxy.internal\" is not an IP address or a CIDR range", error.Message);
    }
}
