using System.Data.Common;
using Stayline.Domain.Deadlines;

namespace Stayline.Features.Protection;

/// <summary>A person's stored fingerprints; <see cref="ComputedAsOf"/> only when the caller asked for it.</summary>
internal readonly record struct StoredHash(long PersonId, long ProtectionHash, long DeadlinesHash, DateOnly? ComputedAsOf);

/// <summary>A derived (not manual) deadline row as stored.</summary>
internal readonly record struct StoredDeadline(long Id, long PersonId, string RuleId, long? CourtOrderId, DateOnly? TriggerDate, DateOnly? DueDate, int PeriodDays,
    string Citation, string State)
{
    public bool Matches(DerivedDeadline d) => RuleId == d.RuleId && CourtOrderId == d.OrderKey && TriggerDate == d.TriggerDate && DueDate == d.DueDate
        && PeriodDays == d.PeriodDays && Citation == d.Citation && State == DerivedRows.StateText(d.State);
}

[Flags]
internal enum Change
{
    None = 0,
    /// <summary>Upsert the protection row.</summary>
    Protection = 1,
    /// <summary>Compare the deadline rows row by row.</summary>
    Deadlines = 2,
    /// <summary>Upsert the fingerprints.</summary>
    Hashes = 4,
    All = Protection | Deadlines | Hashes,
}

/// <summary>The rows one recompute must write: only what differs from what is stored.</summary>
internal sealed class WritePlan
{
    public void Add(PersonResult result, Change change)
    {
        if (change.HasFlag(Change.Protection))
        {
            Protection.Add(result);
        }

        if (change.HasFlag(Change.Deadlines))
        {
            DeadlinePeople.Add(result);
        }

        if (change.HasFlag(Change.Hashes))
        {
            Hashes.Add(result);
        }
    }

    /// <summary>Protection rows to upsert: changed, new, or (scope recomputes) answering for an earlier day.</summary>
    public List<PersonResult> Protection { get; } = [];

    /// <summary>People whose result changed in any way: their fingerprints are rewritten.</summary>
    public List<PersonResult> Hashes { get; } = [];

    /// <summary>People whose deadline fingerprint differs: their stored deadline rows are compared row by row.</summary>
    public List<PersonResult> DeadlinePeople { get; } = [];

    public List<(long Id, long PersonId, DerivedDeadline Deadline)> DeadlineUpdates { get; } = [];
    public List<(long PersonId, DerivedDeadline Deadline)> DeadlineInserts { get; } = [];
    public List<long> DeadlineDeletes { get; } = [];

    public int DeadlineRows => DeadlineUpdates.Count + DeadlineInserts.Count + DeadlineDeletes.Count;

