using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Matters;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.Hearings;

public sealed record HearingDto(long Id, long PersonId, long? MatterId, HearingKind Kind, DateOnly On, TimeOnly? At, string Court, string? Judge,
    HearingOutcome Outcome, decimal? BondAmount, string? Notes, int Version)
{
    public static HearingDto From(Hearing h) => new(h.Id, h.PersonId, h.MatterId, h.Kind, h.On, h.At, h.Court, h.Judge, h.Outcome, h.BondAmount, h.Notes, h.Version);
}

/// <summary>Every field the API accepts is one it returns: a PUT of a GET body changes nothing.</summary>
public sealed record HearingWrite(HearingKind Kind, DateOnly? On, TimeOnly? At, string? Court, string? Judge, HearingOutcome Outcome = HearingOutcome.Scheduled,
    long? MatterId = null, decimal? BondAmount = null, string? Notes = null, int? Version = null)
{
    public HearingInput ToInput() => new(Kind, On, At, Court, Judge, Outcome, MatterId, BondAmount, Notes);
}

/// <summary>Hearings before the immigration courts (master, individual, bond): the one place they are written.</summary>
public static class HearingsApi
{
    public static IEndpointRouteBuilder MapHearingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Hearings").RequireAuthorization(Permissions.Read);
        group.MapGet("/people/{personId:long}/hearings", List);
        group.MapPost("/people/{personId:long}/hearings", Create).RequireAuthorization(Permissions.EditLegal);
        group.MapPut("/hearings/{id:long}", Update).RequireAuthorization(Permissions.EditLegal);
        return app;
    }

    private static async Task<Results<Ok<List<HearingDto>>, NotFound>> List(long personId, HttpContext http, StaylineDbContext db, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return TypedResults.NotFound();
        }

        var hearings = (await db.Hearings.AsNoTracking().Where(h => h.PersonId == personId).ToListAsync(ct))
            .OrderBy(h => h.On).ThenBy(h => h.At).Select(HearingDto.From).ToList();
        await http.AuditReadAsync(personId, ct);
        return TypedResults.Ok(hearings);
    }

    private static async Task<Results<Created<HearingDto>, NotFound, ValidationProblem>> Create(long personId, HearingWrite body, StaylineDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return TypedResults.NotFound();
        }

        var (hearing, errors) = await HearingWrites.CreateAsync(db, personId, body.ToInput(), clock.Today(), ct);
        return hearing is null ? ApiErrors.Validation(errors) : TypedResults.Created($"/api/v1/people/{personId}/hearings", HearingDto.From(hearing));
    }

    private static async Task<Results<Ok<HearingDto>, NotFound, ValidationProblem, ProblemHttpResult>> Update(long id, HearingWrite body,
        StaylineDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (body.Version is null)
        {
            return ApiErrors.Validation([new("Version", "Send the version you read so that a concurrent edit is not overwritten.")]);
        }

        var (hearing, errors, conflict) = await HearingWrites.UpdateAsync(db, id, body.ToInput(), body.Version.Value, clock.Today(), ct);
        if (conflict is { } current)
        {
            return ApiErrors.Conflict("This hearing", current);
        }

        return hearing is null ? errors.Count == 0 ? TypedResults.NotFound() : ApiErrors.Validation(errors) : TypedResults.Ok(HearingDto.From(hearing));
    }
}
