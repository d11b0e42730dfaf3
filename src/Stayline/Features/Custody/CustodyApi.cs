using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.Custody;

public sealed record CustodyEpisodeDto(long Id, long FacilityId, string FacilityName, DateOnly From, DateOnly? To, string? EndReason);

public enum CustodyAction
{
    Detain,
    Transfer,
    Release,
    Remove,
}

/// <summary>Record a detention, a transfer, a release or a removal.</summary>
public sealed record CustodyChange(CustodyAction Action, DateOnly On, long? FacilityId);

public static class CustodyApi
{
    public static RouteGroupBuilder MapCustodyApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/people/{personId:long}/custody").WithTags("Custody").RequireAuthorization(Permissions.Read);
        group.MapGet("/", List);
        group.MapPost("/", Record).RequireAuthorization(Permissions.EditPeople);
        return group;
    }

    private static async Task<Results<Ok<List<CustodyEpisodeDto>>, NotFound>> List(long personId, HttpContext http, StaylineDbContext db, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return TypedResults.NotFound();
        }

        var episodes = await Episodes(db, personId, ct);
        await http.AuditReadAsync(personId, ct);
        return TypedResults.Ok(episodes);
    }

    private static Task<List<CustodyEpisodeDto>> Episodes(StaylineDbContext db, long personId, CancellationToken ct) =>
        db.CustodyEpisodes.AsNoTracking().Where(e => e.PersonId == personId).OrderBy(e => e.From).ThenBy(e => e.Id)
            .Select(e => new CustodyEpisodeDto(e.Id, e.FacilityId, e.Facility!.Name, e.From, e.To, e.EndReason.ToString()))
            .ToListAsync(ct);

    private static async Task<Results<Ok<List<CustodyEpisodeDto>>, NotFound, ValidationProblem>> Record(
        long personId, CustodyChange body, StaylineDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = await CustodyService.ApplyAsync(db, personId, body, clock.Today(), ct);
        if (errors is null)
        {
            return TypedResults.NotFound();
        }

        if (errors.Count > 0)
        {
            return ApiErrors.Validation(errors);
        }

        return TypedResults.Ok(await Episodes(db, personId, ct));
    }
}

public static class CustodyService
{
    /// <summary>Applies one custody change and saves it; null when the person does not exist.</summary>
    public static async Task<IReadOnlyList<FieldError>?> ApplyAsync(StaylineDbContext db, long personId, CustodyChange change, DateOnly today, CancellationToken ct)
    {
        var person = await db.People.Include(p => p.CustodyEpisodes).FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return null;
        }

        if (change.Action is CustodyAction.Detain or CustodyAction.Transfer)
        {
            if (change.FacilityId is not { } fid)
            {
                return [new FieldError("FacilityId", Sentence.Of($"Choose the facility."))];
            }

            if (!await db.Facilities.AnyAsync(f => f.Id == fid, ct))
            {
                return [new FieldError("FacilityId", Sentence.Of($"Facility {fid} does not exist; add it to the catalogue first."))];
            }
        }

        var errors = change.Action switch
        {
            CustodyAction.Detain => Domain.Custody.CustodyLedger.Detain(person, change.FacilityId!.Value, change.On, today),
            CustodyAction.Transfer => Domain.Custody.CustodyLedger.Transfer(person, change.FacilityId!.Value, change.On, today),
            CustodyAction.Release => Domain.Custody.CustodyLedger.End(person, change.On, Domain.Custody.CustodyEnd.Released, today),
            _ => Domain.Custody.CustodyLedger.End(person, change.On, Domain.Custody.CustodyEnd.Removed, today),
        };
        if (errors.Count == 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }
}
