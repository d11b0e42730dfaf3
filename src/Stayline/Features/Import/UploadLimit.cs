using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http.Features;

namespace Stayline.Features.Import;

/// <summary>
/// An upload larger than the import page accepts would otherwise fail while the form is read, before the page
/// runs, as an empty "400 Bad Request". This answers it with a page that says the limit. The body is read and
/// discarded first (up to a bound), so the browser, still sending, sees the answer rather than a reset connection.
/// </summary>
internal sealed class UploadLimit : IStartupFilter
{
    /// <summary>The request body the import page accepts: the largest list plus room for the form around it.</summary>
    public const long MaxBodyBytes = ImportFiles.DefaultMaxBytes + (1 << 20);

    /// <summary>How much of a too-large body is read and dropped before answering; past this the connection is closed.</summary>
    private const long MaxDrainBytes = 4L << 30;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/Import", StringComparison.OrdinalIgnoreCase)
                && context.Request.ContentLength > MaxBodyBytes)
            {
                await RefuseAsync(context);
                return;
            }

            await nextMiddleware(context);
        });
        next(app);
    };

    private static async Task RefuseAsync(HttpContext context)
    {
        var length = context.Request.ContentLength ?? 0;
        if (length <= MaxDrainBytes && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
            var buffer = new byte[1 << 16];
            try
            {
                while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or BadHttpRequestException)
            {
                return; // the client gave up
            }
        }

        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.ContentType = "text/html; charset=utf-8";
        var message = string.Create(CultureInfo.InvariantCulture,
            $"The file is too large to upload: {length / (1024.0 * 1024):N0} MiB, and the limit is {ImportFiles.DefaultMaxBytes / (1024.0 * 1024):N0} MiB. Split the list into smaller files and upload them one by one.");
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>File too large - Stayline</title>
            <link rel="stylesheet" href="/css/site.css">
            </head>
            <body>
            <main id="main">
            <h1>File too large</h1>
            <p role="alert">{WebUtility.HtmlEncode(message)}</p>
            <p><a href="/Import">Back to the import page</a></p>
            </main>
            </body>
            </html>
            """, context.RequestAborted);
    }
}
