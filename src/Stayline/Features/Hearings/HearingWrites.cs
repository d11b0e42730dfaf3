using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Matters;

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
    public static async Task<(Hearing? Hearing, IReadOnlyList<FieldError> Errors, int? Conflict)> UpdateAsync(StaylineDbContext db, long id, HearingInput input,
        int version, DateOnly today, CancellationToken ct)
    {
        var hearing = await db.Hearings.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (hearing is null)
        {
            return (null, [], null);
        }

        if (hearing.Version != version)
        {
            return (null, [], hearing.Version);
        }

        if (await MatterErrorAsync(db, hearing.PersonId, input.MatterId, ct) is { } matterError)
        {
            return (null, [matterError], null);
        }

        db.Entry(hearing).Property(h => h.Version).OriginalValue = version;
        var errors = hearing.Update(input, today);
        if (errors.Count > 0)
        {
            return (null, errors, null);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (null, [], await db.Hearings.AsNoTracking().Where(h => h.Id == id).Select(h => h.Version).FirstAsync(ct));
        }

        return (hearing, [], null);
    }

    private static async Task<FieldError?> MatterErrorAsync(StaylineDbContext db, long personId, long? matterId, CancellationToken ct) =>
        matterId is { } mid && !await db.Matters.AnyAsync(m => m.Id == mid && m.PersonId == personId, ct)
            ? new FieldError(nameof(HearingInput.MatterId), $"Matter {mid} is not one of this person's matters.")
            : null;
}
