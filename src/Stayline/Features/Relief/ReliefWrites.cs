using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Matters;
using Stayline.Features.Matters;
using Stayline.Features.Shared;

namespace Stayline.Features.Relief;

/// <summary>Adding and correcting relief claims, shared by the page and the API (audited by the context on save).</summary>
public static class ReliefWrites
{
    public static async Task<(ReliefClaim? Claim, IReadOnlyList<FieldError> Errors)> CreateAsync(StaylineDbContext db, long personId, ReliefClaimInput input,
        DateOnly today, CancellationToken ct)
    {
        if (await MatterLinks.OwnMatterAsync(db, personId, input.MatterId, nameof(input.MatterId), ct) is { } matterError)
        {
            return (null, [matterError]);
        }

        var (claim, errors) = ReliefClaim.Create(personId, input, today);
        if (claim is null)
        {
            return (null, errors);
        }

        db.ReliefClaims.Add(claim);
        await db.SaveChangesAsync(ct);
        return (claim, []);
    }

    public static Task<(ReliefClaim? Claim, IReadOnlyList<FieldError> Errors, int? Conflict)> UpdateAsync(StaylineDbContext db, long id, ReliefClaimInput input,
        int version, DateOnly today, CancellationToken ct) =>
        VersionedUpdate.ApplyAsync<ReliefClaim>(db, id, version, async claim =>
            await MatterLinks.OwnMatterAsync(db, claim.PersonId, input.MatterId, nameof(input.MatterId), ct) is { } matterError
                ? [matterError]
                : claim.Update(input, today), ct);
}
