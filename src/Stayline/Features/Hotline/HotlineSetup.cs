using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Stayline.Infrastructure;
using Stayline.Resources;

namespace Stayline.Features.Hotline;

/// <summary>Limits of the public hotline form (section Stayline:Hotline).</summary>
public sealed class HotlineOptions
{
    public const string Section = "Stayline:Hotline";

    /// <summary>Posts one client address may make per window.</summary>
    public int PostsPerWindow { get; set; } = 10;

    public int WindowSeconds { get; set; } = 600;

    /// <summary>The largest form body accepted, in bytes (every field at its limit fits in about 8 KB of UTF-8 form encoding).</summary>
    public int MaxBodyBytes { get; set; } = 32 * 1024;
}

/// <summary>
/// The one page anyone may post to without signing in, and what guards it: a rate limit per client address, a body
/// size limit and a form-only content type, all answered with a short page in the form's language before the page runs.
/// </summary>
public static class HotlineSetup
{
    public const string Path = "/hotline";

    public static IHostApplicationBuilder AddStaylineHotline(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<HotlineOptions>(builder.Configuration.GetSection(HotlineOptions.Section));
        builder.Services.AddScoped<Intake.IntakeService>();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
            {
                if (!IsHotlinePost(ctx.Request))
                {
                    return RateLimitPartition.GetNoLimiter("");
                }

                var limits = ctx.RequestServices.GetRequiredService<IOptions<HotlineOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(ClientKey(ctx.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, limits.PostsPerWindow),
                    Window = TimeSpan.FromSeconds(Math.Max(1, limits.WindowSeconds)),
                    QueueLimit = 0,
                });
            });
            o.OnRejected = (context, ct) =>
            {
                var limits = context.HttpContext.RequestServices.GetRequiredService<IOptions<HotlineOptions>>().Value;
                context.HttpContext.Response.Headers.RetryAfter = limits.WindowSeconds.ToString(CultureInfo.InvariantCulture);
                return new ValueTask(RefuseAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Hotline.Refused.TooMany"));
            };
        });
        return builder;
    }

    /// <summary>After localisation (refusals speak the form's language) and routing; before the page reads the form.</summary>
    public static IApplicationBuilder UseHotlineGuard(this IApplicationBuilder app)
    {
        app.UseRateLimiter();
        return app.Use(async (ctx, next) =>
        {
            if (!IsHotlinePost(ctx.Request))
            {
                await next(ctx);
                return;
            }

            var max = ctx.RequestServices.GetRequiredService<IOptions<HotlineOptions>>().Value.MaxBodyBytes;
            if (!string.Equals(ctx.Request.ContentType?.Split(';')[0].Trim(), "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            {
                await RefuseAsync(ctx, StatusCodes.Status415UnsupportedMediaType, "Hotline.Refused.NotAForm");
                return;
            }

            if (ctx.Request.ContentLength > max || !await FitsAsync(ctx, max))
            {
                await RefuseAsync(ctx, StatusCodes.Status413PayloadTooLarge, "Hotline.Refused.TooLarge");
                return;
            }

            await next(ctx);
        });
    }

    private static bool IsHotlinePost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads at most max + 1 bytes of a body sent without a length (chunked) and keeps them for the page.</summary>
    private static async Task<bool> FitsAsync(HttpContext ctx, int max)
    {
        if (ctx.Request.ContentLength is not null)
        {
            return true;
        }

        ctx.Request.EnableBuffering(max + 1, max + 1);
        var buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = await ctx.Request.Body.ReadAsync(buffer, ctx.RequestAborted)) > 0)
        {
            total += read;
            if (total > max)
            {
                return false;
            }
        }

        ctx.Request.Body.Position = 0;
        return true;
    }

    /// <summary>
    /// One bucket per IPv4 address and per IPv6 /64 (one household's or phone's network usually holds a whole /64, so
    /// per-address buckets there would be no limit at all). Behind a proxy this is the client's address only when the
    /// proxy is trusted (Stayline:Proxy:Trusted); otherwise every client shares the proxy's bucket.
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }

    /// <summary>A short page in the request's language saying why the post was refused; nothing was stored.</summary>
    public static async Task RefuseAsync(HttpContext ctx, int status, string key)
    {
        var t = ctx.RequestServices.GetRequiredService<IStringLocalizer<Strings>>();
        var html = HtmlEncoder.Default;
        var lang = Localization.Current;
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "text/html; charset=utf-8";
        await ctx.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture,
            $"""
            <!DOCTYPE html>
            <html lang="{lang}" dir="{(Localization.IsRightToLeft ? "rtl" : "ltr")}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{html.Encode(t["Hotline.Title"])}</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main id="main"><h1>{html.Encode(t["Hotline.Title"])}</h1><p class="alert warn" role="alert">{html.Encode(t[key])}</p>
            <p><a href="{Path}?lang={lang}">{html.Encode(t["Hotline.Refused.Back"])}</a></p></main></body></html>
            """), ctx.RequestAborted);
    }
}
