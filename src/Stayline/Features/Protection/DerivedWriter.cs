using Stayline.Data.Bulk;
using Stayline.Domain.Deadlines;

namespace Stayline.Features.Protection;

/// <summary>Stored forms of derived values shared by the writer, the fingerprints and the comparison.</summary>
internal static class DerivedRows
{
    private static readonly string[] States = [.. Enum.GetValues<DeadlineState>().Select(s => s.ToString())];

    public static string StateText(DeadlineState state) => (uint)state < (uint)States.Length ? States[(int)state] : state.ToString();
}

/// <summary>Turns recompute results into derived rows and writes them (<see cref="DerivedWrite"/>).</summary>
public static class DerivedWriter
{
    /// <summary>Inserts every result into derived tables that hold nothing for these people.</summary>
    internal static async Task WriteAllAsync(BulkTarget target, List<PersonResult> results, DateOnly asOf, CancellationToken ct)
    {
        // SQLite: a run of people with consecutive ids and one result (new people with no facts) is written by one
        // statement per table; the rows between runs one by one, in id order.
        var from = 0;
        foreach (var (start, end) in target.IsSqlite ? SameRuns(results) : [])
        {
            await WriteProtectionAsync(target, results[from..start], asOf, upsert: false, ct);
            await WriteHashesAsync(target, results[from..start], upsert: false, ct);
            var (first, last) = (results[start], results[end - 1]);
            DerivedWrite.WriteSame(target, DerivedWrite.Protection(target), nameof(ProtectionRow.PersonId), ProtectionOf(first, asOf), last.PersonId);
            DerivedWrite.WriteSame(target, DerivedWrite.Hashes(target), nameof(DerivedHashRow.PersonId), HashesOf(first), last.PersonId);
            from = end;
        }

        await WriteProtectionAsync(target, results[from..], asOf, upsert: false, ct);
        await WriteHashesAsync(target, results[from..], upsert: false, ct);
        var rows = new List<(long PersonId, DerivedDeadline Deadline)>();
        foreach (var r in results)
        {
            foreach (var d in r.Deadlines)
            {
                rows.Add((r.PersonId, d));
            }
        }

        await DerivedWrite.WriteAsync(target, DerivedWrite.NewDeadlines(target), upsert: false, rows, (r, _) => Deadline(0, r.PersonId, r.Deadline), ct);
    }

    /// <summary>Writes the differences a comparison found; protection rows before fingerprints, which reference them.</summary>
    internal static async Task WritePlanAsync(BulkTarget target, WritePlan plan, DateOnly asOf, CancellationToken ct)
    {
        await DerivedWrite.DeleteDeadlinesAsync(target, plan.DeadlineDeletes, ct);
        await DerivedWrite.WriteAsync(target, DerivedWrite.Deadlines(target), upsert: true, plan.DeadlineUpdates, (u, _) => Deadline(u.Id, u.PersonId, u.Deadline), ct);
        await DerivedWrite.WriteAsync(target, DerivedWrite.NewDeadlines(target), upsert: false, plan.DeadlineInserts, (r, _) => Deadline(0, r.PersonId, r.Deadline), ct);
        await WriteProtectionAsync(target, plan.Protection, asOf, upsert: true, ct);
        await WriteHashesAsync(target, plan.Hashes, upsert: true, ct);
        // A protection row rewritten holds the earliest open derived deadline; one entered by hand may be earlier.
        await DerivedWrite.RefreshNextDueAsync(target, [.. plan.Protection.Select(r => r.PersonId)], ct);
    }

    private static DeadlineRow Deadline(long id, long personId, DerivedDeadline d) =>
        new(id, personId, d.RuleId, d.OrderKey, d.TriggerDate, d.DueDate, d.PeriodDays, d.Citation, DerivedRows.StateText(d.State), Manual: false);

    /// <summary>Below this many people a run is written row by row (a statement per run would cost more).</summary>
    internal const int SameRunMinimum = 256;

    /// <summary>
    /// Runs [start, end) of at least <see cref="SameRunMinimum"/> results with consecutive person ids, no deadlines
    /// and the same stored rows but the id, so that every person in the id range is in the run.
    /// </summary>
    internal static IEnumerable<(int Start, int End)> SameRuns(List<PersonResult> results)
    {
        var start = 0;
        for (var i = 1; i <= results.Count; i++)
        {
            if (i < results.Count && results[i].PersonId == results[i - 1].PersonId + 1 && results[i].Deadlines.Length == 0 && results[start].Deadlines.Length == 0
                && Same(results[start], results[i]))
            {
                continue;
            }

            if (i - start >= SameRunMinimum && results[start].Deadlines.Length == 0)
            {
                yield return (start, i);
            }

            start = i;
        }
    }

    private static bool Same(PersonResult a, PersonResult b) => a.ProtectionHash == b.ProtectionHash && a.DeadlinesHash == b.DeadlinesHash
        && ProtectionOf(a, default) with { PersonId = 0 } == ProtectionOf(b, default) with { PersonId = 0 };

    private static ProtectionRow ProtectionOf(PersonResult r, DateOnly asOf) =>
        new(r.PersonId, r.State, r.PrimarySource, r.UntilDate, r.UntilEvent, r.EndsWithin7Days, r.Summary, asOf, r.NextDueDate);

    private static DerivedHashRow HashesOf(PersonResult r) => new(r.PersonId, r.ProtectionHash, r.DeadlinesHash);

    private static Task WriteProtectionAsync(BulkTarget target, IReadOnlyList<PersonResult> results, DateOnly asOf, bool upsert, CancellationToken ct) =>
        DerivedWrite.WriteAsync(target, DerivedWrite.Protection(target), upsert, results, (r, _) => ProtectionOf(r, asOf), ct);

    private static Task WriteHashesAsync(BulkTarget target, IReadOnlyList<PersonResult> results, bool upsert, CancellationToken ct) =>
        DerivedWrite.WriteAsync(target, DerivedWrite.Hashes(target), upsert, results, (r, _) => HashesOf(r), ct);
}
