using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Custody;
using Stayline.Domain.Records;
using Stayline.Features.Shared;

namespace Stayline.Features.Records;

/// <summary>
/// Adding, correcting and removing records requests, shared by the page and the API. A request produced in full keeps one
/// receipt event (A-file or record of proceedings received, pointing back to the request) in step with it, in the same
/// transaction, so that the class motion clock and every other reader of receipts sees the production day.
/// </summary>
public static class RecordsWrites
{
    public static async Task<(RecordsRequest? Request, IReadOnlyList<FieldError> Errors)> CreateAsync(StaylineDbContext db, long personId,
        RecordsRequestInput input, DateOnly today, CancellationToken ct)
    {
        var (request, errors) = RecordsRequest.Create(personId, input, today);
        if (request is null)
        {
            return (null, errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.RecordsRequests.Add(request);
        await db.SaveChangesAsync(ct);
        if (await SyncReceiptAsync(db, request, ct))
        {
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return (request, []);
    }

    /// <returns>The request (null when it does not exist or the input is refused), the errors, and the current version when someone else changed it first.</returns>
    public static Task<(RecordsRequest? Request, IReadOnlyList<FieldError> Errors, int? Conflict)> UpdateAsync(StaylineDbContext db, long id,
        RecordsRequestInput input, int version, DateOnly today, CancellationToken ct) =>
        VersionedUpdate.ApplyAsync<RecordsRequest>(db, id, version, async request =>
        {
            var errors = request.Update(input, today);
            if (errors.Count == 0)
            {
                await SyncReceiptAsync(db, request, ct);
            }

            return errors;
        }, ct);

    /// <summary>Removes a request entered by mistake, and the receipt it recorded (both audited).</summary>
    public static async Task<bool> DeleteAsync(StaylineDbContext db, long id, CancellationToken ct)
    {
        var request = await db.RecordsRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return false;
        }

        db.PersonEvents.RemoveRange(await db.PersonEvents.Where(e => e.RecordsRequestId == id).ToListAsync(ct));
        db.RecordsRequests.Remove(request);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Makes the request's receipt event match what it says now; true when something changed.</summary>
    private static async Task<bool> SyncReceiptAsync(StaylineDbContext db, RecordsRequest request, CancellationToken ct)
    {
        var wanted = request.ReceiptEvent;
        var current = await db.PersonEvents.Where(e => e.RecordsRequestId == request.Id).ToListAsync(ct);
        if (wanted is { } same && current.Count == 1 && current[0].Kind == same.Kind && current[0].On == same.On && current[0].PersonId == request.PersonId)
        {
            return false;
        }

        db.PersonEvents.RemoveRange(current);
        if (wanted is { } w)
        {
            db.PersonEvents.Add(new PersonEvent(request.PersonId, w.Kind, w.On, $"{Labels.Of(request.Kind)} produced by {Labels.Of(request.Agency)}"
                + (request.TrackingNumber is null ? "" : $" ({request.TrackingNumber})") + " (records request)")
            { RecordsRequestId = request.Id });
        }

        return current.Count > 0 || wanted is not null;
    }
}
