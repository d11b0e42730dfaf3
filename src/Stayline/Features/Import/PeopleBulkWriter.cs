using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Data.Bulk;
using Stayline.Domain.People;

namespace Stayline.Features.Import;

/// <summary>
/// A new person as the bulk writer takes it: the entity built from the row (so its rules and clean-ups apply), and
/// the custody episode to open when the row names a facility.
/// </summary>
internal sealed record NewPerson(Person Person, long? FacilityId, DateOnly DetainedSince);

/// <summary>
/// Writes many new people in the caller's transaction without the change tracker (the table writers of
/// <see cref="PeopleWrite"/>: prepared one-row INSERTs on SQLite, binary COPY on PostgreSQL). Also writes their name
/// tokens (the search index) and their custody episode. Ids are reserved up front so the rows can refer to each
/// other; the runs of consecutive ids it used are returned for the batch to record (undo removes exactly those people).
/// </summary>
public static class PeopleBulkWriter
{
    /// <summary>
    /// Writes <paramref name="count"/> people given in slices: each slice's name tokens are computed and put in key
    /// order on their own, so memory holds one slice, not the whole import. Whether indexes are rebuilt is decided
    /// once for the whole count.
    /// </summary>
    /// <param name="organisationId">The organisation the new people are clients of (the importing user's).</param>
    internal static async Task<IReadOnlyList<(long From, long To)>> WriteAsync(StaylineDbContext db, int count, IEnumerable<IReadOnlyList<NewPerson>> slices,
        DateTimeOffset now, int bulkMinimum, Action<int>? progress, CancellationToken ct, long organisationId, PhaseClock? timings = null)
    {
        if (count == 0)
        {
            return [];
        }

        var target = BulkTarget.Of(db);
        if (target.Transaction is null)
        {
            throw new InvalidOperationException("The bulk writer runs inside the import's transaction.");
        }

        // An import at least as large as the table it goes into rebuilds the table's secondary indexes: the rebuild
        // reads the whole table, so for a small import into a big table it would cost more than it saves.
        var large = count >= bulkMinimum && count >= await PeopleWrite.CountAsync(target, ct);
        var tables = PeopleWrite.BulkTables(target);
        var rebuild = large ? await SecondaryIndexes.DropAsync(target, tables, ct, withKeys: [PeopleWrite.Tokens(target).Table]) : [];
        timings?.Mark("indexes dropped");

        // SQLite: the import's transaction holds the write lock from its first write (the batch row), so the new
        // people's ids are one run. PostgreSQL: one block when the index drop locked people, else from the sequence.
        long? block = target.IsSqlite ? await PeopleWrite.NextIdSqliteAsync(target, ct)
            : large ? await PeopleWrite.ReserveBlockAsync(target, count, ct) : null;
        var runs = new List<(long From, long To)>();
        var done = 0;
        await using (await PageCache.SetAsync(target, BulkCacheKib, ct))
        {
            foreach (var slice in slices)
            {
                long[] ids;
                if (block is { } first)
                {
                    ids = new long[slice.Count];
                    for (var i = 0; i < ids.Length; i++)
                    {
                        ids[i] = first + done + i;
                    }
                }
                else
                {
                    ids = await PeopleWrite.ReserveAsync(target, slice.Count, ct);
                }

                var before = done;
                await WriteSliceAsync(target, slice, ids, now, organisationId, n => progress?.Invoke(before + n), ct, timings);
                foreach (var run in Runs(ids))
                {
                    if (runs.Count > 0 && runs[^1].To + 1 == run.From)
                    {
                        runs[^1] = (runs[^1].From, run.To);
                    }
                    else
                    {
                        runs.Add(run);
                    }
                }

                done += slice.Count;
            }

            timings?.Mark("people, episodes, tokens written");
            await SecondaryIndexes.RebuildAsync(target, rebuild, ct);
            timings?.Mark("indexes rebuilt");
        }

        return runs;
    }

    /// <summary>SQLite page cache during a bulk write, in KiB (128 MiB).</summary>
    public const int BulkCacheKib = 131072;

    /// <summary>Below this many new people, maintaining the indexes row by row costs less than rebuilding them.</summary>
    public const int BulkMinimum = 20_000;

    /// <summary>Ascending ids as runs of consecutive ids.</summary>
    internal static List<(long From, long To)> Runs(long[] ids)
    {
        var runs = new List<(long From, long To)>();
        for (var i = 0; i < ids.Length; i++)
        {
            if (runs.Count > 0 && runs[^1].To + 1 == ids[i])
            {
                runs[^1] = (runs[^1].From, ids[i]);
            }
            else
            {
                runs.Add((ids[i], ids[i]));
            }
        }

        return runs;
    }

    /// <summary>
    /// One slice: person rows, then episodes (they refer to their person), then token rows in key order, then the
    /// key dictionary. Name tokens and spelling keys cost CPU: they are computed on the other core while the person
    /// rows are written.
    /// </summary>
    private static async Task WriteSliceAsync(BulkTarget target, IReadOnlyList<NewPerson> people, long[] ids, DateTimeOffset now, long organisationId, Action<int> progress,
        CancellationToken ct, PhaseClock? timings)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var ahead = new TokensAhead(people, ct);
        var tokens = Task.Run(async () =>
        {
            var (byPerson, others) = await ahead.AllAsync();
            var order = TokenOrder.Of(byPerson, people.Select(p => p.Person.SortName).ToArray());
            // The key dictionary's rows too: spelling keys of a million new words take seconds of CPU.
            return (Order: order, Others: others, Keys: PersonSearch.KeyPairs(order.Distinct));
        }, ct);

