using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Matters;
using Stayline.Features.Shared;

namespace Stayline.Features.Hearings;

/// <summary>Adding and correcting hearings, shared by the page and the API (audited by the context on save).</summary>
public static class HearingWrites
{
    public static async Task<(Hearing? Hearing, IReadOnlyList<FieldError> Errors)> CreateAsync(StaylineDbContext db, long personId, HearingInput input,
        DateOnly today, CancellationToken ct)
    {
        if (await MatterErrorAsync(db, personId, input.MatterId, ct) is { } matterError)
        {
            return (null, [matterError]);
        }

        var (hearing, errors) = Hearing.Create(personId, input, today);
        if (hearing is null)
        {
            return (null, errors);
        }

        db.Hearings.Add(hearing);
        await db.SaveChangesAsync(ct);
        return (hearing, []);
    }

    /// <returns>The hearing (null when it does not exist or the input is refused), the errors, and the current version when someone else changed it first.</returns>
    public static Task<(Hearing? Hearing, IReadOnlyList<FieldError> Errors, int? Conflict)> UpdateAsync(StaylineDbContext db, long id, HearingInput input,
        int version, DateOnly today, CancellationToken ct) =>
        VersionedUpdate.ApplyAsync<Hearing>(db, id, version, async hearing =>
            await MatterErrorAsync(db, hearing.PersonId, input.MatterId, ct) is { } matterError ? [matterError] : hearing.Update(input, today), ct);

    private static Task<FieldError?> MatterErrorAsync(StaylineDbContext db, long personId, long? matterId, CancellationToken ct) =>
        Matters.MatterLinks.OwnMatterAsync(db, personId, matterId, nameof(HearingInput.MatterId), ct);
}
