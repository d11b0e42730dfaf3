using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stayline.Data;
using Stayline.Domain.Respondents;
using Stayline.Infrastructure;

namespace Stayline.Features.Habeas;

public sealed record AcknowledgeBody(string? Note);

/// <summary>One respondent of a petition: <c>name</c> and <c>title</c> are null when nobody is recorded in the office on the day.</summary>
public sealed record RespondentDto(string Office, string? Name, string? Title, string? Caption, string? Missing);

public sealed record RespondentsDto(long FacilityId, string Facility, DateOnly On, string? District, string? Rule, string? RuleSource, IReadOnlyList<RespondentDto> Respondents);

public static class HabeasApi
{
    public const int MaxPage = 5000;

    public static IHostApplicationBuilder AddStaylineHabeas(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<HabeasOptions>(builder.Configuration.GetSection(HabeasOptions.Section));
        builder.Services.AddSingleton<TransferWatch>();
        // One of the save hook's handlers, beside the protection recompute (every registered handler runs).
        builder.Services.AddSingleton<IFactsChangedHandler>(sp => sp.GetRequiredService<TransferWatch>());
        builder.Services.AddScoped<AlertService>();
        builder.Services.AddSingleton<EscalationProgress>();
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
        habeas.MapGet("/respondents", RespondentsOf);
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

    /// <summary>Who a petition for someone held at the facility names on <paramref name="on"/> (default today).</summary>
    private static async Task<Results<Ok<RespondentsDto>, NotFound>> RespondentsOf(long facilityId, DateOnly? on, StaylineDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var facility = await db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Id == facilityId, ct);
        if (facility is null)
        {
            return TypedResults.NotFound();
        }

        var day = on ?? clock.Today();
        var (holders, rules) = await RespondentQueries.OnAsync(db, day, ct);
        var set = Respondents.For(facility, day, holders, rules);
        return TypedResults.Ok(new RespondentsDto(facility.Id, facility.Name, day, set.District, set.Rule?.District, set.Rule?.Source,
            set.Named.Select(r => new RespondentDto(r.Office.ToString(), r.Holder?.Name, r.Holder?.Title, r.Caption, r.Holder is null ? r.Missing : null)).ToList()));
    }

    /// <summary>The no-petition-yet queue, longest detained first; the total is in the X-Total-Count header.</summary>
    private static async Task<Ok<IReadOnlyList<QueueRow>>> Queue(HttpContext http, StaylineDbContext db, TimeProvider clock, IOptions<HabeasOptions> options,
        int? skip, int? take, CancellationToken ct)
    {
        var page = await HabeasQueue.RunAsync(db, clock, options.Value.EscalateAfterHours, Math.Max(0, skip ?? 0), Math.Clamp(take ?? 1000, 1, MaxPage), ct);
        http.Response.Headers["X-Total-Count"] = page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(page.Rows);
    }
}