    /// <summary>
    /// Keeps stored rows equal to a fresh one, turns the rest into updates in place (same rule and order first, so a
    /// deadline that became met or missed keeps its row), and inserts or deletes what is left over.
    /// </summary>
    /// <param name="stored">The stored rows of <see cref="DeadlinePeople"/>, ordered by person like them.</param>
    public void DiffDeadlines(List<StoredDeadline> stored)
    {
        var fresh = new List<DerivedDeadline>();
        var j = 0;
        foreach (var person in DeadlinePeople)
        {
            while (j < stored.Count && stored[j].PersonId < person.PersonId)
            {
                j++;
            }

            var start = j;
            while (j < stored.Count && stored[j].PersonId == person.PersonId)
            {
                j++;
            }

            var old = stored.GetRange(start, j - start);
            var used = new bool[old.Count];
            fresh.Clear();
            foreach (var d in person.Deadlines)
            {
                var same = Find(old, used, s => s.Matches(d));
                if (same >= 0)
                {
                    used[same] = true;
                }
                else
                {
                    fresh.Add(d);
                }
            }

            var paired = new int[fresh.Count];
            for (var i = 0; i < fresh.Count; i++)
            {
                var d = fresh[i];
                paired[i] = Find(old, used, s => s.RuleId == d.RuleId && s.CourtOrderId == d.OrderKey);
                if (paired[i] >= 0)
                {
                    used[paired[i]] = true;
                }
            }

            for (var i = 0; i < fresh.Count; i++)
            {
                if (paired[i] < 0 && (paired[i] = Find(old, used, _ => true)) >= 0)
                {
                    used[paired[i]] = true;
                }

                if (paired[i] >= 0)
                {
                    DeadlineUpdates.Add((old[paired[i]].Id, person.PersonId, fresh[i]));
                }
                else
                {
                    DeadlineInserts.Add((person.PersonId, fresh[i]));
                }
            }

            for (var i = 0; i < old.Count; i++)
            {
                if (!used[i])
                {
                    DeadlineDeletes.Add(old[i].Id);
                }
            }
        }

        static int Find(List<StoredDeadline> rows, bool[] used, Func<StoredDeadline, bool> match)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (!used[i] && match(rows[i]))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}

/// <summary>Reads what a recompute compares its results with: fingerprints first, deadline rows only for people whose deadlines differ.</summary>
internal static class DerivedStore
{
    /// <summary>Fingerprints of the people in the scope, ordered by person.</summary>
    public static async Task<List<StoredHash>> ReadHashesAsync(DbConnection connection, DbTransaction? transaction, PersonScope scope, bool withComputedAsOf,
        CancellationToken ct)
    {
        var sql = withComputedAsOf
            ? "SELECT h.\"PersonId\", h.\"ProtectionHash\", h.\"DeadlinesHash\", p.\"ComputedAsOf\" FROM person_derived_hashes h "
                + $"JOIN person_protection p ON p.\"PersonId\" = h.\"PersonId\" WHERE {scope.Where("h.\"PersonId\"")} ORDER BY h.\"PersonId\""
            : $"SELECT \"PersonId\", \"ProtectionHash\", \"DeadlinesHash\" FROM person_derived_hashes WHERE {scope.Where("\"PersonId\"")} ORDER BY \"PersonId\"";
        var rows = new List<StoredHash>();
        await Rows.ForEachAsync(connection, transaction, scope, sql, r => rows.Add(new StoredHash(r.Int64(0), r.Int64(1), r.Int64(2),
            withComputedAsOf ? r.Date(3) : null)), ct);
        return rows;
    }

    /// <summary>
    /// The stored derived deadlines of <paramref name="people"/> (ordered by person), ordered by person; read with the
    /// scope's own predicate when they are a large part of it, else by id lists.
    /// </summary>
    public static async Task<List<StoredDeadline>> ReadDeadlinesAsync(DbConnection connection, DbTransaction? transaction, PersonScope scope,
        List<PersonResult> people, int scopeSize, CancellationToken ct)
    {
        var wanted = people.Select(p => p.PersonId).ToHashSet();
        var rows = new List<StoredDeadline>(people.Count * 4);
        var strings = new StringCache();
        IEnumerable<PersonScope> reads = people.Count * 4 >= scopeSize
            ? [scope]
            : people.Select(p => p.PersonId).Chunk(PersonScope.MaxIds).Select(PersonScope.Ids);
        foreach (var read in reads)
        {
            await Rows.ForEachAsync(connection, transaction, read,
                "SELECT \"Id\", \"PersonId\", \"RuleId\", \"CourtOrderId\", \"TriggerDate\", \"DueDate\", \"PeriodDays\", \"Citation\", \"State\" "
                + $"FROM person_deadlines WHERE \"Manual\" = FALSE AND {read.Where("\"PersonId\"")} ORDER BY \"PersonId\"",
                r =>
                {
                    var personId = r.Int64(1);
                    if (wanted.Contains(personId))
                    {
                        rows.Add(new StoredDeadline(r.Int64(0), personId, r.String(2, strings), r.IsNull(3) ? null : r.Int64(3), r.NullableDate(4), r.NullableDate(5),
                            r.Int32(6), r.String(7, strings), r.String(8, strings)));
                    }
                }, ct);
        }

        return rows;
    }

    /// <summary>What must be written for one person, given their stored fingerprints (null: nothing stored).</summary>
    /// <param name="refreshBefore">Scope recomputes: rewrite a protection row computed before this day even when unchanged.</param>
    public static Change Compare(PersonResult r, StoredHash? stored, DateOnly? refreshBefore)
    {
        if (stored is not { } s)
        {
            return Change.All;
        }

        var change = Change.None;
        if (s.ProtectionHash != r.ProtectionHash)
        {
            change |= Change.Protection | Change.Hashes;
        }

        if (s.DeadlinesHash != r.DeadlinesHash)
        {
            change |= Change.Deadlines | Change.Hashes;
        }

        if (refreshBefore is { } day && s.ComputedAsOf < day)
        {
            change |= Change.Protection;
        }

        return change;
    }
}
