using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Classes;
using Stayline.Domain.Common;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.Work;
using Stayline.Features.Custody;

namespace Stayline.Features.Bulk;

/// <summary>
/// Undoes a bulk action in one transaction: removes the events, assignments or class memberships it wrote, or takes
/// back its detentions and transfers. Refuses, naming what, when later work depends on it: a row of the batch
/// corrected or removed since, a motion filed counting from a recorded receipt, a document drafted since, notes
/// written by the assigned attorney, a later custody change or an acknowledged transfer alert.
/// </summary>
public sealed class BulkUndo(StaylineDbContext db, TimeProvider clock, AuditActor actor)
{
    /// <summary>Who may undo a batch: the coordinating attorney any; others only their own, of the kinds they may apply.</summary>
    public static bool MayUndo(BulkBatch batch, AuditActor who, bool isAdmin) =>
        isAdmin || batch.UserId is not null && batch.UserId == who.UserId && batch.Kind is BulkBatchKind.RecordEvent or BulkBatchKind.Transfer;

    public async Task<UndoOutcome> UndoAsync(long batchId, CancellationToken ct = default)
    {
        // The check runs inside the transaction that deletes: work added between a check and the delete would otherwise be lost.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var batch = await db.BulkBatches.FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null)
        {
            return new UndoOutcome(false, Sentence.Of($"There is no bulk action {batchId}."));
        }

        if (batch.UndoneAt is not null)
        {
            return new UndoOutcome(false, Sentence.Of($"\"{BulkBatches.Said(batch)}\" was already undone on {batch.UndoneAt:yyyy-MM-dd HH:mm} by {batch.UndoneBy}."));
        }

        var blockers = await DependentsAsync(batch, ct);
        if (blockers.Count > 0)
        {
            var later = blockers.Aggregate((a, b) => Sentence.Of($"{a}; {b}"));
            return new UndoOutcome(false, Sentence.Of(
                $"\"{BulkBatches.Said(batch)}\" cannot be undone: later work depends on it: {later}. Undo or correct those first, or correct the people one by one on their pages."));
        }

        var removed = batch.Kind switch
        {
            BulkBatchKind.RecordEvent => Remove(db.PersonEvents, await db.PersonEvents.Where(BulkBatches.Of<PersonEvent>(batchId)).ToListAsync(ct)),
            BulkBatchKind.AssignAttorney => Remove(db.Assignments, await db.Assignments.Where(BulkBatches.Of<Assignment>(batchId)).ToListAsync(ct)),
            BulkBatchKind.AddToClass => Remove(db.ClassMemberships, await db.ClassMemberships.Where(BulkBatches.Of<ClassMembership>(batchId)).ToListAsync(ct)),
            _ => await UndoTransfersAsync(batch, ct),
        };
        var now = clock.GetUtcNow();
        batch.UndoneAt = now;
        batch.UndoneBy = actor.UserName;
        db.AuditEvents.Add(new AuditEvent(now, actor.UserId, actor.UserName, "undo", nameof(BulkBatch), batchId.ToString(CultureInfo.InvariantCulture),
            null, null, JsonSerializer.Serialize(new { batch.Description, kind = batch.Kind.ToString(), removed })));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new UndoOutcome(true, Sentence.Of($"Undone: \"{BulkBatches.Said(batch)}\" ({removed:N0} people)."));
    }

    private static int Remove<T>(DbSet<T> set, List<T> rows)
        where T : class
    {
        set.RemoveRange(rows);
        return rows.Count;
    }

