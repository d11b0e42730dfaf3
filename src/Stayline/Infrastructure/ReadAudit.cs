using System.Globalization;
using System.Threading.Channels;
using Stayline.Data;
using Stayline.Domain.People;
using Stayline.Domain.Work;

namespace Stayline.Infrastructure;

/// <summary>How reads are queued and written (the defaults suit a server; tests make them small).</summary>
public sealed record ReadAuditOptions
{
    /// <summary>Requests waiting for their reads to be written, beyond the batch being written.</summary>
    public int Capacity { get; init; } = 100_000;

    /// <summary>Reads per transaction, at most (a single export larger than this is written in one transaction of its own).</summary>
    public int BatchSize { get; init; } = 8192;

    /// <summary>How long a request waits for its reads to be stored (for room in a full queue, then for the commit)
    /// before it is refused (503) rather than served unaudited.</summary>
    public TimeSpan FullWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Waits between attempts to write a batch that failed; the last one repeats until the database answers.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; init; } =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    /// <summary>Attempts to write what is left when the server stops, before the remaining reads are written to the log instead.</summary>
    public int ShutdownAttempts { get; init; } = 3;

    /// <summary>SQLite: at most this long between commits that sync the disk (see <see cref="ReadAuditLog"/>, durability).</summary>
    public TimeSpan SyncEvery { get; init; } = TimeSpan.FromMilliseconds(500);
}

/// <summary>A read of a person's file could not be recorded (the database does not take the audit records in time):
/// the read is refused, never served unaudited.</summary>
public sealed class ReadAuditUnavailableException(string message) : Exception(message);

/// <summary>
/// Records every read of a person's data, and answers only once the record is committed: a response that shows a
/// person's data is never sent before its audit row is stored, so a crash (kill -9, power cut with the database's
/// own durability) cannot leave a served read unaudited.
/// <para>Group commit: a request queues its reads and waits; one background writer (<see cref="ReadAuditWriter"/>)
/// takes everything queued, writes it in one transaction and wakes every request whose reads it held. While it
/// commits, the next requests queue up and share the next transaction, so a busy server commits a few large batches
/// rather than one transaction per read, and an idle one answers after one small commit.</para>
/// <para>A batch that fails is retried until it is written; a request whose reads are not stored within
/// <see cref="ReadAuditOptions.FullWait"/> is refused (503). Such a refused read may still be recorded later (a
/// record of a read that was not served), never the reverse. What cannot be written when the server stops is
/// written to the log, one critical entry per read.</para>
/// <para>Durability on SQLite: the writer's own connection commits with synchronous=NORMAL (the commit is in the
/// write-ahead log, in the operating system's hands, before the request is answered: a crash or kill of Stayline
/// loses nothing) and syncs the disk with a FULL commit at least every <see cref="ReadAuditOptions.SyncEvery"/>:
/// a crash of the whole machine can lose at most that much of the audit. A sync on every commit (about 2 ms on
/// the benchmark machine) would make every read wait for the disk (docs/benchmarks/read-audit.md). PostgreSQL
/// commits with the server's own settings.</para>
/// Changes are audited in the same transaction as the change itself (StaylineDbContext.SaveChangesAsync).
/// </summary>
public sealed class ReadAuditLog
{
    private readonly Channel<QueuedReads> _queue;
    private readonly TimeProvider _clock;
    private readonly ILogger<ReadAuditLog> _logger;
    private int _pending;

