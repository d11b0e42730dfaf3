using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Matching;

namespace Stayline.Features.Review;

/// <summary>A page of the duplicates queue: the pairs, and how current the list is.</summary>
/// <param name="FoundAt">When the run the pairs come from finished (null: no run yet).</param>
/// <param name="People">How many people that run looked at.</param>
/// <param name="UnderWay">A new run is going on in the background (the list shown is the last one's).</param>
/// <param name="Next">The cursor of the next page (null on the last).</param>
public sealed record DuplicatesPage(IReadOnlyList<DuplicateCandidate> Pairs, DateTimeOffset? FoundAt, int People, bool UnderWay, string? Next);

/// <summary>
/// The duplicates queue's pairs, found by a run of the duplicate finder over everyone a reader sees and stored
/// (<see cref="DuplicateRun"/>, <see cref="DuplicatePair"/>; docs/adr/0013-stored-duplicate-pairs.md). The queue reads
/// them a page at a time, best first, dropping at read time a pair one of whose people is gone (merged, deleted) or no
/// longer seen by the reader, or that someone decided is two people.
/// </summary>
/// <remarks>
/// When a run is made follows <see cref="LearnedContexts"/>' threshold (one place): below it (a crisis team's database,
/// every test) the run is made inline on every view, as the queue always was; above it, a view is served the stored
/// run and starts one in the background when the people changed (their stamp) or the learned context was relearned
/// since, at most one at a time per set of readers and not sooner than <see cref="MinGap"/> after the last one ended.
/// A run learns the context itself when it is due (one read of everyone for both), so the queue's scores are the
/// compare page's. A run's pairs replace the last run's in one transaction.
/// </remarks>
public sealed class DuplicateRuns(IServiceScopeFactory scopes, LearnedContexts contexts, TimeProvider clock, ILogger<DuplicateRuns> log)
{
    /// <summary>The most pairs a run stores, best first.</summary>
    public const int KeptPairs = 10_000;

    /// <summary>Above the threshold, the least time between the end of one background run and the start of the next.</summary>
    public static readonly TimeSpan MinGap = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(string Database, Visibility Reader), State> _states = new();

    /// <summary>The most pairs a run stores in use (tests set it lower).</summary>
    internal int Kept { get; set; } = KeptPairs;

    /// <summary>The gap in use (tests set it to zero).</summary>
    internal TimeSpan Gap { get; set; } = MinGap;

    /// <summary>The stored scope of a reader's runs: everyone who sees all shares one.</summary>
    internal static string ScopeOf(Visibility reader) => reader.All ? "all" : "org:" + reader.OrganisationOrNone.ToString(CultureInfo.InvariantCulture);

    /// <summary>A page of the queue for <paramref name="db"/>'s reader: <paramref name="size"/> pairs after the cursor <paramref name="after"/>.</summary>
    public async Task<DuplicatesPage> PageAsync(StaylineDbContext db, string? after, int size, CancellationToken ct)
    {
        var (run, underWay) = await CurrentAsync(db, ct);
        if (run is null)
        {
            return new DuplicatesPage([], null, 0, underWay, null);
        }

        var runId = run.Id;
        var pairs = db.DuplicatePairs.AsNoTracking().Where(p => p.RunId == runId
            && db.People.Any(x => x.Id == p.LowId) && db.People.Any(x => x.Id == p.HighId)
            && !db.NotSamePeople.Any(n => n.LowId == p.LowId && n.HighId == p.HighId));
        if (Cursor.Parse(after) is { } c)
        {
            pairs = pairs.Where(p => p.Score < c.Score || p.Score == c.Score && (p.LowId > c.Low || p.LowId == c.Low && p.HighId > c.High));
        }

        var rows = await pairs.OrderByDescending(p => p.Score).ThenBy(p => p.LowId).ThenBy(p => p.HighId).Take(size + 1).ToListAsync(ct);
        var more = rows.Count > size;
        rows = rows.Take(size).ToList();
        var names = await ReviewService.NamesAsync(db, rows.SelectMany(p => new[] { p.LowId, p.HighId }).Distinct().ToList(), ct);

        var list = rows.Select(p => new DuplicateCandidate(p.LowId, names.GetValueOrDefault(p.LowId, "?"), p.HighId, names.GetValueOrDefault(p.HighId, "?"),
            p.Score, (MatchDecision)p.Decision, ReviewService.Summary((NameLevel)p.NameLevel, p.NameWeight, (BirthDateLevel)p.BirthDateLevel, p.BirthDateWeight,
                (ANumberLevel)p.ANumberLevel, p.ANumberWeight, (CountryLevel)p.CountryLevel, p.CountryWeight))).ToList();
        return new DuplicatesPage(list, run.FoundAt, run.People, underWay, more ? new Cursor(rows[^1].Score, rows[^1].LowId, rows[^1].HighId).ToString() : null);
    }

