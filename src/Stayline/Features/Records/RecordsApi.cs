using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Records;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.Records;

/// <param name="StatutoryResponseDue">FOIA's answer date (20 working days, 30 with the unusual-circumstances notice); null for other channels.</param>
/// <param name="CourtDue">The earliest production date a court set for it, here or in a class order.</param>
public sealed record RecordsRequestDto(long Id, long PersonId, RecordKind Kind, RecordsChannel Channel, RecordsAgency Agency, DateOnly RequestedOn,
    DateOnly? AgencyReceivedOn, string? TrackingNumber, RecordsStatus Status, bool UnusualCircumstances, DateOnly? ProduceBy, DateOnly? ProducedOn,
    string? Notes, DateOnly? StatutoryResponseDue, DateOnly? CourtDue, bool Outstanding, bool Noncompliant, int Version)
{
    public static RecordsRequestDto From(RecordsRequest r, DateOnly? classDue, DateOnly today) => new(r.Id, r.PersonId, r.Kind, r.Channel, r.Agency,
        r.RequestedOn, r.AgencyReceivedOn, r.TrackingNumber, r.Status, r.UnusualCircumstances, r.ProduceBy, r.ProducedOn, r.Notes,
        r.StatutoryResponseDue, r.CourtDue(classDue), r.IsOutstanding, r.IsNoncompliant(classDue, today), r.Version);
}

/// <summary>Every field the API accepts is one it returns: a PUT of a GET body changes nothing.</summary>
public sealed record RecordsRequestWrite(RecordKind Kind, RecordsChannel Channel, RecordsAgency Agency, DateOnly? RequestedOn,
    RecordsStatus Status = RecordsStatus.Requested, string? TrackingNumber = null, DateOnly? AgencyReceivedOn = null, bool UnusualCircumstances = false,
    DateOnly? ProduceBy = null, DateOnly? ProducedOn = null, string? Notes = null, int? Version = null)
{
    public RecordsRequestInput ToInput() =>
        new(Kind, Channel, Agency, RequestedOn, Status, TrackingNumber, AgencyReceivedOn, UnusualCircumstances, ProduceBy, ProducedOn, Notes);
}

public sealed record OutstandingPage(int Total, IReadOnlyDictionary<RecordsAgency, int> ByAgency, IReadOnlyList<OutstandingRow> Items);

public sealed record OutstandingRow(RecordsRequestDto Request, string Name, string? ANumber);

/// <summary>The records ledger: requests for A-files, records of proceedings and other records, and what is still owed.</summary>
public static class RecordsApi
{
    public static IEndpointRouteBuilder MapRecordsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Records requests").RequireAuthorization(Permissions.Read);
        group.MapGet("/people/{personId:long}/records-requests", List);
        group.MapPost("/people/{personId:long}/records-requests", Create).RequireAuthorization(Permissions.EditLegal);
        group.MapPut("/records-requests/{id:long}", Update).RequireAuthorization(Permissions.EditLegal);
        group.MapDelete("/records-requests/{id:long}", Delete).RequireAuthorization(Permissions.EditLegal);
        group.MapGet("/records-requests/outstanding", Outstanding);
        return app;
    }

    private static async Task<Results<Ok<List<RecordsRequestDto>>, NotFound>> List(long personId, HttpContext http, StaylineDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return TypedResults.NotFound();
        }

        var list = await RecordsLedger.ForPersonAsync(db, personId, clock.Today(), ct);
        await http.AuditReadAsync(personId, ct);
        return TypedResults.Ok(list.ToList());
    }

    private static async Task<Results<Created<RecordsRequestDto>, NotFound, ValidationProblem>> Create(long personId, RecordsRequestWrite body,
        StaylineDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return TypedResults.NotFound();
        }

        var today = clock.Today();
        var (request, errors) = await RecordsWrites.CreateAsync(db, personId, body.ToInput(), today, ct);
        return request is null
            ? ApiErrors.Validation(errors)
            : TypedResults.Created($"/api/v1/people/{personId}/records-requests", await RecordsLedger.DtoAsync(db, request, today, ct));
    }

    private static async Task<Results<Ok<RecordsRequestDto>, NotFound, ValidationProblem, ProblemHttpResult>> Update(long id, RecordsRequestWrite body,
        StaylineDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (body.Version is null)
        {
            return ApiErrors.Validation([new("Version", "Send the version you read so that a concurrent edit is not overwritten.")]);
        }

        var today = clock.Today();
        var (request, errors, conflict) = await RecordsWrites.UpdateAsync(db, id, body.ToInput(), body.Version.Value, today, ct);
        if (conflict is { } current)
        {
            return ApiErrors.Conflict("This records request", current);
        }

        return request is null
            ? errors.Count == 0 ? TypedResults.NotFound() : ApiErrors.Validation(errors)
            : TypedResults.Ok(await RecordsLedger.DtoAsync(db, request, today, ct));
    }

    private static async Task<Results<NoContent, NotFound>> Delete(long id, StaylineDbContext db, CancellationToken ct) =>
        await RecordsWrites.DeleteAsync(db, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Ok<OutstandingPage>> Outstanding(RecordsAgency? agency, bool? noncompliant, int? page, StaylineDbContext db,
        TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await RecordsLedger.OutstandingAsync(db, agency, noncompliant ?? false, Math.Max(1, page ?? 1), clock.Today(), ct));
}
