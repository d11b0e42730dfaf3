using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Stayline.Infrastructure;

/// <summary>
/// Unhandled errors: the API answers a problem (JSON, with its trace id); a page answers a plain HTML page with
/// the request id to quote. Neither shows the exception, which goes to the log with the same id.
/// A write that lost a race with another user's write (<see cref="IsLostRace"/>) answers 409 everywhere, so that
/// no handler needs its own catch: the person reloads and sees the other change.
/// </summary>
public static class ErrorPages
{
    public const string ConflictMessage = "This record was changed by someone else at the same time. Reload it to see their change, then try again.";

    public static IApplicationBuilder UseStaylineErrors(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteAsync });

    /// <summary>
    /// The database refused a write because another one changed the same rows first: an optimistic-concurrency
    /// check (a stale Version), a unique key the other write took, SQLite's busy/locked answers (a transaction that
    /// read before another writer committed cannot write), PostgreSQL's serialization failure or deadlock.
    /// </summary>
    public static bool IsLostRace(Exception? error) => error switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: var inner } => IsLostRace(inner) || IsUniqueViolation(inner),
        SqliteException s => s.SqliteErrorCode is 5 or 6, // SQLITE_BUSY (incl. BUSY_SNAPSHOT), SQLITE_LOCKED
        PostgresException p => p.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        InvalidOperationException { InnerException: { } inner } => IsLostRace(inner), // EF's "transient failure" wrapper
        _ => false,
    };

    private static bool IsUniqueViolation(Exception? e) => e switch
    {
        SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    private static async Task WriteAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, title, detail) = error switch
        {
            ReadAuditUnavailableException => (StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable", error.Message),
            _ when IsLostRace(error) => (StatusCodes.Status409Conflict, "Changed by someone else", ConflictMessage),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong", null),
        };
        context.Response.StatusCode = status;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                Exception = error,
                ProblemDetails = { Status = status, Title = title, Detail = detail },
            });
            return;
        }

        var requestId = Activity.Current?.Id ?? context.TraceIdentifier;
        // A lost race on a form: the same address without the posted form shows the record as it now is.
        var back = status == StatusCodes.Status409Conflict
            ? $"<p><a id=\"reload\" href=\"{WebUtility.HtmlEncode(context.Request.Path + context.Request.QueryString)}\">Reload</a></p>"
            : "";
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
            <p>{WebUtility.HtmlEncode(detail ?? "The error has been logged. Quote the request id below when you report it.")}</p>
            {back}
            <p>Request id: <code id="request-id">{WebUtility.HtmlEncode(requestId)}</code></p>
            <p><a href="/">Back to the start page</a></p>
            </main>
            </body>
            </html>
            """);
    }
}
