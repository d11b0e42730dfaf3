using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Stayline.Data;

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
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<StaylineDbContext>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/Denied";
            o.Cookie.Name = "stayline";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
        });

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
    public static string NewToken() => "stl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IMemoryCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    // A revoked token or a changed role takes effect within this time; scripts hitting the API
    // thousands of times a second should not cost three queries per request.
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private const string CachePrefix = "token:";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiTokens.Hash(header["Bearer ".Length..].Trim());
        if (cache.TryGetValue(CachePrefix + hash, out ClaimsPrincipal? cached) && cached is not null)
        {
            return AuthenticateResult.Success(new AuthenticationTicket(cached, Scheme.Name));
        }

        // Only a token not seen lately costs a DbContext and Identity's user manager (both scoped, both
        // expensive to create): the cached path above is what a busy script hits.
        var db = Context.RequestServices.GetRequiredService<StaylineDbContext>();
        var principals = Context.RequestServices.GetRequiredService<IUserClaimsPrincipalFactory<StaylineUser>>();
        var user = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => u)
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (user is null || (user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow))
        {
            return AuthenticateResult.Fail("Invalid or revoked token.");
        }

        var principal = await principals.CreateAsync(user);
        cache.Set(CachePrefix + hash, principal, CacheFor);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}
