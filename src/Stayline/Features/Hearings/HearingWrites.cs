using Microsoft.EntityFrameworkCore;
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

        if (await SameHearingAsync(db, hearing, ct) is { } same)
        {
            return (null, [same]);
        }

        db.Hearings.Add(hearing);
        await db.SaveChangesAsync(ct);
        return (hearing, []);
    }

    /// <returns>The hearing (null when it does not exist or the input is refused), the errors, and the current version when someone else changed it first.</returns>
    public static Task<(Hearing? Hearing, IReadOnlyList<FieldError> Errors, int? Conflict)> UpdateAsync(StaylineDbContext db, long id, HearingInput input,
        int version, DateOnly today, CancellationToken ct) =>
        VersionedUpdate.ApplyAsync<Hearing>(db, id, version, async hearing =>
        {
            if (await MatterErrorAsync(db, hearing.PersonId, input.MatterId, ct) is { } matterError)
            {
                return [matterError];
            }

            var errors = hearing.Update(input, today);
            return errors.Count == 0 && await SameHearingAsync(db, hearing, ct) is { } same ? [same] : errors;
        }, ct);

    /// <summary>
    /// The person's other hearing of the same kind on the same day and at the same time (both without a time counts as
    /// the same), named so the user can open it: saving a second one would put one hearing twice on the calendar and in
    /// every reminder. Not a unique index: a time left blank on one and set on the other is not refused, and two saves
    /// at the same instant can still both pass.
    /// </summary>
    private static async Task<FieldError?> SameHearingAsync(StaylineDbContext db, Hearing hearing, CancellationToken ct)
    {
        var other = await db.Hearings.AsNoTracking()
            .Where(h => h.PersonId == hearing.PersonId && h.Kind == hearing.Kind && h.On == hearing.On && h.At == hearing.At && h.Id != hearing.Id)
            .OrderBy(h => h.Id).Select(h => new { h.Id, h.Court }).FirstOrDefaultAsync(ct);
        if (other is null)
        {
            return null;
        }

        var sentence = hearing.At is { } at
            ? Sentence.Of($"This hearing is already recorded: {Sentences.Label(hearing.Kind)} on {hearing.On:yyyy-MM-dd} at {at.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)}, {other.Court} (hearing {other.Id}). Edit that one instead of saving it twice.")
            : Sentence.Of($"This hearing is already recorded: {Sentences.Label(hearing.Kind)} on {hearing.On:yyyy-MM-dd}, {other.Court} (hearing {other.Id}). Edit that one instead of saving it twice.");
        return new FieldError(nameof(HearingInput.On), sentence);
    }

    private static Task<FieldError?> MatterErrorAsync(StaylineDbContext db, long personId, long? matterId, CancellationToken ct) =>
        Matters.MatterLinks.OwnMatterAsync(db, personId, matterId, nameof(HearingInput.MatterId), ct);
}
