using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Stayline.Data;

namespace Stayline.Features.Habeas;

public sealed record AcknowledgeBody(string? Note);

public static class HabeasApi
{
    public const int MaxPage = 5000;

    public static IHostApplicationBuilder AddStaylineHabeas(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<HabeasOptions>(builder.Configuration.GetSection(HabeasOptions.Section));
        builder.Services.AddSingleton<TransferWatch>();
        // Replaces the protection recompute as the save hook with both handlers (the last registration wins).
        builder.Services.AddSingleton<IFactsChangedHandler>(sp => sp.GetRequiredService<TransferWatch>());
        builder.Services.AddScoped<AlertService>();
        builder.Services.AddSingleton<AlertMailer>();
        builder.Services.AddHostedService<HabeasWatchService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapHabeasApi(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/v1/alerts").WithTags("Alerts").RequireAuthorization(Permissions.Read);
        alerts.MapGet("/", ListAlerts);
        alerts.MapPost("/{id:long}/acknowledge", Acknowledge).RequireAuthorization(Permissions.EditLegal);
        var habeas = app.MapGroup("/api/v1/habeas").WithTags("Habeas").RequireAuthorization(Permissions.Read);
        habeas.MapGet("/queue", Queue);
        return app;
    }

    /// <summary>Open alerts, newest first.</summary>
    private static async Task<Ok<List<AlertDto>>> ListAlerts(AlertService alerts, long? personId, CancellationToken ct) =>
        TypedResults.Ok(await alerts.OpenAsync(personId, 1000, ct));

    private static async Task<Results<NoContent, NotFound, Conflict<string>>> Acknowledge(long id, AcknowledgeBody? body, AlertService alerts, AuditActor actor,
        CancellationToken ct) => await alerts.AcknowledgeAsync(id, actor, body?.Note, ct) switch
        {
            null => TypedResults.NotFound(),
            false => TypedResults.Conflict("The alert was already acknowledged."),
            _ => TypedResults.NoContent(),
        };

    /// <summary>The no-petition-yet queue, longest detained first; the total is in the X-Total-Count header.</summary>
    private static async Task<Ok<IReadOnlyList<QueueRow>>> Queue(HttpContext http, StaylineDbContext db, TimeProvider clock, IOptions<HabeasOptions> options,
        int? skip, int? take, CancellationToken ct)
    {
        var page = await HabeasQueue.RunAsync(db, clock, options.Value.EscalateAfterHours, Math.Max(0, skip ?? 0), Math.Clamp(take ?? 1000, 1, MaxPage), ct);
        http.Response.Headers["X-Total-Count"] = page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(page.Rows);
    }
}
