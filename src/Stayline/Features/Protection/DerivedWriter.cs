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
        await WriteProtectionAsync(target, results, asOf, upsert: false, ct);
        await WriteHashesAsync(target, results, upsert: false, ct);
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
    }

    private static DeadlineRow Deadline(long id, long personId, DerivedDeadline d) =>
        new(id, personId, d.RuleId, d.OrderKey, d.TriggerDate, d.DueDate, d.PeriodDays, d.Citation, DerivedRows.StateText(d.State), Manual: false);

    private static Task WriteProtectionAsync(BulkTarget target, IReadOnlyList<PersonResult> results, DateOnly asOf, bool upsert, CancellationToken ct) =>
        DerivedWrite.WriteAsync(target, DerivedWrite.Protection(target), upsert, results, (r, _) =>
            new ProtectionRow(r.PersonId, r.State, r.PrimarySource, r.UntilDate, r.UntilEvent, r.EndsWithin7Days, r.Summary, asOf), ct);

    private static Task WriteHashesAsync(BulkTarget target, IReadOnlyList<PersonResult> results, bool upsert, CancellationToken ct) =>
        DerivedWrite.WriteAsync(target, DerivedWrite.Hashes(target), upsert, results, (r, _) => new DerivedHashRow(r.PersonId, r.ProtectionHash, r.DeadlinesHash), ct);
}
