using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Stayline.Data;
using Stayline.Domain.Work;

namespace Stayline.Infrastructure;

public static class AuthRegistration
{
    public const string TokenScheme = "Token";
    private const string SmartScheme = "CookieOrToken";

    /// <summary>
    /// Sign-in with ASP.NET Core Identity (hashed passwords, lockout) for pages; personal access tokens
    /// (Authorization: Bearer) for scripts. The API answers 401/403 instead of redirecting to the login page.
    /// </summary>
    public static IHostApplicationBuilder AddStaylineAuth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<StaylineUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 5;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<StaylineDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaylineClaimsFactory>()
            .AddPasswordValidator<CommonPasswordValidator>();

        // Every cookie request checks the user's security stamp (one primary-key read) instead of Identity's
        // default of every 30 minutes: sign-out, a password change or reset, a role change and disabling all
        // change the stamp, so the user's other cookies (and a stolen copy) stop working at their next request.
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, SessionStampValidator>());

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/Denied";
            o.Cookie.Name = "stayline";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the request is https (directly, or through a trusted proxy): plain http on localhost still works.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        // The keys that sign cookies and antiforgery tokens live in the database, so every node on one PostgreSQL
        // accepts every other node's cookies. The application name, not the install path, decides who shares them.
        services.AddDataProtection()
            .SetApplicationName("Stayline")
            .PersistKeysToDbContext<StaylineDbContext>();
        // The keys are stored as they are, in the confidential database (docs/security.md, section 2): the warning the
        // key manager prints about it on every new key would only alarm whoever starts the server.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenScheme
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenScheme, null);

        services.AddAuthorization(o =>
        {
            foreach (var permission in Permissions.All)
            {
                o.AddPolicy(permission, p => p.RequireAuthenticatedUser().RequireRole(Permissions.RolesFor(permission)));
            }

            o.FallbackPolicy = o.GetPolicy(Permissions.Read);
        });

        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddSingleton<IAuditActorSource, HttpAuditActorSource>();
        services.AddTransient(sp => sp.GetRequiredService<IAuditActorSource>().Current);
        services.AddSingleton<IVisibilitySource, HttpVisibilitySource>();
        return builder;
    }

    private static Task ApiOrRedirect(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>The signed-in user of the current request, read when asked.</summary>
internal sealed class HttpAuditActorSource(IHttpContextAccessor http) : IAuditActorSource
{
    public AuditActor Current => ActorOf(http.HttpContext?.User);

    public static AuditActor ActorOf(ClaimsPrincipal? user) => user is { Identity.IsAuthenticated: true }
        ? new AuditActor(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity!.Name ?? "unknown")
        : AuditActor.System;
}

/// <summary>Personal access tokens: "stl_" + 32 random bytes; only the SHA-256 of the token is stored.</summary>
public static class ApiTokens
{
    /// <summary>How long a node may keep answering for a token after it was revoked, or its user's role changed or
    /// the user was disabled, on another node (the node that made the change forgets its copy at once).</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    internal const string CachePrefix = "token:";

    public static string NewToken() => "stl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Revokes the tokens the query selects; returns them. The cache, when given, forgets them at once.</summary>
    public static async Task<IReadOnlyList<ApiToken>> RevokeAsync(StaylineDbContext db, IQueryable<ApiToken> which, DateTimeOffset now,
        AuditActor actor, IMemoryCache? cache, CancellationToken ct)
    {
        var tokens = await which.Where(t => t.RevokedAt == null).ToListAsync(ct);
        foreach (var token in tokens)
        {
            token.RevokedAt = now;
            cache?.Remove(CachePrefix + token.TokenHash);
            db.AuditEvents.Add(new AuditEvent(now, actor.UserId, actor.UserName, "revoke", nameof(ApiToken), token.Id.ToString(CultureInfo.InvariantCulture),
                null, null, JsonSerializer.Serialize(new { token.UserId, token.Name })));
        }

        await db.SaveChangesAsync(ct);
        return tokens;
    }

    /// <summary>This node forgets the user's cached tokens, so a role change or disabling applies to them at once here.</summary>
    public static async Task ForgetUserAsync(StaylineDbContext db, IMemoryCache cache, string userId, CancellationToken ct)
    {
        foreach (var hash in await db.ApiTokens.Where(t => t.UserId == userId).Select(t => t.TokenHash).ToListAsync(ct))
        {
            cache.Remove(CachePrefix + hash);
        }
    }
}

/// <summary>The cookie's security stamp must still be the user's, and the user must not be disabled: checked on every request.</summary>
internal sealed class SessionStampValidator(StaylineDbContext db, IOptions<IdentityOptions> identity) : ISecurityStampValidator
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var claims = identity.Value.ClaimsIdentity;
        var id = context.Principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        var current = id is null
            ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.SecurityStamp, u.Disabled }).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (current is null || current.Disabled || stamp is null || !string.Equals(current.SecurityStamp, stamp, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}

internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IMemoryCache cache,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    // Scripts hitting the API thousands of times a second should not cost three queries per request; a revoked
    // token, a changed role or a disabled user therefore takes up to ApiTokens.CacheFor on nodes that did not make the change.
    private sealed record Cached(ClaimsPrincipal Principal, DateTimeOffset Until);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiTokens.Hash(header["Bearer ".Length..].Trim());
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(ApiTokens.CachePrefix + hash, out Cached? cached) && cached is not null && cached.Until > now)
        {
            return AuthenticateResult.Success(new AuthenticationTicket(cached.Principal, Scheme.Name));
        }

        // Only a token not seen lately costs a DbContext and Identity's user manager (both scoped, both
        // expensive to create): the cached path above is what a busy script hits.
        var db = Context.RequestServices.GetRequiredService<StaylineDbContext>();
        var principals = Context.RequestServices.GetRequiredService<IUserClaimsPrincipalFactory<StaylineUser>>();
        var user = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => u)
            .FirstOrDefaultAsync(Context.RequestAborted);
        // Only an admin's "disabled" stops a token. Identity's lockout after failed password attempts does not:
        // anyone who knows an email can cause that, and it must not cut off the user's scripts.
        if (user is null || user.Disabled)
        {
            return AuthenticateResult.Fail("Invalid or revoked token.");
        }

        var principal = await principals.CreateAsync(user);
        // The clock decides expiry (not the cache's own timer), so tests can move time.
        cache.Set(ApiTokens.CachePrefix + hash, new Cached(principal, now + ApiTokens.CacheFor), ApiTokens.CacheFor);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}