    /// <summary>The stored run for <paramref name="db"/>'s reader, made now (small database) or started in the background
    /// when out of date (large), and whether a background run is going on.</summary>
    internal async Task<(DuplicateRun? Run, bool UnderWay)> CurrentAsync(StaylineDbContext db, CancellationToken ct)
    {
        var key = LearnedContexts.KeyOf(db);
        var state = _states.GetOrAdd(key, _ => new State());
        var scope = ScopeOf(key.Reader);
        var stamp = await LearnedContexts.Stamp.ReadAsync(db, ct);
        if (stamp.Records < contexts.InlineBelowRecords)
        {
            // As the queue always was: everyone found again on each view (tens of milliseconds at this size), so an edit
            // the stamp does not see is in the list at once too.
            await state.Gate.WaitAsync(ct);
            try
            {
                await RunAsync(db, scope, state, ct);
            }
            finally
            {
                state.Gate.Release();
            }

            return (await LatestAsync(db, scope, ct), false);
        }

        var run = await LatestAsync(db, scope, ct);
        var stale = run is null || StampOf(run) != stamp || state.Context is null || !ReferenceEquals(state.Context, contexts.Kept(db));
        if (stale && (state.EndedAt is not { } ended || clock.GetUtcNow() - ended >= Gap))
        {
            Start(key, state);
        }

        return (run, state.Running is { IsCompleted: false });
    }

