using Stayline.Data.Bulk;
using Stayline.Domain.Deadlines;

namespace Stayline.Features.Protection;

internal static class StoredDeadlines
{
    public static bool Matches(this StoredDeadline s, DerivedDeadline d) => s.RuleId == d.RuleId && s.CourtOrderId == d.OrderKey && s.TriggerDate == d.TriggerDate
        && s.DueDate == d.DueDate && s.PeriodDays == d.PeriodDays && s.Citation == d.Citation && s.State == DerivedRows.StateText(d.State);
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

/// <summary>What a recompute must write for one person, given what is stored (read by <see cref="DerivedRead"/>).</summary>
internal static class DerivedStore
{
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
