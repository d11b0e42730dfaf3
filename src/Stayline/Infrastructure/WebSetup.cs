namespace Stayline.Infrastructure;

public static class WebSetup
{
    /// <summary>Razor Pages live beside their feature: Features/People/Index.cshtml serves /People.</summary>
    public static IHostApplicationBuilder AddStaylinePages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/Denied");
        });
        return builder;
    }

    public static IHostApplicationBuilder AddReadAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReadAuditLog>();
        builder.Services.AddHostedService<ReadAuditWriter>();
        return builder;
    }

    /// <summary>Confidential data: no third-party content, no framing, no referrer leaks, no caching of pages.</summary>
    public static IApplicationBuilder UseStaylineSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
            h["X-Content-Type-Options"] = "nosniff";
            h["Referrer-Policy"] = "no-referrer";
            h["X-Frame-Options"] = "DENY";
            if (!ctx.Request.Path.StartsWithSegments("/css") && !ctx.Request.Path.StartsWithSegments("/js"))
            {
                h.CacheControl = "no-store";
            }

            await next();
        });
}
