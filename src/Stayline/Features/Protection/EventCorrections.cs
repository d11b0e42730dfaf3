using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Features.Custody;
using Stayline.Features.Shared;

namespace Stayline.Features.Protection;

/// <summary>
/// Undo or correct one recorded event of a person. Each is one SaveChanges: audited (before and after) and the
/// person's protection and deadlines recomputed in the same transaction. Undo is refused while a filing relies on the
/// event; a correction is always possible, and takes the event out of the bulk action that recorded it (so that
/// action can no longer be undone as a whole without losing the correction).
/// </summary>
public static class EventCorrections
{
    public static async Task<UndoOutcome?> UndoAsync(StaylineDbContext db, long personId, long eventId, CancellationToken ct)
    {
        var e = await db.PersonEvents.FirstOrDefaultAsync(x => x.Id == eventId && x.PersonId == personId, ct);
        if (e is null)
        {
            return null;
        }

        var what = $"\"{Labels.Of(e.Kind)}\" on {Display.Date(e.On)}";
        if (e.Kind is PersonEventKind.AFileReceived or PersonEventKind.RecordOfProceedingsReceived)
        {
            var motion = await db.Matters.AsNoTracking()
                .Where(m => m.PersonId == personId && m.FiledOn != null && m.FiledOn >= e.On && (m.Kind == MatterKind.MotionToReopenIj || m.Kind == MatterKind.MotionToReopenBia))
                .OrderBy(m => m.FiledOn).Select(m => new { m.Kind, m.FiledOn }).FirstOrDefaultAsync(ct);
            if (motion is not null)
            {
                return new UndoOutcome(false, $"{what} cannot be undone: the {motion.Kind.DisplayName().ToLowerInvariant()} filed {Display.Date(motion.FiledOn)} "
                    + "counts its deadline from it. Correct the day instead if it was recorded wrongly.");
            }
        }

        db.PersonEvents.Remove(e);
        await db.SaveChangesAsync(ct);
        return new UndoOutcome(true, $"Undone: {what}. Protection and deadlines recomputed.");
    }

    public static async Task<IReadOnlyList<FieldError>?> CorrectAsync(StaylineDbContext db, long personId, long eventId, DateOnly? on, string? description,
        DateOnly today, CancellationToken ct)
    {
        var e = await db.PersonEvents.FirstOrDefaultAsync(x => x.Id == eventId && x.PersonId == personId, ct);
        if (e is null)
        {
            return null;
        }

        var v = new Validation();
        v.Require(on is not null, "On", $"Give the corrected date.");
        v.Require(on is null || on <= today, "On", $"Date {on:yyyy-MM-dd} is in the future.");
        v.Require(description is null || description.Length <= 500, "Description", $"The description is longer than 500 characters.");
        if (!v.IsValid)
        {
            return v.Errors;
        }

        e.Correct(on!.Value, description);
        db.Entry(e).Property(BulkBatch.BatchIdColumn).CurrentValue = null;
        await db.SaveChangesAsync(ct);
        return [];
    }
}
