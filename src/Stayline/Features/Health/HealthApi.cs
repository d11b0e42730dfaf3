using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;

namespace Stayline.Features.Health;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Check).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>200 when the database answers a query, 503 otherwise.</summary>
    private static async Task<Results<Ok<string>, ProblemHttpResult>> Check(StaylineDbContext db, CancellationToken ct)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct) && await db.People.AnyAsync(ct) is var _
                ? TypedResults.Ok("ok")
                : TypedResults.Problem("database unreachable", statusCode: 503);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return TypedResults.Problem($"database error: {ex.GetType().Name}", statusCode: 503);
        }
    }
}
