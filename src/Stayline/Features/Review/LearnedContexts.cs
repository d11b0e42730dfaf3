using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Matching;
using Stayline.Features.Import;

namespace Stayline.Features.Review;

/// <summary>
/// The linkage engine's learned context (the model's m and u, learned by expectation maximisation, and the name words'
/// frequencies) over the people a reader sees, kept between requests: the compare page, the duplicates queue and the
/// add-person form's likely matches score a pair with it, so they agree, and none of them learns over everyone on each
/// view (at 1,000,000 people that took 17 s and 2.4 GB a request). Only what scoring needs is kept: not the records,
/// not the blocks made while learning.
/// </summary>
/// <remarks>
/// One context per database and per set of people seen (everyone, or one organisation's): the queue and the compare page
/// have always learned over the people the reader sees, and still do. It is learned on first use (two first requests
/// learn once: the second waits for the first) and is current while the people's stamp (how many people and aliases,
/// and the highest id of each) is unchanged. When it is not: below <see cref="InlineBelow"/> records (a crisis team's
/// database, every test) learning takes tens of milliseconds and is done at once, so every change is seen by the next
/// request exactly as before; above it, the context is relearned in the background once the people or aliases added or
/// removed since it was learned reach <see cref="RefreshShare"/> of them, and readers are served the old one meanwhile.
/// Word frequencies stale by a few people, and a model learned before them, are fine for scoring: a word's share of
/// 1,000,000 moves by a millionth a person, and a word no one had when the context was learned counts as the rarest
/// (as a word seen once does). An edit of a name is not in the stamp (it moves one word's count by one).
/// </remarks>
public sealed class LearnedContexts(IServiceScopeFactory scopes, ILogger<LearnedContexts> log)
{
    /// <summary>Below this many records (people and aliases) a context is relearned inline whenever the stamp changes.</summary>
    public const int InlineBelow = 20_000;

    /// <summary>Above <see cref="InlineBelow"/>, the share of the records added or removed that makes a relearn worth it.</summary>
    public const double RefreshShare = 0.01;

    private readonly ConcurrentDictionary<(string Database, Visibility Reader), Entry> _entries = new();

    /// <summary>The records threshold in use (tests lower it to reach the background refresh with a few people).</summary>
    internal int InlineBelowRecords { get; set; } = InlineBelow;

    /// <summary>The current context for the people <paramref name="db"/>'s reader sees: learned now if there is none, or
    /// if it is out of date and learning is cheap; otherwise the one kept (a relearn started in the background when enough changed).</summary>
    public Task<LinkContext> ForAsync(StaylineDbContext db, CancellationToken ct) => ForAsync(db, null, ct);

