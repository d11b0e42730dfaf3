using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Stayline.Data;

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
            o.Conventions.AllowAnonymousToPage("/Account/Language");
            o.Conventions.AllowAnonymousToPage("/Hotline/Index");
            o.Conventions.AllowAnonymousToPage("/Hotline/Thanks");
        }).AddDataAnnotationsLocalization(o =>
            // Validation messages are looked up by their English text; one without a translation stays English.
            o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Resources.Strings)));
        return builder;
    }

    public const string TrustedProxiesKey = "Stayline:Proxy:Trusted";

    /// <summary>
    /// Behind a TLS-terminating proxy, X-Forwarded-For and X-Forwarded-Proto are believed only from the addresses in
    /// Stayline:Proxy:Trusted (IPs or CIDR ranges, separated by commas or spaces, or as a list): anyone else could claim
    /// https or another client address. Nothing is trusted by default, not even this machine.
    /// </summary>
    public static IHostApplicationBuilder AddTrustedProxy(this IHostApplicationBuilder builder)
    {
        // Read when the pipeline is built (at start), so a bad entry stops the server before it serves anything.
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            var section = configuration.GetSection(TrustedProxiesKey);
            var entries = (section.Value is { } one ? [one] : section.GetChildren().Select(c => c.Value ?? ""))
                .SelectMany(v => v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToList();
            o.ForwardedHeaders = entries.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var entry in entries)
            {
                if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
                {
                    o.KnownIPNetworks.Add(network);
                }
                else if (IPAddress.TryParse(entry, out var address))
                {
                    o.KnownProxies.Add(address);
                }
                else
                {
                    throw new InvalidOperationException(
                        $"Stayline__Proxy__Trusted: \"{entry}\" is not an IP address or a CIDR range (examples: 127.0.0.1, 10.0.0.0/24).");
                }
            }
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>First in the pipeline: the request's scheme and client address as the trusted proxy saw them; then
    /// HSTS on https responses (not for localhost, where it would pin every local port to https).</summary>
    public static IApplicationBuilder UseTrustedProxy(this IApplicationBuilder app) =>
        app.UseForwardedHeaders().UseHsts();

    public static IHostApplicationBuilder AddReadAudit(this IHostApplicationBuilder builder)
    {
        // SQLite files journal reads beside the database (ReadAuditJournal); PostgreSQL commits them to the server.
        builder.Services.AddSingleton(sp => new ReadAuditLog(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ReadAuditLog>>(),
            sp.GetService<ReadAuditOptions>(), sp.GetRequiredService<StaylineDatabase>().SqlitePath is { } path ? new ReadAuditJournal(ReadAuditJournal.FolderFor(path)) : null));
        builder.Services.AddHostedService<ReadAuditWriter>();
        builder.Services.AddSingleton<ReadAuditJournalMover>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReadAuditJournalMover>());
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
