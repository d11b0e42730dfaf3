using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Classes;
using Stayline.Domain.Common;
using Stayline.Domain.Custody;
using Stayline.Domain.Work;

namespace Stayline.Features.Bulk;

/// <summary>
/// The batch a bulk action writes under. Begin it inside the action's transaction (it needs its id before the rows
/// are saved), let the action add its rows, then <see cref="Stamp"/> them: every added event, assignment, class
/// membership and custody episode gets the batch id, and every episode a transfer ended gets it as its ender.
/// </summary>
public static class BulkBatches
{
    public static async Task<BulkBatch> BeginAsync(StaylineDbContext db, BulkBatchKind kind, DateTimeOffset now, CancellationToken ct)
    {
        var actor = db.CurrentActor;
        var batch = new BulkBatch { Kind = kind, At = now, UserId = actor.UserId, UserName = actor.UserName };
        db.BulkBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        return batch;
    }

    /// <summary>What the batch did, as a sentence said in the reader's language; a batch written before the sentence was kept
    /// says its stored English description.</summary>
    public static Sentence Said(BulkBatch batch) => batch.Sentence is { } json ? Sentence.FromJson(json) : Sentence.Verbatim(batch.Description);

    /// <summary>Keeps what the batch did: the English description (at most 400 characters) and the sentence it says.</summary>
    public static void Describe(BulkBatch batch, Sentence described)
    {
        var text = described.ToString();
        batch.Description = text.Length > 400 ? text[..400] : text;
        batch.Sentence = described.Format == "{0}" ? null : described.ToJson();
    }

    public static void Stamp(StaylineDbContext db, BulkBatch batch)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Added && entry.Entity is PersonEvent or Assignment or ClassMembership or CustodyEpisode)
            {
                entry.Property(BulkBatch.BatchIdColumn).CurrentValue = batch.Id;
            }
            else if (entry.State == EntityState.Modified && entry.Entity is CustodyEpisode)
            {
                entry.Property(BulkBatch.EndedByBatchColumn).CurrentValue = batch.Id;
            }
        }
    }

    /// <summary>Rows of a batch, for queries: <c>db.PersonEvents.Where(BulkBatches.Of&lt;PersonEvent&gt;(id))</c>.</summary>
    public static System.Linq.Expressions.Expression<Func<T, bool>> Of<T>(long batchId) =>
        x => EF.Property<long?>(x!, BulkBatch.BatchIdColumn) == batchId;
}
