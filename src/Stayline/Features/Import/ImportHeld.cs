using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Custody;
using Stayline.Domain.People;
using Stayline.Features.Custody;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.Import;

/// <summary>A row an import held because its facility is not in the catalogue, as the Import page lists it.</summary>
public sealed record HeldRow(long Id, long BatchId, int Row, string Name, string? ANumber, string FacilityName);

/// <summary>
/// Rows held by an import until a facility is chosen: placing one adds the person (or brings the row into the person
/// with its A-number) detained at the chosen facility, in one transaction, audited; the row is then resolved, so the
/// import's undo refuses (the decision depends on it) rather than silently dropping it.
/// </summary>
public sealed class ImportHeld(StaylineDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<HeldRow>> PendingAsync(int max = 200, CancellationToken ct = default)
    {
        var rows = await db.ImportRows.AsNoTracking().Where(r => r.Action == ImportRowAction.Held)
            .Where(r => db.ImportBatches.Any(b => b.Id == r.BatchId && b.UndoneAt == null))
            .OrderBy(r => r.BatchId).ThenBy(r => r.Row).Take(max).ToListAsync(ct);
        return rows.Select(r =>
        {
            var p = JsonSerializer.Deserialize<ReviewPayload>(r.Payload!, ImportService.Json)!;
            return new HeldRow(r.Id, r.BatchId, r.Row, $"{p.Input.GivenName} {p.Input.FamilyName}".Trim(), p.Input.ANumber, p.FacilityName ?? "");
        }).ToList();
    }

    public async Task<UndoOutcome> PlaceAsync(long rowId, long? facilityId, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.ImportRows.FirstOrDefaultAsync(r => r.Id == rowId && r.Action == ImportRowAction.Held, ct);
        if (row is null)
        {
            return new UndoOutcome(false, Sentence.Of($"That row is no longer waiting for a facility (placed already, or its import was undone)."));
        }

        var facility = facilityId is null ? null : await db.Facilities.AsNoTracking().Where(f => f.Id == facilityId).Select(f => f.Name).FirstOrDefaultAsync(ct);
        if (facility is null)
        {
            return new UndoOutcome(false, Sentence.Of($"Choose the facility (add it under Facilities first if it is missing)."));
        }

        var source = await db.ImportBatches.Where(b => b.Id == row.BatchId).Select(b => b.Source).FirstAsync(ct);
        var payload = JsonSerializer.Deserialize<ReviewPayload>(row.Payload!, ImportService.Json)! with { FacilityId = facilityId };
        var imported = payload.ToRow(row.Row);
        var today = clock.Today();
        var digits = imported.ANumberDigits;
        var person = digits is null ? null
            : await db.People.Include(p => p.Aliases).Include(p => p.CustodyEpisodes).FirstOrDefaultAsync(p => p.ANumber == digits, ct);
        if (person is not null)
        {
            var (_, errors) = ImportService.ApplyToPerson(person, imported, source, today);
            if (errors.Count > 0)
            {
                return new UndoOutcome(false, Sentence.Of($"Row {row.Row} not placed: {Sentences.Joined(errors.Select(e => e.Sentence))}"));
            }

            await db.SaveChangesAsync(ct);
        }
        else
        {
            var (created, errors) = Person.Create(payload.Input, today, clock.GetUtcNow());
            if (created is null)
            {
                return new UndoOutcome(false, Sentence.Of($"Row {row.Row} not placed: {Sentences.Joined(errors.Select(e => e.Sentence))}"));
            }

            db.People.Add(created);
            await db.SaveChangesAsync(ct);
            var custody = CustodyLedger.Detain(created, facilityId!.Value, payload.DetainedSince ?? today, today);
            if (custody.Count > 0)
            {
                return new UndoOutcome(false, Sentence.Of($"Row {row.Row} not placed: {Sentences.Joined(custody.Select(e => e.Sentence))}"));
            }

            await db.SaveChangesAsync(ct);
            person = created;
        }

        row.Action = ImportRowAction.Resolved;
        row.PersonId = person.Id;
        row.VersionAfter = person.Version;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new UndoOutcome(true, Sentence.Of($"Row {row.Row} placed: {person.FullName}, held at {facility}."));
    }
}
