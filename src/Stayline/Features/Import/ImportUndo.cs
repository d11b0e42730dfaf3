using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.People;
using Stayline.Infrastructure;

namespace Stayline.Features.Import;

public sealed record UndoResult(bool Done, [property: System.Text.Json.Serialization.JsonIgnore] Sentence Said)
{
    /// <summary>A result read back from the API (its message as the English it says).</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    public UndoResult(bool done, string message)
        : this(done, Sentence.Verbatim(message))
    {
    }

    public string Message => Said.ToString();
}

/// <summary>
/// Undoes an import in one transaction: removes the people it created (with their tokens and custody) and
/// restores the people it updated from the recorded before-values. Refuses when anything recorded since
/// builds on the import (a later edit, a matter, a note, a merge...), because undo would lose that work.
/// </summary>
public sealed class ImportUndo(StaylineDbContext db, TimeProvider clock, AuditActor actor)
{
    public async Task<UndoResult> UndoAsync(long batchId, CancellationToken ct = default)
    {
        var batch = await db.ImportBatches.FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null)
        {
            return new UndoResult(false, Sentence.Of($"There is no import {batchId}."));
        }

        if (batch.UndoneAt is not null)
        {
            return new UndoResult(false, Sentence.Of($"Import {batchId} was already undone on {batch.UndoneAt:yyyy-MM-dd HH:mm} by {batch.UndoneBy}."));
        }

        var runs = await db.ImportCreated.AsNoTracking().Where(r => r.BatchId == batchId).Select(r => new { r.FromId, r.ToId }).ToListAsync(ct);
        var createdPeople = db.People.Where(InRuns(runs.Select(r => (r.FromId, r.ToId))));
        var today = clock.Today();
        db.Database.SetCommandTimeout(PeopleBulkWriter.CopyTimeout);
        // The check runs inside the transaction that deletes: work added between a check and the delete would
        // otherwise go with the imported people through the cascading keys.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var blockers = await DependentsAsync(batch, createdPeople, ct);
        if (blockers.Count > 0)
        {
            var later = string.Join("; ", blockers);
            return new UndoResult(false, Sentence.Of($"Import {batchId} cannot be undone: later work depends on it: {later}."));
        }

        var updates = await db.ImportRows.Where(r => r.BatchId == batchId && r.Action == ImportRowAction.Updated).ToListAsync(ct);
        foreach (var row in updates)
        {
            var person = await db.People.Include(p => p.Aliases).Include(p => p.CustodyEpisodes).FirstAsync(p => p.Id == row.PersonId, ct);
            Restore(db, person, JsonSerializer.Deserialize<ImportBefore>(row.Before!, ImportService.Json)!, today);
        }

