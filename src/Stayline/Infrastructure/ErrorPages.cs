using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Diagnostics;

namespace Stayline.Infrastructure;

/// <summary>
/// Unhandled errors: the API answers a problem (JSON, with its trace id); a page answers a plain HTML page with
/// the request id to quote. Neither shows the exception, which goes to the log with the same id.
/// </summary>
public static class ErrorPages
{
    public static IApplicationBuilder UseStaylineErrors(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteAsync });

    private static async Task WriteAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var unavailable = error is ReadAuditUnavailableException;
        context.Response.StatusCode = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        var title = unavailable ? "Temporarily unavailable" : "Something went wrong";
        var detail = unavailable ? error!.Message : "The error has been logged. Quote the request id below when you report it.";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                Exception = error,
                ProblemDetails = { Status = context.Response.StatusCode, Title = title, Detail = unavailable ? detail : null },
            });
            return;
        }

        var requestId = Activity.Current?.Id ?? context.TraceIdentifier;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} - Stayline</title>
            <link rel="stylesheet" href="/css/site.css">
            </head>
            <body>
            <main id="main">
            <h1>{title}</h1>
            <p>{WebUtility.HtmlEncode(detail)}</p>
            <p>Request id: <code id="request-id">{WebUtility.HtmlEncode(requestId)}</code></p>
            <p><a href="/">Back to the start page</a></p>
            </main>
            </body>
            </html>
            """);
    }
}
