using System.Net;
using Stayline.Data;
using Stayline.Features.Account;
using Stayline.Infrastructure;
using Stayline.Tests.Infrastructure;
using static Stayline.Tests.Features.Account.AuthClients;

namespace Stayline.Tests.Features.Account;

public class PasswordTests
{
    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234!")]
    [InlineData("123456789012")]
    [InlineData("qwertyuiop12")]
    [InlineData("iloveyou2025")]
    [InlineData("Stayline2026!")]
    [InlineData("staylinestayline")]
    [InlineData("someone@example.org1")]
    [InlineData("someone123456")]
    public void IsCommon_ListedPaddedOrContextual_True(string password) =>
        Assert.True(CommonPasswordValidator.IsCommon(password, "someone@example.org"));

    [Theory]
    [InlineData("correct-horse-battery")]
    [InlineData("demo-attorney-stayline")]
    [InlineData("tulip river 1987 lantern")]
    public void IsCommon_Passphrase_False(string password) =>
        Assert.False(CommonPasswordValidator.IsCommon(password, "attorney@demo.stayline.test"));

    [Fact]
    public async Task UserAdd_CommonOrShortPassword_RefusedWithReason()
    {
        await using var app = await TestApp.StartAsync();

        var common = await UserCommands.CreateUserAsync(app.Services, "new@test.stayline", null, Roles.Attorney, "password1234");
        var repeated = await UserCommands.CreateUserAsync(app.Services, "new@test.stayline", null, Roles.Attorney, "abababababab");
        var shortOne = await UserCommands.CreateUserAsync(app.Services, "new@test.stayline", null, Roles.Attorney, "tulip-river");
        var fine = await UserCommands.CreateUserAsync(app.Services, "new@test.stayline", null, Roles.Attorney, "tulip river lantern");

        Assert.Contains("too easy to guess", common);
        Assert.Contains("different characters", repeated);
        Assert.Contains("at least 12 characters", shortOne);
        Assert.Null(fine);
    }

    [Fact]
    public async Task ChangePassword_EndsOtherSessions_KeepsThisOne_RefusesCommon()
    {
        await using var app = await TestApp.StartAsync();
        var other = await SignInCookieAsync(app, "viewer");
        var here = await app.SignedInAsync("viewer");

        var weak = await TestApp.PostFormAsync(here, "/Account/Password", "/Account/Password", new Dictionary<string, string>
        {
            ["Input.Current"] = TestApp.Password,
            ["Input.New"] = "password1234",
            ["Input.Confirm"] = "password1234",
        });
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("too easy to guess", await weak.Content.ReadAsStringAsync());
        Assert.True(await WorksAsync(app, other));

        var changed = await TestApp.PostFormAsync(here, "/Account/Password", "/Account/Password", new Dictionary<string, string>
        {
            ["Input.Current"] = TestApp.Password,
            ["Input.New"] = "tulip river lantern",
            ["Input.Confirm"] = "tulip river lantern",
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.False(await WorksAsync(app, other));
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/People")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TryLoginAsync(app, TestApp.Email("viewer"), "tulip river lantern")).Status);
        Assert.Equal(HttpStatusCode.OK, (await TryLoginAsync(app, TestApp.Email("viewer"), TestApp.Password)).Status);
    }

    [Fact]
    public async Task AdminReset_RefusesCommon_StrongOneEndsTheUsersSessions()
    {
        await using var app = await TestApp.StartAsync();
        var admin = await app.SignedInAsync("admin");
        var session = await SignInCookieAsync(app, "attorney");

        var weak = await AdminEditsAsync(app, admin, "attorney", "attorney", newPassword: "qwertyuiop12");
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("too easy to guess", await weak.Content.ReadAsStringAsync());
        Assert.True(await WorksAsync(app, session));

        var reset = await AdminEditsAsync(app, admin, "attorney", "attorney", newPassword: "tulip river lantern");

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.False(await WorksAsync(app, session));
        Assert.Equal(HttpStatusCode.Redirect, (await TryLoginAsync(app, TestApp.Email("attorney"), "tulip river lantern")).Status);
    }
}
