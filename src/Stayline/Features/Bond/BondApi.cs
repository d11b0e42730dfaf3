using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Deadlines;
using Stayline.Domain.Matters;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.Bond;

/// <param name="State">Whether release is stayed today, until when, and the dates that decide it.</param>
public sealed record BondCaseDto(long Id, long PersonId, DhsCustodyDecision DhsDecision, decimal? DhsAmount, DateOnly RequestedOn, BondDecision Decision,
    DateOnly? DecidedOn, decimal? Amount, DateOnly? PaidOn, DateOnly? Eoir43FiledOn, DateOnly? DhsAppealFiledOn, int BriefingExtensionDays,
    BoardBondOutcome BoardOutcome, DateOnly? BoardDecidedOn, string? Notes, int Version, BondState State)
{
    public static BondCaseDto From(BondCase c, DateOnly today) => new(c.Id, c.PersonId, c.DhsDecision, c.DhsAmount, c.RequestedOn, c.Decision, c.DecidedOn,
        c.Amount, c.PaidOn, c.Eoir43FiledOn, c.DhsAppealFiledOn, c.BriefingExtensionDays, c.BoardOutcome, c.BoardDecidedOn, c.Notes, c.Version,
        c.Evaluate(today, CourtCalendar.Federal));
}

/// <summary>Every field the API accepts is one it returns: a PUT of a GET body changes nothing.</summary>
public sealed record BondCaseWrite(DhsCustodyDecision DhsDecision, decimal? DhsAmount, DateOnly? RequestedOn, BondDecision Decision = BondDecision.Pending,
    DateOnly? DecidedOn = null, decimal? Amount = null, DateOnly? PaidOn = null, DateOnly? Eoir43FiledOn = null, DateOnly? DhsAppealFiledOn = null,
    int BriefingExtensionDays = 0, BoardBondOutcome BoardOutcome = BoardBondOutcome.Pending, DateOnly? BoardDecidedOn = null, string? Notes = null, int? Version = null)
{
    public BondCaseInput ToInput() => new(DhsDecision, DhsAmount, RequestedOn, Decision, DecidedOn, Amount, PaidOn, Eoir43FiledOn, DhsAppealFiledOn,
        BriefingExtensionDays, BoardOutcome, BoardDecidedOn, Notes);
}

/// <summary>Bond (custody redetermination) requests and DHS's automatic stay of release orders.</summary>
public static class BondApi
{
    public static IEndpointRouteBuilder MapBondApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Bond").RequireAuthorization(Permissions.Read);
        group.MapGet("/people/{personId:long}/bond-cases", List);
        group.MapPost("/people/{personId:long}/bond-cases", Create).RequireAuthorization(Permissions.EditLegal);
        group.MapPut("/bond-cases/{id:long}", Update).RequireAuthorization(Permissions.EditLegal);
        return app;
    }

    private static async Task<Results<Ok<List<BondCaseDto>>, NotFound>> List(long personId, HttpContext http, StaylineDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return TypedResults.NotFound();
        }

        var today = clock.Today();
        var list = (await db.BondCases.AsNoTracking().Where(c => c.PersonId == personId).OrderBy(c => c.RequestedOn).ThenBy(c => c.Id).ToListAsync(ct))
            .Select(c => BondCaseDto.From(c, today)).ToList();
        await http.AuditReadAsync(personId, ct);
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Created<BondCaseDto>, NotFound, ValidationProblem>> Create(long personId, BondCaseWrite body, StaylineDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return TypedResults.NotFound();
        }

        var today = clock.Today();
        var (bond, errors) = BondCase.Create(personId, body.ToInput(), today);
        if (bond is null)
        {
            return ApiErrors.Validation(errors);
        }

        db.BondCases.Add(bond);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/people/{personId}/bond-cases", BondCaseDto.From(bond, today));
    }

    private static async Task<Results<Ok<BondCaseDto>, NotFound, ValidationProblem, ProblemHttpResult>> Update(long id, BondCaseWrite body, StaylineDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        if (body.Version is null)
        {
            return ApiErrors.Validation([new("Version", "Send the version you read so that a concurrent edit is not overwritten.")]);
        }

        var today = clock.Today();
        var (bond, errors, conflict) = await VersionedUpdate.ApplyAsync<BondCase>(db, id, body.Version.Value,
            c => Task.FromResult(c.Update(body.ToInput(), today)), ct);
        if (conflict is { } current)
        {
            return ApiErrors.Conflict("This bond case", current);
        }

        return bond is null ? errors.Count == 0 ? TypedResults.NotFound() : ApiErrors.Validation(errors) : TypedResults.Ok(BondCaseDto.From(bond, today));
    }
}