    /// <summary>As <see cref="ForAsync(StaylineDbContext, CancellationToken)"/>, learning from <paramref name="known"/>
    /// (every record the reader sees, loaded by the caller just now) if it must learn.</summary>
    internal async Task<LinkContext> ForAsync(StaylineDbContext db, KnownRecords? known, CancellationToken ct)
    {
        var key = KeyOf(db);
        var entry = _entries.GetOrAdd(key, _ => new Entry());
        var stamp = await Stamp.ReadAsync(db, ct);
        var current = entry.Current;
        if (current is not null && current.Stamp == stamp)
        {
            return current.Context;
        }

        if (current is not null && stamp.Records >= InlineBelowRecords)
        {
            if (stamp.ChangesSince(current.Stamp) >= RefreshShare * current.Stamp.Records)
            {
                StartRefresh(key, entry);
            }

            return current.Context;
        }

        await entry.Gate.WaitAsync(ct);
        try
        {
            // Another request may have learned it while this one waited.
            if (entry.Current is { } now && (now.Stamp == stamp || stamp.Records >= InlineBelowRecords))
            {
                return now.Context;
            }

            var learned = Learn(stamp, known ?? await KnownRecords.LoadAsync(db, ct));
            entry.Current = learned;
            return learned.Context;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>
    /// The context to score a person not yet saved with, so that the score shown is the one the compare page shows once
    /// they are saved: below <see cref="InlineBelow"/> records, learned over everyone with the new person's records where
    /// saving puts them (after the people, before the aliases, the aliases last), not kept; above it, the kept context
    /// (one person more does not make it relearn).
    /// </summary>
    internal async Task<LinkContext> ForNewPersonAsync(StaylineDbContext db, PersonRecord person, IReadOnlyList<PersonRecord> aliases, CancellationToken ct)
    {
        var stamp = await Stamp.ReadAsync(db, ct);
        if (stamp.Records + 1 + aliases.Count >= InlineBelowRecords)
        {
            return await ForAsync(db, ct);
        }

        var known = await KnownRecords.LoadAsync(db, ct);
        var records = known.Records;
        records.Insert(known.PersonIds.Distinct().Count(), person);
        records.AddRange(aliases);
        return Linker.ContextFor(records, null);
    }

    /// <summary>
    /// Everyone <paramref name="db"/>'s reader sees, read for a run of the duplicate finder, and the context it scores them
    /// with: learned from them now when there is none, or when it is out of date and either the database is small or
    /// enough changed (the rule of <see cref="ForAsync(StaylineDbContext, CancellationToken)"/>), so the run and a relearn
    /// share one read of everyone; otherwise the one kept. Everyone is read holding the context's gate, so a compare page
    /// opened meanwhile waits for this context instead of learning its own.
    /// </summary>
    internal async Task<(KnownRecords Known, LinkContext Context)> ForRunAsync(StaylineDbContext db, Stamp stamp, CancellationToken ct)
    {
        var entry = _entries.GetOrAdd(KeyOf(db), _ => new Entry());
        await entry.Gate.WaitAsync(ct);
        try
        {
            var known = await KnownRecords.LoadAsync(db, ct);
            if (entry.Current is { } now && (now.Stamp == stamp
                || stamp.Records >= InlineBelowRecords && stamp.ChangesSince(now.Stamp) < RefreshShare * now.Stamp.Records))
            {
                return (known, now.Context);
            }

            var learned = Learn(stamp, known);
            entry.Current = learned;
            return (known, learned.Context);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>The context kept for <paramref name="db"/>'s reader, if one is (never learns).</summary>
    internal LinkContext? Kept(StaylineDbContext db) => _entries.TryGetValue(KeyOf(db), out var e) ? e.Current?.Context : null;

    /// <summary>The relearn running in the background for <paramref name="db"/>'s reader, if any (for tests).</summary>
    internal Task? Refreshing(StaylineDbContext db) => _entries.TryGetValue(KeyOf(db), out var e) ? e.Refresh : null;

    /// <summary>The stamp of the context kept for <paramref name="db"/>'s reader, if one is (for tests).</summary>
    internal Stamp? LearnedAt(StaylineDbContext db) => _entries.TryGetValue(KeyOf(db), out var e) ? e.Current?.Stamp : null;

    private void StartRefresh((string Database, Visibility Reader) key, Entry entry)
    {
        lock (entry)
        {
            if (entry.Refresh is { IsCompleted: false })
            {
                return;
            }

            // On failure the old context keeps serving; the next change that matters tries again.
            entry.Refresh = InBackground(scopes, key, log, "Relearning the linkage context", async db =>
            {
                await entry.Gate.WaitAsync();
                try
                {
                    var stamp = await Stamp.ReadAsync(db, CancellationToken.None);
                    entry.Current = Learn(stamp, await KnownRecords.LoadAsync(db, CancellationToken.None));
                }
                finally
                {
                    entry.Gate.Release();
                }
            });
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in the background with a database context of its own, reading as <paramref name="key"/>'s
    /// reader (nothing is done if that context reads another database); a failure is logged as "<paramref name="what"/>
    /// failed", not thrown; <paramref name="after"/> runs last either way. The one shape of the duplicate finder's
    /// background work (relearning a context, a duplicates run).
    /// </summary>
    internal static Task InBackground(IServiceScopeFactory scopes, (string Database, Visibility Reader) key, ILogger log, string what,
        Func<StaylineDbContext, Task> work, Action? after = null) =>
        Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
                db.ScopeTo(key.Reader);
                if (KeyOf(db) == key)
                {
                    await work(db);
                }
            }
            catch (Exception e)
            {
                log.LogError(e, "{What} failed", what);
            }
            finally
            {
                after?.Invoke();
            }
        });

    private static Learned Learn(Stamp stamp, KnownRecords known)
    {
        var learned = Linker.ContextFor(known.Records, null);
        // A new context without the blocks (they hold every record): the model and the word counts only.
        return new Learned(new LinkContext(learned.Model, learned.Frequencies), stamp);
    }

    // Everyone who sees all sees the same people, whatever their own organisation.
    internal static (string Database, Visibility Reader) KeyOf(StaylineDbContext db) =>
        (db.Database.GetConnectionString() ?? "", db.Visibility.All ? Visibility.Everyone : db.Visibility);

    private sealed class Entry
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public volatile Learned? Current;
        public Task? Refresh;
    }

    private sealed record Learned(LinkContext Context, Stamp Stamp);

    /// <summary>What the people a reader sees look like to the cache: how many people and aliases, and the highest id of each.</summary>
    internal readonly record struct Stamp(int People, long MaxPersonId, int Aliases, long MaxAliasId)
    {
        public int Records => People + Aliases;

        /// <summary>Records added or removed since <paramref name="before"/> (an id past the old highest counts even when
        /// a removal kept the count: a merge removes one person and adds an alias).</summary>
        public long ChangesSince(Stamp before) =>
            Math.Max(Math.Abs(People - before.People), MaxPersonId > before.MaxPersonId ? 1 : 0)
            + Math.Max(Math.Abs(Aliases - before.Aliases), MaxAliasId > before.MaxAliasId ? 1 : 0);

        public static async Task<Stamp> ReadAsync(StaylineDbContext db, CancellationToken ct) => new(
            await db.People.CountAsync(ct), await db.People.MaxAsync(p => (long?)p.Id, ct) ?? 0,
            await db.PersonNames.CountAsync(ct), await db.PersonNames.MaxAsync(a => (long?)a.Id, ct) ?? 0);
    }
}