        await using (var writer = await PeopleWrite.OpenAsync(target, PeopleWrite.People(target), ct))
        {
            for (var i = 0; i < people.Count; i++)
            {
                var p = people[i];
                writer.Add(new PersonRow(p.Person, ids[i], PersonSearch.NameIndex(p.Person.SortName, ahead.For(i)),
                    p.FacilityId is null ? CustodyStatus.Unknown : CustodyStatus.Detained, p.FacilityId, now, organisationId));
                if ((i & 4095) == 4095)
                {
                    ct.ThrowIfCancellationRequested();
                    progress((i + 1) / 2);
                }
            }

            await writer.CompleteAsync(ct);
        }

        if (people.Any(p => p.FacilityId is not null))
        {
            await using var episodes = await PeopleWrite.OpenAsync(target, PeopleWrite.Episodes(target), ct);
            for (var i = 0; i < people.Count; i++)
            {
                if (people[i].FacilityId is { } facility)
                {
                    episodes.Add(new CustodyEpisodeRow(ids[i], facility, people[i].DetainedSince, To: null, EndReason: null, Version: 0));
                }
            }

            await episodes.CompleteAsync(ct);
        }

        timings?.Step("people and episodes", watch.Elapsed);
        watch.Restart();
        // Token order: each index page is filled once, left to right, instead of being revisited at random.
        var (ordered, others, keys) = await tokens;
        timings?.Step("waiting for name keys", watch.Elapsed);
        watch.Restart();
        await WriteTokensAsync(target, ordered, ids, Enumerable.Repeat(organisationId, ids.Length).ToArray(), people.Select(p => p.Person.SortName).ToArray(), others,
            k => progress((people.Count / 2) + (int)((long)people.Count * k / (2 * ordered.Persons.Length))), ct);
        timings?.Step("name tokens", watch.Elapsed);
        watch.Restart();
        await PeopleWrite.AddNameKeysAsync(target, keys, ct);
        timings?.Step("key dictionary", watch.Elapsed);
        progress(people.Count);
    }

    private static async Task WriteTokensAsync(BulkTarget target, TokenOrder ordered, long[] ids, long[] organisations, string[] sortNames, string?[] others, Action<int>? progress,
        CancellationToken ct)
    {
        await using var writer = await PeopleWrite.OpenAsync(target, PeopleWrite.Tokens(target), ct);
        for (var k = 0; k < ordered.Persons.Length; k++)
        {
            var person = ordered.Persons[k];
            writer.Add(new NameTokenRow(ordered.Token(k), sortNames[person], ids[person], organisations[person], others[person]));
            if ((k & 16383) == 16383)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Invoke(k);
            }
        }

        await writer.CompleteAsync(ct);
    }

    /// <summary>Each person's words the sort name does not show (<see cref="PersonSearch.OtherWords"/>).</summary>
    private static string?[] OtherWords(string[][] byPerson, string[] sortNames)
    {
        var others = new string?[byPerson.Length];
        Parallel.For(0, byPerson.Length, i => others[i] = PersonSearch.OtherWords(sortNames[i], byPerson[i]));
        return others;
    }

    /// <summary>
    /// Recomputes every row of the name-token index, every person's NameIndex and the key dictionary in one
    /// transaction: after the name-key algorithm changed, people saved before would otherwise keep stale keys. Returns the number of people and of token rows.
    /// </summary>
    public static async Task<(int People, int Tokens)> ReindexAsync(StaylineDbContext db, CancellationToken ct)
    {
        db.Database.SetCommandTimeout(CopyTimeout);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var people = await db.People.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.GivenName, p.FamilyName, p.NativeName, p.SortName, p.OrganisationId }).ToListAsync(ct);
        // The same alias text the context indexes when a person is saved.
        var aliases = (await db.PersonNames.AsNoTracking().Select(n => new { n.PersonId, n.GivenName, n.FamilyName }).ToListAsync(ct))
            .ToLookup(a => a.PersonId, a => PersonSearch.AliasName(a.GivenName, a.FamilyName));
        var byPerson = new string[people.Count][];
        Parallel.For(0, people.Count, new ParallelOptions { CancellationToken = ct },
            i => byPerson[i] = PersonSearch.TokensForPerson(people[i].GivenName, people[i].FamilyName, people[i].NativeName, aliases[people[i].Id]).ToArray());
        var sortNames = people.Select(p => p.SortName).ToArray();
        var ordered = TokenOrder.Of(byPerson, sortNames);
        var ids = people.Select(p => p.Id).ToArray();
        var nameIndex = new string[people.Count];
        Parallel.For(0, people.Count, new ParallelOptions { CancellationToken = ct }, i => nameIndex[i] = PersonSearch.NameIndex(people[i].SortName, byPerson[i]));
        var others = OtherWords(byPerson, sortNames);
        await db.NameTokens.ExecuteDeleteAsync(ct);
        await db.NameKeys.ExecuteDeleteAsync(ct);
        var target = BulkTarget.Of(db);
        await PeopleWrite.SetNameIndexesAsync(target, ids, nameIndex, ct);
        var tokenTable = PeopleWrite.Tokens(target).Table;
        var rebuild = await SecondaryIndexes.DropAsync(target, [tokenTable], ct, withKeys: [tokenTable]);
        await WriteTokensAsync(target, ordered, ids, people.Select(p => p.OrganisationId).ToArray(), sortNames, others, null, ct);
        await PeopleWrite.AddNameKeysAsync(target, PersonSearch.KeyPairs(ordered.Distinct), ct);
        await SecondaryIndexes.RebuildAsync(target, rebuild, ct);
        await transaction.CommitAsync(ct);
        return (people.Count, ordered.Persons.Length);
    }

    /// <summary>Completing a COPY of millions of rows (index maintenance) takes longer than the default command timeout.</summary>
    public static readonly TimeSpan CopyTimeout = TableWriter<PersonRow>.CopyTimeout;
}
