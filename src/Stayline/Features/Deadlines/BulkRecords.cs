using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Custody;
using Stayline.Domain.People;
using Stayline.Infrastructure;

namespace Stayline.Features.Deadlines;

/// <summary>One pasted line: the person it matched, or why it matched no one (<see cref="Problem"/>, said in the reader's
/// language on the page; <see cref="Error"/> is its English text, for the API).</summary>
public sealed record BulkLine(int Line, string Text, long? PersonId, string? Name, string? ANumberDisplay, bool AlreadyRecorded,
    [property: System.Text.Json.Serialization.JsonIgnore] Sentence? Problem)
{
    /// <summary>A line read back from the API's JSON: its problem is the English text as sent.</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    public BulkLine(int line, string text, long? personId, string? name, string? aNumberDisplay, bool alreadyRecorded, string? error)
        : this(line, text, personId, name, aNumberDisplay, alreadyRecorded, error is null ? null : Sentence.Verbatim(error))
    {
    }

    public string? Error => Problem?.ToString();
}

public sealed record BulkResult(int Recorded, IReadOnlyList<BulkLine> Lines)
{
    /// <summary>The bulk action that recorded them (undone from the Bulk page's list of recent actions).</summary>
    public long? BatchId { get; init; }

    public bool HasErrors => Lines.Any(l => l.Error is not null);
}

/// <summary>
/// "A-file received" or "record of proceedings received" on one date for a pasted list of A-numbers (the
/// government produces files in batches). Preview first; apply is all or nothing: one bad line applies nothing.
/// All events go in one SaveChanges, so one transaction records them, audits each, and recomputes everyone.
/// </summary>
public static class BulkRecords
{
    public const int MaxLines = 100_000;

    public static readonly PersonEventKind[] Kinds = [PersonEventKind.AFileReceived, PersonEventKind.RecordOfProceedingsReceived];

    public static async Task<IReadOnlyList<BulkLine>> PreviewAsync(StaylineDbContext db, string? text, PersonEventKind kind, DateOnly? on, CancellationToken ct)
    {
        var parsed = new List<(int Line, string Text, string? Digits, Sentence? Error)>();
        var lines = (text ?? "").Split('\n');
        for (var i = 0; i < lines.Length && parsed.Count <= MaxLines; i++)
        {
            var t = lines[i].Trim();
            if (t.Length == 0)
            {
                continue;
            }

            parsed.Add(ANumber.TryParse(t, out var a, out var error) ? (i + 1, t, a.Value.Digits, null) : (i + 1, t, null, error));
        }

        var digits = parsed.Where(p => p.Digits is not null).Select(p => p.Digits!).Distinct().ToList();
        var people = new Dictionary<string, (long Id, string Name)>(StringComparer.Ordinal);
        foreach (var chunk in digits.Chunk(1_000))
        {
            var found = await db.People.AsNoTracking().Where(p => chunk.Contains(p.ANumber!))
                .Select(p => new { p.ANumber, p.Id, p.GivenName, p.FamilyName }).ToListAsync(ct);
            foreach (var f in found)
            {
                people[f.ANumber!] = (f.Id, $"{f.GivenName} {f.FamilyName}".Trim());
            }
        }

        var already = new HashSet<long>();
        if (on is { } day)
        {
            var ids = people.Values.Select(p => p.Id).ToList();
            foreach (var chunk in ids.Chunk(1_000))
            {
                already.UnionWith(await db.PersonEvents.AsNoTracking().Where(e => chunk.Contains(e.PersonId) && e.Kind == kind && e.On == day)
                    .Select(e => e.PersonId).ToListAsync(ct));
            }
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<BulkLine>(parsed.Count);
        foreach (var (line, t, d, error) in parsed)
        {
            if (d is null)
            {
                result.Add(new BulkLine(line, t, null, null, null, false, error));
            }
            else if (seen.TryGetValue(d, out var first))
            {
                result.Add(new BulkLine(line, t, null, null, ANumber.FromStored(d).Display, false, Sentence.Of($"listed twice (first on line {first})")));
            }
            else if (!people.TryGetValue(d, out var p))
            {
                seen[d] = line;
                result.Add(new BulkLine(line, t, null, null, ANumber.FromStored(d).Display, false, Sentence.Of($"no person with this A-number")));
            }
            else
            {
                seen[d] = line;
                result.Add(new BulkLine(line, t, p.Id, p.Name, ANumber.FromStored(d).Display, already.Contains(p.Id), (Sentence?)null));
            }
        }

        return result;
    }

    public static async Task<BulkResult> ApplyAsync(StaylineDbContext db, string? text, PersonEventKind kind, DateOnly? on, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var lines = await PreviewAsync(db, text, kind, on, ct);
        var dateError = on is null ? Sentence.Of($"Give the date the files were received.")
            : on > today ? Sentence.Of($"Date {on:yyyy-MM-dd} is in the future.")
            : !Kinds.Contains(kind) ? Sentence.Of($"Only {Shared.Sentences.Label(Kinds[0])} and {Shared.Sentences.Label(Kinds[1])} can be recorded in bulk.")
            : lines.Count == 0 ? Sentence.Of($"Paste at least one A-number.")
            : lines.Count > MaxLines ? Sentence.Of($"At most {MaxLines:N0} lines at once.")
            : null;
        if (dateError is not null)
        {
            return new BulkResult(0, [new BulkLine(0, "", null, null, null, false, dateError), .. lines]);
        }

        if (lines.Any(l => l.Error is not null))
        {
            return new BulkResult(0, lines);
        }

        var description = kind == PersonEventKind.AFileReceived ? "A-file received (recorded in bulk)" : "Record of proceedings received (recorded in bulk)";
        var added = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var batch = await Bulk.BulkBatches.BeginAsync(db, BulkBatchKind.RecordEvent, clock.GetUtcNow(), ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var l in lines.Where(l => !l.AlreadyRecorded))
        {
            db.PersonEvents.Add(new PersonEvent(l.PersonId!.Value, kind, on!.Value, description));
            added++;
        }

        db.ChangeTracker.DetectChanges();
        if (added == 0)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new BulkResult(0, lines);
        }

        Bulk.BulkBatches.Stamp(db, batch);
        batch.Description = $"{description}: {on:yyyy-MM-dd}";
        batch.People = added;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new BulkResult(added, lines) { BatchId = batch.Id };
    }
}