    private async Task<int> UndoTransfersAsync(BulkBatch batch, CancellationToken ct)
    {
        var before = batch.Before is null ? [] : JsonSerializer.Deserialize<Dictionary<long, PersonCustodyBefore>>(batch.Before)!;
        var started = await db.CustodyEpisodes.Where(BulkBatches.Of<CustodyEpisode>(batch.Id)).Select(e => e.PersonId).ToListAsync(ct);
        var n = 0;
        foreach (var chunk in started.Chunk(500))
        {
            var people = await db.People.Include(p => p.CustodyEpisodes).Where(p => chunk.Contains(p.Id)).ToListAsync(ct);
            foreach (var person in people)
            {
                var episode = person.CustodyEpisodes.First(e => db.Entry(e).Property<long?>(BulkBatch.BatchIdColumn).CurrentValue == batch.Id);
                var reopen = person.CustodyEpisodes.FirstOrDefault(e => db.Entry(e).Property<long?>(BulkBatch.EndedByBatchColumn).CurrentValue == batch.Id);
                await CustodyUndo.RemoveStartAsync(db, person, episode, reopen,
                    before.GetValueOrDefault(person.Id) ?? new PersonCustodyBefore(Domain.People.CustodyStatus.Unknown, null), ct);
                n++;
            }
        }

        return n;
    }

    private async Task<List<Sentence>> DependentsAsync(BulkBatch batch, CancellationToken ct)
    {
        var id = batch.Id;
        var blockers = new List<Sentence>();
        void Add(int n, Sentence what)
        {
            if (n > 0)
            {
                blockers.Add(Sentence.Of($"{n:N0} {what}"));
            }
        }

        IQueryable<long> people;
        int present;
        switch (batch.Kind)
        {
            case BulkBatchKind.RecordEvent:
                var events = db.PersonEvents.Where(BulkBatches.Of<PersonEvent>(id));
                people = events.Select(e => e.PersonId);
                present = await events.CountAsync(ct);
                // The class order's motion period counts from the receipts: a motion filed since relies on the recorded day.
                Add(await events.Where(e => e.Kind == PersonEventKind.AFileReceived || e.Kind == PersonEventKind.RecordOfProceedingsReceived)
                    .Where(e => db.Matters.Any(m => m.PersonId == e.PersonId && m.FiledOn != null && m.FiledOn >= e.On
                        && (m.Kind == MatterKind.MotionToReopenIj || m.Kind == MatterKind.MotionToReopenBia)))
                    .Select(e => e.PersonId).Distinct().CountAsync(ct), Sentence.Of($"people have a motion to reopen filed on or after the recorded day (its deadline counts from it)"));
                break;
            case BulkBatchKind.AssignAttorney:
                var assignments = db.Assignments.Where(BulkBatches.Of<Assignment>(id));
                people = assignments.Select(a => a.PersonId);
                present = await assignments.CountAsync(ct);
                Add(await assignments.CountAsync(a => a.To != null, ct), Sentence.Of($"assignments were ended since"));
                Add(await db.Notes.Where(n => n.CreatedAt >= batch.At && assignments.Any(a => a.PersonId == n.PersonId && a.UserId == n.AuthorId))
                    .Select(n => n.PersonId).Distinct().CountAsync(ct), Sentence.Of($"people have notes written since by the assigned attorney"));
                break;
            case BulkBatchKind.AddToClass:
                var memberships = db.ClassMemberships.Where(BulkBatches.Of<ClassMembership>(id));
                people = memberships.Select(m => m.PersonId);
                present = await memberships.CountAsync(ct);
                break;
            default:
                var episodes = db.CustodyEpisodes.Where(BulkBatches.Of<CustodyEpisode>(id));
                people = episodes.Select(e => e.PersonId);
                present = await episodes.CountAsync(ct);
                Add(await episodes.CountAsync(e => e.To != null, ct), Sentence.Of($"people were moved, released or removed since"));
                if (await CustodyUndo.AcknowledgedAlertAsync(db, await episodes.Select(e => e.Id).ToListAsync(ct), ct) is { } ack)
                {
                    blockers.Add(ack);
                }

                break;
        }

        Add(batch.People - present, Sentence.Of($"of its changes were corrected, undone one by one or merged away since"));
        if (batch.Kind != BulkBatchKind.AssignAttorney)
        {
            Add(await db.GeneratedDocuments.Where(d => d.CreatedAt >= batch.At && people.Contains(d.PersonId)).Select(d => d.PersonId).Distinct().CountAsync(ct),
                Sentence.Of($"people have documents drafted since (they may state it)"));
        }

        return blockers;
    }
}