        await db.SaveChangesAsync(ct);
        // Created people go with everything hanging on them: custody through the cascading keys, name tokens through
        // the trigger on people (ADR 0003).
        var deleted = await createdPeople.ExecuteDeleteAsync(ct);
        await db.ImportRows.Where(r => r.BatchId == batchId && (r.Action == ImportRowAction.Review || r.Action == ImportRowAction.Held)).ExecuteDeleteAsync(ct);
        var now = clock.GetUtcNow();
        batch.UndoneAt = now;
        batch.UndoneBy = actor.UserName;
        db.AuditEvents.Add(new Domain.Work.AuditEvent(now, actor.UserId, actor.UserName, "undo", nameof(ImportBatch),
            batchId.ToString(CultureInfo.InvariantCulture), null, null, JsonSerializer.Serialize(new { deleted, restored = updates.Count })));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new UndoResult(true, Sentence.Of($"Import {batchId} undone: {deleted:N0} people removed, {updates.Count:N0} restored."));
    }

    /// <summary>Puts a person back as recorded before an import (or a review decision) changed it.</summary>
    internal static void Restore(StaylineDbContext db, Person person, ImportBefore before, DateOnly today)
    {
        person.Update(before.Input, today);
        person.Aliases.RemoveAll(a => before.AddedAliasIds.Contains(a.Id));
        foreach (var e in person.CustodyEpisodes.Where(e => before.AddedEpisodeIds.Contains(e.Id)).ToList())
        {
            db.CustodyEpisodes.Remove(e);
            person.CustodyEpisodes.Remove(e);
        }

        if (person.CustodyEpisodes.FirstOrDefault(e => e.Id == before.ReopenEpisodeId) is { } reopened)
        {
            // The ledger only moves forward; undo is the one place that reopens an episode it ended.
            db.Entry(reopened).Property(e => e.To).CurrentValue = null;
            db.Entry(reopened).Property(e => e.EndReason).CurrentValue = null;
        }

        db.Entry(person).Property(p => p.CustodyStatus).CurrentValue = before.Status;
        db.Entry(person).Property(p => p.CurrentFacilityId).CurrentValue = before.FacilityId;
    }

    /// <summary>"Id in one of the runs", as range conditions on the key (runs are few: usually one).</summary>
    private static Expression<Func<Person, bool>> InRuns(IEnumerable<(long From, long To)> runs)
    {
        var person = Expression.Parameter(typeof(Person), "p");
        var id = Expression.Property(person, nameof(Person.Id));
        Expression? any = null;
        foreach (var (from, to) in runs)
        {
            var run = Expression.AndAlso(Expression.GreaterThanOrEqual(id, Expression.Constant(from)), Expression.LessThanOrEqual(id, Expression.Constant(to)));
            any = any is null ? run : Expression.OrElse(any, run);
        }

        return Expression.Lambda<Func<Person, bool>>(any ?? Expression.Constant(false), person);
    }

    private async Task<List<string>> DependentsAsync(ImportBatch batch, IQueryable<Person> createdPeople, CancellationToken ct)
    {
        var batchId = batch.Id;
        var created = createdPeople.Select(p => p.Id);
        var blockers = new List<string>();
        async Task Check(string what, IQueryable<long> personIds)
        {
            var n = await personIds.Distinct().CountAsync(ct);
            if (n > 0)
            {
                blockers.Add(string.Create(CultureInfo.InvariantCulture, $"{n:N0} {what}"));
            }
        }

        // A created person is stored with version 0; one edited since has a higher one, one merged away is gone.
        var changed = batch.Created - await createdPeople.CountAsync(p => p.Version == 0, ct)
            + await db.ImportRows.Where(r => r.BatchId == batchId && r.Action == ImportRowAction.Updated)
                .Where(r => !db.People.Any(p => p.Id == r.PersonId && p.Version == r.VersionAfter)).Select(r => r.PersonId).Distinct().CountAsync(ct);
        if (changed > 0)
        {
            blockers.Add(string.Create(CultureInfo.InvariantCulture, $"{changed:N0} people were edited since (or merged away)"));
        }

        await Check("new people have aliases added since", db.PersonNames.Where(x => created.Contains(x.PersonId)).Select(x => x.PersonId));
        await Check("new people have matters", db.Matters.Where(x => created.Contains(x.PersonId)).Select(x => x.PersonId));
        await Check("new people have notes", db.Notes.Where(x => created.Contains(x.PersonId)).Select(x => x.PersonId));
        await Check("new people have events", db.PersonEvents.Where(x => created.Contains(x.PersonId)).Select(x => x.PersonId));
        await Check("new people have assignments", db.Assignments.Where(x => created.Contains(x.PersonId)).Select(x => x.PersonId));
        await Check("new people are in a class", db.ClassMemberships.Where(x => created.Contains(x.PersonId)).Select(x => x.PersonId));
        await Check("new people have family contacts", db.FamilyContacts.Where(x => created.Contains(x.PersonId)).Select(x => x.PersonId));
        await Check("new people have removal orders", db.RemovalOrders.Where(x => created.Contains(x.PersonId)).Select(x => x.PersonId));
        await Check("new people have convictions", db.Convictions.Where(x => created.Contains(x.PersonId)).Select(x => x.PersonId));
        await Check("new people have hearings", db.Hearings.Where(x => created.Contains(x.PersonId)).Select(x => x.PersonId));
        await Check("new people have records requests", db.RecordsRequests.Where(x => created.Contains(x.PersonId)).Select(x => x.PersonId));
        await Check("new people have relief claims", db.ReliefClaims.Where(x => created.Contains(x.PersonId)).Select(x => x.PersonId));
        await Check("new people have bond cases", db.BondCases.Where(x => created.Contains(x.PersonId)).Select(x => x.PersonId));
        await Check("new people have drafted documents", db.GeneratedDocuments.Where(x => created.Contains(x.PersonId)).Select(x => x.PersonId));
        await Check("new people have adverse parties", db.AdverseParties.Where(x => created.Contains(x.PersonId)).Select(x => x.PersonId));
        await Check("new people were posted on the case board", db.CasePosts.Where(x => created.Contains(x.PersonId)).Select(x => x.PersonId));
        await Check("new people were shared with another organisation", db.PersonShares.Where(x => created.Contains(x.PersonId)).Select(x => x.PersonId));
        await Check("new people have court orders", db.CourtOrders.Where(x => x.PersonId != null && created.Contains(x.PersonId.Value)).Select(x => x.PersonId!.Value));
        await Check("new people have later custody changes", db.CustodyEpisodes.Where(x => created.Contains(x.PersonId))
            .GroupBy(x => x.PersonId).Where(g => g.Count() > 1).Select(g => g.Key));
        await Check("review rows were decided", db.ImportRows.Where(r => r.BatchId == batchId && r.Action == ImportRowAction.Resolved).Select(r => r.PersonId!.Value));
        return blockers;
    }
}
