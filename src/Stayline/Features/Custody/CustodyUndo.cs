using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Custody;
using Stayline.Domain.People;
using Stayline.Features.Shared;

namespace Stayline.Features.Custody;

public sealed record UndoOutcome(bool Done, [property: System.Text.Json.Serialization.JsonIgnore] Sentence Said)
{
    /// <summary>An outcome told in English only (a page says it as it is; the API reads it back so).</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    public UndoOutcome(bool done, string message)
        : this(done, Sentence.Verbatim(message))
    {
    }

    public string Message => Said.ToString();
}

/// <summary>
/// Takes back a custody change recorded by mistake: the latest one of a person (from the person page), or every
/// detention and transfer of a bulk action. The ledger only moves forward; undo is the one place that reopens
/// an episode it ended. Saved by the caller's SaveChanges, so the change is audited and protection recomputed.
/// </summary>
public static class CustodyUndo
{
    /// <summary>Undoes the person's latest custody change, or says why it cannot be undone. Null: no such person.</summary>
    public static async Task<UndoOutcome?> UndoLatestAsync(StaylineDbContext db, long personId, CancellationToken ct)
    {
        var person = await db.People.Include(p => p.CustodyEpisodes).ThenInclude(e => e.Facility).FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return null;
        }

        var episodes = person.CustodyEpisodes.OrderBy(e => e.From).ThenBy(e => e.Id).ToList();
        if (episodes.Count == 0)
        {
            return new UndoOutcome(false, Sentence.Of($"No custody is recorded for this person: there is nothing to undo."));
        }

        var last = episodes[^1];
        if (await DraftedSinceAsync(db, personId, last, ct) is { } drafted)
        {
            return new UndoOutcome(false, Sentence.Of($"The latest custody change cannot be undone: {drafted}. Delete or redraft what was drafted, then undo."));
        }

        Sentence message;
        if (last.To is { } ended)
        {
            // A release or a removal: a transfer always leaves a later, open episode.
            Reopen(db, last);
            SetCustody(db, person, CustodyStatus.Detained, last.FacilityId);
            message = Sentence.Of($"Undone: {Sentences.Label(last.EndReason!.Value)} on {ended:yyyy-MM-dd}; held at {last.Facility?.Name} again.");
        }
        else
        {
            if (await AcknowledgedAlertAsync(db, [last.Id], ct) is { } ack)
            {
                return new UndoOutcome(false, Sentence.Of($"The custody at {last.Facility?.Name} from {last.From:yyyy-MM-dd} cannot be undone: {ack}."));
            }

            var previous = episodes.Count > 1 ? episodes[^2] : null;
            var reopen = previous is { EndReason: CustodyEnd.Transferred } && previous.To == last.From ? previous : null;
            var fallback = previous?.EndReason == CustodyEnd.Removed ? CustodyStatus.Removed : previous is null ? CustodyStatus.Unknown : CustodyStatus.Released;
            await RemoveStartAsync(db, person, last, reopen, new(fallback, null), ct);
            message = reopen is null
                ? Sentence.Of($"Undone: the detention at {last.Facility?.Name} from {last.From:yyyy-MM-dd}.")
                : Sentence.Of($"Undone: the transfer to {last.Facility?.Name} on {last.From:yyyy-MM-dd}; held at {reopen.Facility?.Name} again.");
        }

        await db.SaveChangesAsync(ct);
        return new UndoOutcome(true, message);
    }

    /// <summary>
    /// Removes an open episode that a detention or transfer started, reopens the episode the transfer ended (if any)
    /// or puts back the custody the person had before a detention, and drops transfer alerts nobody has acted on.
    /// </summary>
    internal static async Task RemoveStartAsync(StaylineDbContext db, Person person, CustodyEpisode started, CustodyEpisode? reopen, PersonCustodyBefore before,
        CancellationToken ct)
    {
        db.CustodyEpisodes.Remove(started);
        person.CustodyEpisodes.Remove(started);
        db.Alerts.RemoveRange(await db.Alerts.Where(a => a.CustodyEpisodeId == started.Id && a.AcknowledgedAt == null).ToListAsync(ct));
        if (reopen is not null)
        {
            Reopen(db, reopen);
            SetCustody(db, person, CustodyStatus.Detained, reopen.FacilityId);
        }
        else
        {
            SetCustody(db, person, before.Status, before.FacilityId);
        }
    }

    /// <summary>"an alert about it was acknowledged by X on D" for the first acknowledged alert on these episodes.</summary>
    internal static async Task<Sentence?> AcknowledgedAlertAsync(StaylineDbContext db, IReadOnlyCollection<long> episodeIds, CancellationToken ct)
    {
        var acknowledged = await db.Alerts.AsNoTracking().Where(a => episodeIds.Contains(a.CustodyEpisodeId) && a.AcknowledgedAt != null)
            .Select(a => new { a.AcknowledgedByName, a.AcknowledgedAt }).ToListAsync(ct);
        return acknowledged.Count switch
        {
            0 => null,
            1 => Sentence.Of($"a transfer alert about it was acknowledged (by {acknowledged[0].AcknowledgedByName})"),
            _ => Sentence.Of($"{acknowledged.Count:N0} transfer alerts about it were acknowledged (first by {acknowledged[0].AcknowledgedByName})"),
        };
    }

    /// <summary>
    /// "N documents were drafted since (the latest: F)" when the person has drafts made at or after the change was
    /// recorded: a petition's caption names the facility and custodian of that day, so undoing the change under it would
    /// leave a document that states what the record no longer says. The change's time is its audit entry; without one
    /// (written by an older version), the start of the day it took effect, the reading that blocks more.
    /// </summary>
    private static async Task<Sentence?> DraftedSinceAsync(StaylineDbContext db, long personId, CustodyEpisode last, CancellationToken ct)
    {
        var entityId = last.Id.ToString(CultureInfo.InvariantCulture);
        var recorded = await db.AuditEvents.AsNoTracking()
            .Where(a => a.EntityType == nameof(CustodyEpisode) && a.EntityId == entityId && a.Action == (last.To == null ? "create" : "update"))
            .OrderByDescending(a => a.Id).Select(a => (DateTimeOffset?)a.At).FirstOrDefaultAsync(ct);
        var since = recorded ?? new DateTimeOffset((last.To ?? last.From).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var drafts = await db.GeneratedDocuments.AsNoTracking().Where(d => d.PersonId == personId && d.CreatedAt >= since)
            .OrderByDescending(d => d.CreatedAt).Select(d => d.FileName).ToListAsync(ct);
        return drafts.Count switch
        {
            0 => null,
            1 => Sentence.Of($"a document was drafted since it was recorded and may state it ({drafts[0]})"),
            _ => Sentence.Of($"{drafts.Count:N0} documents were drafted since it was recorded and may state it (the latest: {drafts[0]})"),
        };
    }

    private static void Reopen(StaylineDbContext db, CustodyEpisode episode)
    {
        db.Entry(episode).Property(e => e.To).CurrentValue = null;
        db.Entry(episode).Property(e => e.EndReason).CurrentValue = null;
        db.Entry(episode).Property(BulkBatch.EndedByBatchColumn).CurrentValue = null;
    }

    private static void SetCustody(StaylineDbContext db, Person person, CustodyStatus status, long? facilityId)
    {
        db.Entry(person).Property(p => p.CustodyStatus).CurrentValue = status;
        db.Entry(person).Property(p => p.CurrentFacilityId).CurrentValue = facilityId;
    }
}

/// <summary>A person's custody status and facility before a change (what an undo puts back).</summary>
public sealed record PersonCustodyBefore(CustodyStatus Status, long? FacilityId);
