using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Matters;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.Relief;

public sealed record ReliefClaimDto(long Id, long PersonId, ReliefKind Kind, ProtectedGrounds Grounds, string Basis, string? Country, ReliefStatus Status,
    DateOnly? FiledOn, DateOnly? DecidedOn, long? MatterId, int Version)
{
    public static ReliefClaimDto From(ReliefClaim c) => new(c.Id, c.PersonId, c.Kind, c.Grounds, c.Basis, c.Country, c.Status, c.FiledOn, c.DecidedOn, c.MatterId, c.Version);
}

/// <summary>Every field the API accepts is one it returns: a PUT of a GET body changes nothing.</summary>
public sealed record ReliefClaimWrite(ReliefKind Kind, ProtectedGrounds Grounds, string? Basis, string? Country = null, ReliefStatus Status = ReliefStatus.Contemplated,
    DateOnly? FiledOn = null, DateOnly? DecidedOn = null, long? MatterId = null, int? Version = null)
{
    public ReliefClaimInput ToInput() => new(Kind, Grounds, Basis, Country, Status, FiledOn, DecidedOn, MatterId);
}

/// <summary>Claims for asylum, withholding of removal and protection under the Convention Against Torture.</summary>
public static class ReliefApi
{
    public static IEndpointRouteBuilder MapReliefApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Relief claims").RequireAuthorization(Permissions.Read);
        group.MapGet("/people/{personId:long}/relief-claims", List);
        group.MapPost("/people/{personId:long}/relief-claims", Create).RequireAuthorization(Permissions.EditLegal);
        group.MapPut("/relief-claims/{id:long}", Update).RequireAuthorization(Permissions.EditLegal);
        return app;
    }

    private static async Task<Results<Ok<List<ReliefClaimDto>>, NotFound>> List(long personId, HttpContext http, StaylineDbContext db, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return TypedResults.NotFound();
        }

        var claims = (await db.ReliefClaims.AsNoTracking().Where(c => c.PersonId == personId).OrderBy(c => c.Id).ToListAsync(ct)).Select(ReliefClaimDto.From).ToList();
        await http.AuditReadAsync(personId, ct);
        return TypedResults.Ok(claims);
    }

    private static async Task<Results<Created<ReliefClaimDto>, NotFound, ValidationProblem>> Create(long personId, ReliefClaimWrite body, StaylineDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return TypedResults.NotFound();
        }

        var (claim, errors) = await ReliefWrites.CreateAsync(db, personId, body.ToInput(), clock.Today(), ct);
        return claim is null ? ApiErrors.Validation(errors) : TypedResults.Created($"/api/v1/people/{personId}/relief-claims", ReliefClaimDto.From(claim));
    }

    private static async Task<Results<Ok<ReliefClaimDto>, NotFound, ValidationProblem, ProblemHttpResult>> Update(long id, ReliefClaimWrite body,
        StaylineDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (body.Version is null)
        {
            return ApiErrors.Validation([new("Version", "Send the version you read so that a concurrent edit is not overwritten.")]);
        }

        var (claim, errors, conflict) = await ReliefWrites.UpdateAsync(db, id, body.ToInput(), body.Version.Value, clock.Today(), ct);
        if (conflict is { } current)
        {
            return ApiErrors.Conflict("This relief claim", current);
        }

        return claim is null ? errors.Count == 0 ? TypedResults.NotFound() : ApiErrors.Validation(errors) : TypedResults.Ok(ReliefClaimDto.From(claim));
    }
}
