using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.Matters;

public sealed record MatterDto(long Id, long PersonId, MatterKind Kind, Adjudicator Forum, string? Court, string? CaseNumber,
    MatterStatus Status, DateOnly? FiledOn, DateOnly? DecidedOn, bool StayRequested, string? Summary, int Version,
    MotionGround? Ground = null, DateOnly? StayFiledOn = null, DateOnly? WithdrawnOn = null, long? ChallengesOrderId = null,
    long? ChallengesMatterId = null, StayMotionOutcome StayOutcome = StayMotionOutcome.Pending, DateOnly? StayDecidedOn = null,
    DateOnly? StayGrantedUntil = null, bool? FiledInTime = null, bool AcceptedDespiteWaiver = false,
    DateOnly? ShowCauseOrderedOn = null, DateOnly? ReturnDueOn = null);

/// <summary>
/// A matter as written by PUT (a full replacement: a field left out is cleared) or POST. The stay decision and the
/// findings on timeliness and waiver are written by <c>PUT /api/v1/matters/{id}/stay</c>, so this write never clears them.
/// </summary>
public sealed record MatterWrite(MatterKind Kind, Adjudicator? Forum, string? Court, string? CaseNumber, MatterStatus Status,
    DateOnly? FiledOn, DateOnly? DecidedOn, bool StayRequested = false, string? Summary = null, int? Version = null,
    MotionGround? Ground = null, DateOnly? StayFiledOn = null, DateOnly? WithdrawnOn = null, long? ChallengesOrderId = null,
    long? ChallengesMatterId = null, DateOnly? ShowCauseOrderedOn = null, DateOnly? ReturnDueOn = null)
{
    public MatterInput ToInput() => new(Kind, Forum ?? Matter.DefaultForum(Kind), Court, CaseNumber, Status, FiledOn, DecidedOn, StayRequested, Summary)
    {
        Ground = Ground,
        StayFiledOn = StayFiledOn,
        WithdrawnOn = WithdrawnOn,
        ChallengesOrderId = ChallengesOrderId,
        ChallengesMatterId = ChallengesMatterId,
        ShowCauseOrderedOn = ShowCauseOrderedOn,
        ReturnDueOn = ReturnDueOn,
    };
}

public static class MattersApi
{
    public static RouteGroupBuilder MapMattersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Matters").RequireAuthorization(Permissions.Read);
        group.MapGet("/people/{personId:long}/matters", List);
        group.MapPost("/people/{personId:long}/matters", Create).RequireAuthorization(Permissions.EditLegal);
        group.MapGet("/matters/{id:long}", Get);
        group.MapPut("/matters/{id:long}", Update).RequireAuthorization(Permissions.EditLegal);
        return group;
    }

    private static async Task<Results<Ok<List<MatterDto>>, NotFound>> List(long personId, HttpContext http, StaylineDbContext db, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return TypedResults.NotFound();
        }

        var matters = await db.Matters.AsNoTracking().Where(m => m.PersonId == personId).OrderBy(m => m.FiledOn).ThenBy(m => m.Id)
            .Select(m => ToDto(m)).ToListAsync(ct);
        await http.AuditReadAsync(personId, ct);
        return TypedResults.Ok(matters);
    }

    private static async Task<Results<Ok<MatterDto>, NotFound>> Get(long id, HttpContext http, StaylineDbContext db, CancellationToken ct)
    {
        if (await db.Matters.AsNoTracking().Where(m => m.Id == id).Select(m => ToDto(m)).FirstOrDefaultAsync(ct) is not { } dto)
        {
            return TypedResults.NotFound();
        }

        await http.AuditReadAsync(dto.PersonId, ct);
        return TypedResults.Ok(dto);
    }

    private static async Task<Results<Created<MatterDto>, NotFound, ValidationProblem>> Create(long personId, MatterWrite body,
        StaylineDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return TypedResults.NotFound();
        }

        var input = body.ToInput();
        if (await MatterLinks.CheckAsync(db, personId, null, input, ct) is { Count: > 0 } linkErrors)
        {
            return ApiErrors.Validation(linkErrors);
        }

        var (matter, errors) = Matter.Create(personId, input, clock.Today());
        if (matter is null)
        {
            return ApiErrors.Validation(errors);
        }

        db.Matters.Add(matter);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/matters/{matter.Id}", ToDto(matter));
    }

    private static async Task<Results<Ok<MatterDto>, NotFound, ValidationProblem, ProblemHttpResult>> Update(long id, MatterWrite body,
        StaylineDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var matter = await db.Matters.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (matter is null)
        {
            return TypedResults.NotFound();
        }

        if (body.Version is null)
        {
            return ApiErrors.Validation([new("Version", "Send the version you read so that a concurrent edit is not overwritten.")]);
        }

        if (body.Version != matter.Version)
        {
            return ApiErrors.Conflict("This matter", matter.Version);
        }

        db.Entry(matter).Property(m => m.Version).OriginalValue = body.Version.Value;
        var input = body.ToInput();
        if (await MatterLinks.CheckAsync(db, matter.PersonId, matter.Id, input, ct) is { Count: > 0 } linkErrors)
        {
            return ApiErrors.Validation(linkErrors);
        }

        var errors = matter.Update(input, clock.Today());
        if (errors.Count > 0)
        {
            return ApiErrors.Validation(errors);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiErrors.Conflict("This matter", await db.Matters.AsNoTracking().Where(m => m.Id == id).Select(m => m.Version).FirstAsync(ct));
        }

        return TypedResults.Ok(ToDto(matter));
    }

    private static MatterDto ToDto(Matter m) => new(m.Id, m.PersonId, m.Kind, m.Forum, m.Court, m.CaseNumber, m.Status, m.FiledOn,
        m.DecidedOn, m.StayRequested, m.Summary, m.Version, m.Ground, m.StayFiledOn, m.WithdrawnOn, m.ChallengesOrderId, m.ChallengesMatterId,
        m.StayOutcome, m.StayDecidedOn, m.StayGrantedUntil, m.FiledInTime, m.AcceptedDespiteWaiver, m.ShowCauseOrderedOn, m.ReturnDueOn);
}
