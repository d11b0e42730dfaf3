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
            if (!await db.Database.CanConnectAsync(ct))
            {
                return TypedResults.Problem("database unreachable", statusCode: 503);
            }

            await db.People.AnyAsync(ct); // the schema must answer too, not only the server
            return TypedResults.Ok("ok");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return TypedResults.Problem($"database error: {ex.GetType().Name}", statusCode: 503);
        }
    }
}
