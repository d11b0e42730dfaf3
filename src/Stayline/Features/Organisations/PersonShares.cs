using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Organisations;

namespace Stayline.Features.Organisations;

/// <summary>An organisation a person is shared with, as the person page and the API show it.</summary>
public sealed record ShareDto(long OrganisationId, string Organisation, string SharedBy, DateTimeOffset SharedAt);

/// <summary>What a client sends to share a person: the organisation's id or its name.</summary>
public sealed record ShareWrite(long? OrganisationId, string? Organisation);

public enum ShareOutcome
{
    Done,
    NotFound,
    Forbidden,
    Invalid,
}

/// <summary>
/// Sharing a person with another organisation (and ending it). Only a reader who may see the person can, and only
/// for their own organisation's clients (or anyone's, for a reader who sees all): a partner that was shared a
/// person cannot pass them on. The save audits each share and unshare (who, when, which person, which organisation).
/// </summary>
public static class PersonShares
{
    public static async Task<List<ShareDto>> ListAsync(StaylineDbContext db, long personId, CancellationToken ct) =>
        await db.PersonShares.AsNoTracking().Where(s => s.PersonId == personId)
            .Join(db.Organisations, s => s.OrganisationId, o => o.Id, (s, o) => new { s, o }).OrderBy(x => x.o.Name)
            .Select(x => new ShareDto(x.o.Id, x.o.Name, x.s.SharedByName, x.s.SharedAt)).ToListAsync(ct);

    public static async Task<(ShareOutcome Outcome, Sentence? Message)> ShareAsync(StaylineDbContext db, long personId, ShareWrite what, AuditActor actor,
        DateTimeOffset now, CancellationToken ct)
    {
        var (outcome, message, ownerId) = await MayChangeAsync(db, personId, ct);
        if (outcome != ShareOutcome.Done)
        {
            return (outcome, message);
        }

        var organisation = what.OrganisationId is { } id
            ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct)
            : (await db.Organisations.AsNoTracking().ToListAsync(ct)).FirstOrDefault(o => string.Equals(o.Name, what.Organisation?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (organisation is null)
        {
            return (ShareOutcome.Invalid, what.OrganisationId is { } missing
                ? Sentence.Of($"There is no organisation with id {missing}.")
                : Sentence.Of($"There is no organisation named \"{what.Organisation}\"."));
        }

        if (organisation.Id == ownerId)
        {
            return (ShareOutcome.Invalid, Sentence.Of($"{organisation.Name} is the person's own organisation."));
        }

        if (await db.PersonShares.AnyAsync(s => s.PersonId == personId && s.OrganisationId == organisation.Id, ct))
        {
            return (ShareOutcome.Done, Sentence.Of($"Already shared with {organisation.Name}."));
        }

        db.PersonShares.Add(new PersonShare(personId, organisation.Id, actor.UserId, actor.UserName, now));
        await db.SaveChangesAsync(ct);
        return (ShareOutcome.Done, Sentence.Of($"Shared with {organisation.Name}."));
    }

    public static async Task<(ShareOutcome Outcome, Sentence? Message)> UnshareAsync(StaylineDbContext db, long personId, long organisationId, CancellationToken ct)
    {
        var (outcome, message, _) = await MayChangeAsync(db, personId, ct);
        if (outcome != ShareOutcome.Done)
        {
            return (outcome, message);
        }

        var share = await db.PersonShares.FirstOrDefaultAsync(s => s.PersonId == personId && s.OrganisationId == organisationId, ct);
        if (share is null)
        {
            return (ShareOutcome.NotFound, Sentence.Of($"The person is not shared with that organisation."));
        }

        db.PersonShares.Remove(share);
        await db.SaveChangesAsync(ct);
        return (ShareOutcome.Done, Sentence.Of($"Sharing ended."));
    }

    /// <summary>Found through the visibility filter (so an invisible person is not found), and owned by the reader's organisation.</summary>
    private static async Task<(ShareOutcome, Sentence?, long Owner)> MayChangeAsync(StaylineDbContext db, long personId, CancellationToken ct)
    {
        var owner = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => (long?)p.OrganisationId).FirstOrDefaultAsync(ct);
        if (owner is null)
        {
            return (ShareOutcome.NotFound, null, 0);
        }

        return db.Visibility.ActsFor(owner.Value)
            ? (ShareOutcome.Done, null, owner.Value)
            : (ShareOutcome.Forbidden, Sentence.Of($"Only the person's own organisation shares them."), owner.Value);
    }

    public static RouteGroupBuilder MapSharesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/people/{personId:long}/shares").WithTags("People").RequireAuthorization(Permissions.EditPeople);
        group.MapPost("/", Share);
        group.MapDelete("/{organisationId:long}", Unshare);
        return group;
    }

    private static async Task<Results<Ok<List<ShareDto>>, NotFound, ProblemHttpResult>> Share(long personId, ShareWrite body, StaylineDbContext db,
        AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var (outcome, message) = await ShareAsync(db, personId, body, actor, clock.GetUtcNow(), ct);
        return outcome switch
        {
            ShareOutcome.Done => TypedResults.Ok(await ListAsync(db, personId, ct)),
            ShareOutcome.NotFound => TypedResults.NotFound(),
            ShareOutcome.Forbidden => TypedResults.Problem(message?.ToString(), statusCode: StatusCodes.Status403Forbidden),
            _ => TypedResults.Problem(message?.ToString(), statusCode: StatusCodes.Status400BadRequest),
        };
    }

    private static async Task<Results<Ok<List<ShareDto>>, NotFound, ProblemHttpResult>> Unshare(long personId, long organisationId, StaylineDbContext db,
        CancellationToken ct)
    {
        var (outcome, message) = await UnshareAsync(db, personId, organisationId, ct);
        return outcome switch
        {
            ShareOutcome.Done => TypedResults.Ok(await ListAsync(db, personId, ct)),
            ShareOutcome.NotFound => TypedResults.NotFound(),
            ShareOutcome.Forbidden => TypedResults.Problem(message?.ToString(), statusCode: StatusCodes.Status403Forbidden),
            _ => TypedResults.Problem(message?.ToString(), statusCode: StatusCodes.Status400BadRequest),
        };
    }
}
