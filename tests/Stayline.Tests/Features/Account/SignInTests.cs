using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Features.Account;
using Stayline.Tests.Infrastructure;
using static Stayline.Tests.Features.Account.AuthClients;

namespace Stayline.Tests.Features.Account;

public class SignInTests
{
    private static readonly string FailedHtml = WebUtility.HtmlEncode(LoginModel.Failed);

    /// <summary>Counts password-hash checks: each costs ~100 ms, so an answer without one would betray the email.</summary>
    private sealed class CountingHasher : IPasswordHasher<StaylineUser>
    {
        private readonly PasswordHasher<StaylineUser> _inner = new();
        public int Verifications;

        public string HashPassword(StaylineUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaylineUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_PausesSignInButNotTokensOrSessions()
    {
        await using var app = await TestApp.StartAsync();
        var session = await SignInCookieAsync(app, "attorney");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await TryLoginAsync(app, TestApp.Email("attorney"), "not-the-password-" + i)).Status);
        }

        var (status, html) = await TryLoginAsync(app, TestApp.Email("attorney"), TestApp.Password);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(FailedHtml, html);
        Assert.Equal(HttpStatusCode.OK, (await app.Api("attorney").GetAsync("/api/v1/people")).StatusCode);
        Assert.True(await WorksAsync(app, session));
    }

    [Fact]
    public async Task Login_UnknownWrongPausedDisabled_SameMessageAndOneHashEach()
    {
        var hasher = new CountingHasher();
        await using var app = await TestApp.StartAsync(configure: b => b.Services.AddSingleton<IPasswordHasher<StaylineUser>>(hasher));
        var admin = await app.SignedInAsync("admin");
        await AdminEditsAsync(app, admin, "viewer", "viewer", disabled: true);
        for (var i = 0; i < 5; i++)
        {
            await TryLoginAsync(app, TestApp.Email("intake"), "wrong-password-" + i);
        }

        var attempts = new (string Email, string Password)[]
        {
            ("nobody@test.stayline", TestApp.Password),
            (TestApp.Email("attorney"), "wrong-password-x"),
            (TestApp.Email("intake"), TestApp.Password),
            (TestApp.Email("viewer"), TestApp.Password),
        };
        foreach (var (email, password) in attempts)
        {
            var before = hasher.Verifications;
            var (status, html) = await TryLoginAsync(app, email, password);

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains(FailedHtml, html);
            Assert.DoesNotContain("locked", html, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(1, hasher.Verifications - before);
        }

        await using var scope = app.Scope();
        var refusals = await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().AuditEvents
            .Where(e => e.Action == "sign-in-failed").Select(e => e.After!).ToListAsync();
        Assert.Equal(9, refusals.Count);
        Assert.Contains(refusals, r => r.Contains("\"refusal\":\"unknown email\"", StringComparison.Ordinal) && r.Contains("\"email\":null", StringComparison.Ordinal));
        Assert.Contains(refusals, r => r.Contains("\"refusal\":\"paused\"", StringComparison.Ordinal));
        Assert.Contains(refusals, r => r.Contains("\"refusal\":\"disabled\"", StringComparison.Ordinal));
    }
}
