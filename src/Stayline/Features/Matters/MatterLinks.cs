using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Matters;

namespace Stayline.Features.Matters;

/// <summary>The decision a filing challenges must be one of the same person's: an id from another file would silently move protection.</summary>
internal static class MatterLinks
{
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
