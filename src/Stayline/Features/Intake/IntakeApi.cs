using Microsoft.AspNetCore.Http.HttpResults;
using Stayline.Data;
using Stayline.Domain.Hotline;

namespace Stayline.Features.Intake;

public sealed record AcceptBody(long? PersonId, bool CreatePerson, string? Note);

public sealed record RejectBody(string? Note);

/// <summary>The intake queue and call log for staff (admin, attorney, intake; not viewers): paged, with the total.</summary>
public static class IntakeApi
{
    public static IEndpointRouteBuilder MapIntakeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/intake").WithTags("Intake").RequireAuthorization(Permissions.EditPeople);
        group.MapGet("/", Queue);
        group.MapPost("/{id:long}/accept", Accept);
        group.MapPost("/{id:long}/reject", Reject);
        group.MapGet("/calls", Calls);
        group.MapPost("/calls", LogCall);
        return app;
    }

    /// <summary>Hotline reports, newest first; <c>status</c> = New, Accepted or Rejected (default: all).</summary>
    private static async Task<Ok<IntakePage<IntakeRow>>> Queue(IntakeService intake, HotlineReportStatus? status, int? skip, int? take, CancellationToken ct) =>
        TypedResults.Ok(await intake.QueueAsync(status, skip ?? 0, take ?? 100, ct));

    private static async Task<Results<Ok<IntakeOutcome>, NotFound, Conflict<IntakeOutcome>>> Accept(long id, AcceptBody body, IntakeService intake, CancellationToken ct) =>
        Answer(await intake.AcceptAsync(id, body.PersonId, body.CreatePerson, body.Note, ct));

    private static async Task<Results<Ok<IntakeOutcome>, NotFound, Conflict<IntakeOutcome>>> Reject(long id, RejectBody? body, IntakeService intake, CancellationToken ct) =>
        Answer(await intake.RejectAsync(id, body?.Note, ct));

    private static Results<Ok<IntakeOutcome>, NotFound, Conflict<IntakeOutcome>> Answer(IntakeOutcome outcome) =>
        outcome.NotFound ? TypedResults.NotFound() : outcome.Done ? TypedResults.Ok(outcome) : TypedResults.Conflict(outcome);

    /// <summary>The call log, newest first, optionally for one person.</summary>
    private static async Task<Ok<IntakePage<CallRow>>> Calls(IntakeService intake, long? personId, int? skip, int? take, CancellationToken ct) =>
        TypedResults.Ok(await intake.CallsAsync(personId, skip ?? 0, take ?? 100, ct));

    private static async Task<Results<Created<CallRow>, ValidationProblem>> LogCall(CallInput body, IntakeService intake, CancellationToken ct)
    {
        var (id, errors) = await intake.LogCallAsync(body, ct);
        if (id is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        }

        var page = await intake.CallsAsync(null, 0, 1, ct, id);
        return TypedResults.Created($"/api/v1/intake/calls?id={id}", page.Items[0]);
    }
}
