using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Tests.Infrastructure;
using static Stayline.Tests.Features.Account.AuthClients;

namespace Stayline.Tests.Features.Account;

/// <summary>Two web nodes on one database: a cookie from one works on the other, and whatever ends a session on one ends it on both at once.</summary>
public class SessionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cookie_IssuedOnNodeA_WorksOnNodeB_KeysInDatabase(string provider)
    {
        await using var a = await TestApp.StartAsync(provider);
        await using var b = await TestApp.StartSecondNodeAsync(a);

        var cookie = await SignInCookieAsync(a, "attorney");

        Assert.True(await WorksAsync(b, cookie));
        await using var scope = a.Scope();
        var keys = await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().DataProtectionKeys.ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains("<key ", k.Xml, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignOut_OnNodeA_CapturedCookieFailsOnNodeB(string provider)
    {
        await using var a = await TestApp.StartAsync(provider);
        await using var b = await TestApp.StartSecondNodeAsync(a);
        var captured = await SignInCookieAsync(a, "attorney");
        var browser = WithCookie(a, captured);
        Assert.True(await WorksAsync(b, captured));

        var signedOut = await TestApp.PostFormAsync(browser, "/Account/Logout", "/Account/Logout", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.False(await WorksAsync(b, captured));
        Assert.False(await WorksAsync(a, captured));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RoleChange_OnNodeA_EndsSessionOnNodeB_OtherEditsDoNot(string provider)
    {
        await using var a = await TestApp.StartAsync(provider);
        await using var b = await TestApp.StartSecondNodeAsync(a);
        var admin = await a.SignedInAsync("admin");
        var attorney = await SignInCookieAsync(a, "attorney");
        var intake = await SignInCookieAsync(a, "intake");

        Assert.Equal(HttpStatusCode.Redirect, (await AdminEditsAsync(a, admin, "intake", "intake")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AdminEditsAsync(a, admin, "attorney", "viewer")).StatusCode);

        Assert.False(await WorksAsync(b, attorney));
        Assert.True(await WorksAsync(b, intake));
    }

    [Fact]
    public async Task Disable_EndsSessionsAndStopsTokens_AtOnce()
    {
        await using var app = await TestApp.StartAsync();
        var admin = await app.SignedInAsync("admin");
        var viewer = await SignInCookieAsync(app, "viewer");
        Assert.Equal(HttpStatusCode.OK, (await app.Api("viewer").GetAsync("/api/v1/people")).StatusCode); // now cached

        await AdminEditsAsync(app, admin, "viewer", "viewer", disabled: true);

        Assert.False(await WorksAsync(app, viewer));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api("viewer").GetAsync("/api/v1/people")).StatusCode);
        Assert.Contains("Disabled", await admin.GetStringAsync("/Users"));
        var (status, html) = await TryLoginAsync(app, TestApp.Email("viewer"), TestApp.Password);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Stayline.Features.Account.LoginModel.Failed), html);
    }
}