    public ReadAuditLog(TimeProvider clock, ILogger<ReadAuditLog> logger, ReadAuditOptions? options = null, ReadAuditJournal? journal = null)
    {
        Options = options ?? new ReadAuditOptions();
        Journal = journal;
        _clock = clock;
        _logger = logger;
        _queue = Channel.CreateBounded<QueuedReads>(new BoundedChannelOptions(Options.Capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public ReadAuditOptions Options { get; }

    /// <summary>SQLite: reads are appended to this journal and moved into the database by <see cref="ReadAuditJournalMover"/>;
    /// null (PostgreSQL): reads are committed to the database by <see cref="ReadAuditWriter"/> before the response.</summary>
    public ReadAuditJournal? Journal { get; }

    /// <summary>Records one opening of a person's file; completes once the record is stored.</summary>
    /// <exception cref="ReadAuditUnavailableException">The record was not stored within <see cref="ReadAuditOptions.FullWait"/>.</exception>
    public Task PersonOpenedAsync(AuditActor actor, long personId, string what, CancellationToken ct) =>
        RecordAsync(actor, [personId], "view", what, ct);

    /// <summary>Records that <paramref name="actor"/> was shown the data of these people (one row each, so the
    /// audit log answers "who saw this person"); completes once every row is stored.</summary>
    /// <param name="action">"view" for a page or an API read, "export" for a file.</param>
    /// <param name="what">What was read: the request (method, path and query) or the command.</param>
    /// <exception cref="ReadAuditUnavailableException">The records were not stored within <see cref="ReadAuditOptions.FullWait"/>.</exception>
    public async Task RecordAsync(AuditActor actor, IReadOnlyCollection<long> personIds, string action, string what, CancellationToken ct)
    {
        if (personIds.Count == 0)
        {
            return;
        }

        if (Journal is not null)
        {
            var events = Events(actor, personIds, action, what);
            try
            {
                Journal.Append(events);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _logger.LogCritical(ex, "Read of {Count} people ({What}) by {User} refused: the read-audit journal in {Folder} cannot be written",
                    personIds.Count, what, actor.UserName, Journal.Folder);
                throw new ReadAuditUnavailableException("Reads of people's files are paused: the audit log cannot be written. Try again shortly.");
            }

            return;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(Options.FullWait);
        var queued = Queue(actor, personIds, action, what);
        try
        {
            if (!_queue.Writer.TryWrite(queued))
            {
                await _queue.Writer.WriteAsync(queued, wait.Token);
            }

            await queued.Stored.Task.WaitAsync(wait.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException && !ct.IsCancellationRequested)
        {
            _logger.LogCritical("Read of {Count} people ({What}) by {User} refused: the read-audit records were not stored within {Wait} " +
                "({Queued} requests waiting); the database is not taking them", personIds.Count, what, actor.UserName, Options.FullWait, _queue.Reader.Count);
            throw new ReadAuditUnavailableException("Reads of people's files are paused: the audit log cannot be written. Try again shortly.");
        }
        finally
        {
            if (!queued.Stored.Task.IsCompleted)
            {
                // Not in the queue (refused or cancelled before it got in), or still waiting to be written: the
                // writer counts it off when it writes it; only what never got in is counted off here.
                queued.Abandon(this);
            }
        }
    }

    /// <summary>Queues the records without waiting (tests drive the writer by hand with this).</summary>
    internal ValueTask<Task> EnqueueAsync(AuditActor actor, IReadOnlyCollection<long> personIds, string action, string what, CancellationToken ct)
    {
        var queued = Queue(actor, personIds, action, what);
        return _queue.Writer.TryWrite(queued) ? ValueTask.FromResult(queued.Stored.Task) : Slow();

        async ValueTask<Task> Slow()
        {
            await _queue.Writer.WriteAsync(queued, ct);
            return queued.Stored.Task;
        }
    }

    private QueuedReads Queue(AuditActor actor, IReadOnlyCollection<long> personIds, string action, string what)
    {
        var events = Events(actor, personIds, action, what);
        Interlocked.Add(ref _pending, events.Length);
        return new QueuedReads(events);
    }

    private AuditEvent[] Events(AuditActor actor, IReadOnlyCollection<long> personIds, string action, string what)
    {
        var at = _clock.GetUtcNow();
        var events = new AuditEvent[personIds.Count];
        var i = 0;
        foreach (var id in personIds)
        {
            events[i++] = new AuditEvent(at, actor.UserId, actor.UserName, action, nameof(Person),
                id.ToString(CultureInfo.InvariantCulture), id, null, what);
        }

        return events;
    }

    internal ChannelReader<QueuedReads> Reader => _queue.Reader;

    /// <summary>Stops taking reads (the server is stopping); what is queued is still written.</summary>
    internal void Complete() => _queue.Writer.TryComplete();

    internal void Written(int count) => Interlocked.Add(ref _pending, -count);

    /// <summary>Reads queued, being written or in the journal, not yet in the database (tests wait for zero).</summary>
    public long Pending => Volatile.Read(ref _pending) + (Journal?.Pending ?? 0);
}

/// <summary>One request's reads, and the signal that they are stored.</summary>
internal sealed class QueuedReads(AuditEvent[] events)
{
    private int _state; // 0 waiting, 1 taken by the writer, 2 abandoned before the writer took it

    public AuditEvent[] Events { get; } = events;

    public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The writer takes it; false when the request gave up first (its reads were then never counted as served).</summary>
    public bool Take() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;

    /// <summary>The request gave up: if the writer has not taken the reads yet, they will not be written.</summary>
    public void Abandon(ReadAuditLog log)
    {
        if (Interlocked.CompareExchange(ref _state, 2, 0) == 0)
        {
            log.Written(Events.Length);
        }
    }
}

/// <summary>Writes queued reads in batches, one transaction each, retrying a failed batch until it is stored.</summary>
internal sealed class ReadAuditWriter(ReadAuditLog log, IServiceScopeFactory scopes, ILogger<ReadAuditWriter> logger) : BackgroundService
{
    private readonly List<QueuedReads> _batch = [];
    private int _batchEvents;
    private AuditEventInserter? _inserter;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (log.Journal is not null)
        {
            return;
        }

        try
        {
            while (await log.Reader.WaitToReadAsync(stoppingToken))
            {
                await WriteQueuedAsync(int.MaxValue, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // The server is stopping: write what is left, with a few attempts, then log what could not be written.
        log.Complete();
        try
        {
            await WriteQueuedAsync(log.Options.ShutdownAttempts, CancellationToken.None);
        }
        finally
        {
            LogUnwritten();
            if (_inserter is not null)
            {
                await _inserter.DisposeAsync();
            }
        }
    }

    /// <summary>Writes batches until the queue is empty; a failed batch is retried (up to maxAttempts) before anything else.</summary>
    internal async Task WriteQueuedAsync(int maxAttempts, CancellationToken ct)
    {
        while (true)
        {
            if (_batch.Count == 0)
            {
                // Whole requests only: a request is answered when all its reads are stored.
                while ((_batchEvents == 0 || _batchEvents + Peek() <= log.Options.BatchSize) && log.Reader.TryRead(out var q))
                {
                    if (q.Take())
                    {
                        _batch.Add(q);
                        _batchEvents += q.Events.Length;
                    }
                }

                if (_batch.Count == 0)
                {
                    return;
                }
            }

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    _inserter ??= await AuditEventInserter.OpenAsync(scopes, ct);
                    await _inserter.WriteAsync(_batch.SelectMany(q => q.Events), log.Options.SyncEvery, segment: null, ct);
                    if (attempt > 1)
                    {
                        logger.LogWarning("Read-audit events written after {Attempts} attempts", attempt);
                    }

                    log.Written(_batchEvents);
                    foreach (var q in _batch)
                    {
                        q.Stored.TrySetResult();
                    }

                    _batch.Clear();
                    _batchEvents = 0;
                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // A broken connection is not reused: the next attempt opens a new one.
                    if (_inserter is not null)
                    {
                        await _inserter.DisposeAsync();
                        _inserter = null;
                    }

                    var delays = log.Options.RetryDelays;
                    var delay = delays.Count == 0 ? TimeSpan.Zero : delays[Math.Min(attempt, delays.Count) - 1];
                    logger.LogError(ex, "Could not write {Count} read-audit events (attempt {Attempt}); {Queued} more requests waiting. Retrying in {Delay}",
                        _batchEvents, attempt, log.Reader.Count, delay);
                    if (attempt >= maxAttempts)
                    {
                        return;
                    }

                    await Task.Delay(delay, ct);
                }
            }
        }
    }

    private int Peek() => log.Reader.TryPeek(out var next) ? next.Events.Length : 0;

    /// <summary>Last resort when the database never came back: each read goes to the log, from which it can be restored.</summary>
    private void LogUnwritten()
    {
        var lost = _batch.Concat(ReadAll()).ToList();
        var count = 0;
        foreach (var q in lost)
        {
            foreach (var e in q.Events)
            {
                count++;
                logger.LogCritical("Unwritten read-audit event: at {At:O} user {UserId} ({UserName}) {Action} {EntityType} {EntityId} via {Via}",
                    e.At, e.UserId, e.UserName, e.Action, e.EntityType, e.EntityId, e.After);
            }

            q.Stored.TrySetException(new ReadAuditUnavailableException("The server is stopping and the audit log could not be written."));
        }

        if (count > 0)
        {
            logger.LogCritical("{Count} read-audit events could not be written to the database; they are in the log above", count);
        }

        _batch.Clear();
        _batchEvents = 0;
    }

    private IEnumerable<QueuedReads> ReadAll()
    {
        while (log.Reader.TryRead(out var q))
        {
            if (q.Take())
            {
                yield return q;
            }
        }
    }
}