    /// <summary>Starts a background run for everyone (after the server starts) when the database is over the threshold.</summary>
    internal async Task WarmAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            db.ScopeTo(Visibility.Everyone);
            var stamp = await LearnedContexts.Stamp.ReadAsync(db, ct);
            if (stamp.Records >= contexts.InlineBelowRecords)
            {
                var key = LearnedContexts.KeyOf(db);
                Start(key, _states.GetOrAdd(key, _ => new State()));
            }
        }
        finally
        {
            _warmedUp.TrySetResult();
        }
    }

    private readonly TaskCompletionSource _warmedUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Done when the check after start has decided whether to run (tests lower the threshold only after it, or
    /// the check could start a run of its own on the database they are still filling).</summary>
    internal Task WarmedUp => _warmedUp.Task;

    /// <summary>The background run for <paramref name="db"/>'s reader, if one was started (for tests).</summary>
    internal Task? Running(StaylineDbContext db) => _states.TryGetValue(LearnedContexts.KeyOf(db), out var s) ? s.Running : null;

    private void Start((string Database, Visibility Reader) key, State state)
    {
        lock (state)
        {
            if (state.Running is { IsCompleted: false })
            {
                return;
            }

            // On failure the last run's pairs keep serving; the next view after the gap tries again.
            state.Running = LearnedContexts.InBackground(scopes, key, log, "Finding duplicates",
                db => RunAsync(db, ScopeOf(key.Reader), state, CancellationToken.None), after: () => state.EndedAt = clock.GetUtcNow());
        }
    }

    /// <summary>One run: everyone the reader sees, deduplicated with the learned context (learned now if due), the pairs
    /// stored in place of the last run's.</summary>
    private async Task RunAsync(StaylineDbContext db, string scope, State state, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        // The stamp first: a change made while the run reads is newer than the run, so it is seen as a change afterwards.
        var stamp = await LearnedContexts.Stamp.ReadAsync(db, ct);
        var (known, context) = await contexts.ForRunAsync(db, stamp, ct);
        var decided = (await db.NotSamePeople.AsNoTracking().Select(n => new { n.LowId, n.HighId }).ToListAsync(ct))
            .Select(n => (n.LowId, n.HighId)).ToHashSet();
        var best = new Dictionary<(long, long), MatchPair>();
        foreach (var pair in Linker.Deduplicate(known.Records, new LinkerOptions { Context = context }))
        {
            var a = known.PersonIds[pair.Left];
            var b = known.PersonIds[pair.Right];
            if (a == b)
            {
                continue;
            }

            // A person's aliases are records too: the pair keeps its best score over them (what the compare page shows).
            var key = (Math.Min(a, b), Math.Max(a, b));
            if (!decided.Contains(key) && (!best.TryGetValue(key, out var seen) || pair.Score > seen.Score))
            {
                best[key] = pair;
            }
        }

        var run = new DuplicateRun
        {
            Scope = scope,
            FoundAt = clock.GetUtcNow(),
            People = stamp.People,
            MaxPersonId = stamp.MaxPersonId,
            Aliases = stamp.Aliases,
            MaxAliasId = stamp.MaxAliasId,
        };
        // The best pairs only: a million people gave about 250,000 pairs (docs/benchmarks/matching.md), whose insert would
        // hold the database's write lock for tens of seconds (EF writes 7-11k rows/s) while the team works; nobody reviews
        // past the first thousands, and a run after merges and decisions brings up the next ones.
        var rows = best.OrderByDescending(kv => kv.Value.Score).ThenBy(kv => kv.Key).Take(Kept).Select(kv => new DuplicatePair
        {
            LowId = kv.Key.Item1,
            HighId = kv.Key.Item2,
            Score = kv.Value.Score,
            Decision = (int)kv.Value.Decision,
            NameLevel = (int)kv.Value.Evidence.NameLevel,
            NameWeight = kv.Value.Evidence.NameWeight,
            BirthDateLevel = (int)kv.Value.Evidence.BirthDateLevel,
            BirthDateWeight = kv.Value.Evidence.BirthDateWeight,
            ANumberLevel = (int)kv.Value.Evidence.ANumberLevel,
            ANumberWeight = kv.Value.Evidence.ANumberWeight,
            CountryLevel = (int)kv.Value.Evidence.CountryLevel,
            CountryWeight = kv.Value.Evidence.CountryWeight,
        }).ToList();

        // A write the database refuses while another holds its lock (SQLite: a long write elsewhere past the busy
        // timeout) is tried again a few times before the run gives up (the last run's pairs keep serving).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StoreAsync(db, scope, run, rows, ct);
                break;
            }
            catch (Exception e) when (attempt < 4 && Infrastructure.ErrorPages.IsLostRace(e))
            {
                log.LogWarning(e, "Storing the duplicates found was refused (attempt {Attempt}); trying again", attempt);
                foreach (var entry in db.ChangeTracker.Entries().Where(x => x.Entity is DuplicatePair or DuplicateRun).ToList())
                {
                    entry.State = EntityState.Detached;
                }

                run.Id = 0;
                await Task.Delay(TimeSpan.FromSeconds(10 * attempt), clock, ct);
            }
        }

        db.Entry(run).State = EntityState.Detached;
        state.Context = context;
        if (stamp.Records >= contexts.InlineBelowRecords)
        {
            log.LogInformation("Found {Pairs} possible duplicates among {People} people ({Scope}) in {Seconds:F1} s", rows.Count, stamp.People, scope,
                System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <summary>The run and its pairs written, the scope's earlier run deleted, in one transaction.</summary>
    private static async Task StoreAsync(StaylineDbContext db, string scope, DuplicateRun run, List<DuplicatePair> rows, CancellationToken ct)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.DuplicateRuns.Add(run);
            await db.SaveChangesAsync(ct);
            foreach (var chunk in rows.Chunk(2_000))
            {
                foreach (var row in chunk)
                {
                    row.RunId = run.Id;
                }

                db.DuplicatePairs.AddRange(chunk);
                await db.SaveChangesAsync(ct);
                foreach (var row in chunk)
                {
                    db.Entry(row).State = EntityState.Detached;
                }
            }

            var runId = run.Id;
            await db.DuplicatePairs.Where(p => p.RunId != runId && db.DuplicateRuns.Any(r => r.Id == p.RunId && r.Scope == scope)).ExecuteDeleteAsync(ct);
            await db.DuplicateRuns.Where(r => r.Scope == scope && r.Id != runId).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }
    }

    private static Task<DuplicateRun?> LatestAsync(StaylineDbContext db, string scope, CancellationToken ct) =>
        db.DuplicateRuns.AsNoTracking().Where(r => r.Scope == scope).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);

    private static LearnedContexts.Stamp StampOf(DuplicateRun run) => new(run.People, run.MaxPersonId, run.Aliases, run.MaxAliasId);

    private sealed class State
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public volatile LinkContext? Context;
        public Task? Running;
        public DateTimeOffset? EndedAt;
    }

    /// <summary>Where a page ends: the last pair's score and ids ("score~low~high").</summary>
    private readonly record struct Cursor(double Score, long Low, long High)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Score:R}~{Low}~{High}");

        public static Cursor? Parse(string? s)
        {
            var parts = s?.Split('~');
            return parts is { Length: 3 }
                && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var score)
                && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var low)
                && long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var high)
                ? new Cursor(score, low, high)
                : null;
        }
    }
}

/// <summary>After the server starts, finds the duplicates of a large database in the background (which learns the
/// linkage context too), so neither the first queue view nor the first compare page waits for it.</summary>
internal sealed class DuplicatesWarmup(DuplicateRuns runs, ILogger<DuplicatesWarmup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await runs.WarmAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not start finding duplicates after start");
        }
    }
}
