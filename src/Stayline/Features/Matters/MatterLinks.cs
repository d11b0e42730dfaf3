using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Matters;

namespace Stayline.Features.Matters;

/// <summary>Links between a person's records must stay within the person: an id from another file would silently move protection.</summary>
public static class MatterLinks
{
    /// <summary>A record (hearing, relief claim) linked to a proceeding must link to one of the same person's.</summary>
    public static async Task<FieldError?> OwnMatterAsync(StaylineDbContext db, long personId, long? matterId, string field, CancellationToken ct) =>
        matterId is { } mid && !await db.Matters.AnyAsync(m => m.Id == mid && m.PersonId == personId, ct)
            ? new FieldError(field, Sentence.Of($"Matter {mid} is not one of this person's matters."))
            : null;

    public static async Task<IReadOnlyList<FieldError>> CheckAsync(StaylineDbContext db, long personId, long? selfId, MatterInput input, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (input.ChallengesOrderId is { } orderId && !await db.RemovalOrders.AnyAsync(o => o.Id == orderId && o.PersonId == personId, ct))
        {
            errors.Add(new(nameof(MatterInput.ChallengesOrderId), $"Removal order {orderId} is not one of this person's orders."));
        }

        if (input.ChallengesMatterId is { } matterId
            && (matterId == selfId || !await db.Matters.AnyAsync(m => m.Id == matterId && m.PersonId == personId, ct)))
        {
            errors.Add(new(nameof(MatterInput.ChallengesMatterId), matterId == selfId
                ? "A matter cannot challenge itself."
                : $"Matter {matterId} is not one of this person's matters."));
        }

        return errors;
    }
}
