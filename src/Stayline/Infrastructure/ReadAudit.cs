using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Stayline.Data;
using Stayline.Domain.People;
using Stayline.Domain.Work;

namespace Stayline.Infrastructure;

/// <summary>How reads are queued and written (the defaults suit a server; tests make them small).</summary>
public sealed record ReadAuditOptions
{
    /// <summary>Reads waiting to be written, beyond the batch being written. At about 100 bytes each, 100,000 is 10 MB.</summary>
    public int Capacity { get; init; } = 100_000;

    /// <summary>Reads per transaction. Large on purpose: the (PersonId, At) index takes each read on a random page,
    /// and a page that several reads of one batch touch is written once.</summary>
    public int BatchSize { get; init; } = 8192;

    /// <summary>The writer gathers reads this long before it writes: a busy server then commits a few large batches a
    /// second instead of one small transaction (with its disk sync) after another.</summary>
    public TimeSpan GatherFor { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a request waits for room in a full queue before it is refused (503) rather than served unaudited.</summary>
    public TimeSpan FullWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Waits between attempts to write a batch that failed; the last one repeats until the database answers.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; init; } =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    /// <summary>Attempts to write what is left when the server stops, before the remaining reads are written to the log instead.</summary>
    public int ShutdownAttempts { get; init; } = 3;
}

/// <summary>A read of a person's file could not be recorded (the queue is full because the database does not take
/// writes): the read is refused, never served unaudited.</summary>
public sealed class ReadAuditUnavailableException(string message) : Exception(message);

/// <summary>
/// Records every opening of a person's file. Reads are queued and written in batches by a background
/// writer (<see cref="ReadAuditWriter"/>) so that an audited read costs no write on the request path; changes
/// are audited in the same transaction as the change itself (StaylineDbContext.SaveChangesAsync).
/// A batch that fails to be written is retried until it is written; meanwhile reads queue up to
/// <see cref="ReadAuditOptions.Capacity"/>, then each request waits up to <see cref="ReadAuditOptions.FullWait"/>
/// for room and is refused if none comes. Nothing is dropped: what cannot be written when the server stops is
/// written to the log, one critical entry per read.
/// </summary>
public sealed class ReadAuditLog
{
    private readonly Channel<AuditEvent> _queue;
    private readonly TimeProvider _clock;
    private readonly ILogger<ReadAuditLog> _logger;
    private int _pending;

    public ReadAuditLog(TimeProvider clock, ILogger<ReadAuditLog> logger, ReadAuditOptions? options = null)
    {
        Options = options ?? new ReadAuditOptions();
        _clock = clock;
        _logger = logger;
        _queue = Channel.CreateBounded<AuditEvent>(new BoundedChannelOptions(Options.Capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public ReadAuditOptions Options { get; }

    /// <summary>Queues the record of a read; completes at once unless the queue is full.</summary>
    /// <exception cref="ReadAuditUnavailableException">The queue stayed full for <see cref="ReadAuditOptions.FullWait"/>.</exception>
    public ValueTask PersonOpenedAsync(AuditActor actor, long personId, string via, CancellationToken ct)
    {
        var e = new AuditEvent(_clock.GetUtcNow(), actor.UserId, actor.UserName, "view", nameof(Person),
            personId.ToString(CultureInfo.InvariantCulture), personId, null, via);
        Interlocked.Increment(ref _pending);
        if (_queue.Writer.TryWrite(e))
        {
            return ValueTask.CompletedTask;
        }

        return WaitForRoomAsync(e, ct);
    }

    private async ValueTask WaitForRoomAsync(AuditEvent e, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(Options.FullWait);
        try
        {
            await _queue.Writer.WriteAsync(e, wait.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            Interlocked.Decrement(ref _pending);
            if (ct.IsCancellationRequested)
            {
                throw;
            }

            _logger.LogCritical("Read of person {PersonId} by {User} refused: the read-audit queue has been full for {Wait} " +
                "({Capacity} reads waiting); the database is not taking the audit records", e.PersonId, e.UserName, Options.FullWait, Options.Capacity);
            throw new ReadAuditUnavailableException("Reads of people's files are paused: the audit log cannot be written. Try again shortly.");
        }
    }

    internal ChannelReader<AuditEvent> Reader => _queue.Reader;

    /// <summary>Stops taking reads (the server is stopping); what is queued is still written.</summary>
    internal void Complete() => _queue.Writer.TryComplete();

    internal void Written(int count) => Interlocked.Add(ref _pending, -count);

    /// <summary>Reads queued or being written, not yet stored (tests wait for zero).</summary>
    public int Pending => Volatile.Read(ref _pending);
}

/// <summary>Writes queued reads in batches, one transaction each, retrying a failed batch until it is stored.</summary>
internal sealed class ReadAuditWriter(ReadAuditLog log, IServiceScopeFactory scopes, ILogger<ReadAuditWriter> logger) : BackgroundService
{
    private readonly List<AuditEvent> _batch = new(log.Options.BatchSize);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await log.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(log.Options.GatherFor, stoppingToken);
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
        }
    }

    /// <summary>Writes batches until the queue is empty; a failed batch is retried (up to maxAttempts) before anything else.</summary>
    internal async Task WriteQueuedAsync(int maxAttempts, CancellationToken ct)
    {
        while (true)
        {
            if (_batch.Count == 0)
            {
                while (_batch.Count < log.Options.BatchSize && log.Reader.TryRead(out var e))
                {
                    _batch.Add(e);
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
                    await WriteAsync(_batch, ct);
                    if (attempt > 1)
                    {
                        logger.LogWarning("Read-audit events written after {Attempts} attempts", attempt);
                    }

                    log.Written(_batch.Count);
                    _batch.Clear();
                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    var delays = log.Options.RetryDelays;
                    var delay = delays.Count == 0 ? TimeSpan.Zero : delays[Math.Min(attempt, delays.Count) - 1];
                    logger.LogError(ex, "Could not write {Count} read-audit events (attempt {Attempt}); {Queued} more waiting. Retrying in {Delay}",
                        _batch.Count, attempt, log.Reader.Count, delay);
                    if (attempt >= maxAttempts)
                    {
                        return;
                    }

                    await Task.Delay(delay, ct);
                }
            }
        }
    }

    /// <summary>Last resort when the database never came back: each read goes to the log, from which it can be restored.</summary>
    private void LogUnwritten()
    {
        var lost = _batch.Concat(ReadAll()).ToList();
        foreach (var e in lost)
        {
            logger.LogCritical("Unwritten read-audit event: at {At:O} user {UserId} ({UserName}) {Action} {EntityType} {EntityId} via {Via}",
                e.At, e.UserId, e.UserName, e.Action, e.EntityType, e.EntityId, e.After);
        }

        if (lost.Count > 0)
        {
            logger.LogCritical("{Count} read-audit events could not be written to the database; they are in the log above", lost.Count);
        }

        _batch.Clear();
    }

    private IEnumerable<AuditEvent> ReadAll()
    {
        while (log.Reader.TryRead(out var e))
        {
            yield return e;
        }
    }

    /// <summary>
    /// One prepared INSERT run for each event, in one transaction: a batch is stored whole or not at all, so a
    /// retry never duplicates. Column names and stored forms come from the EF model, so it is the same on
    /// SQLite and PostgreSQL; EF's change tracking would cost ten times more per event.
    /// </summary>
    private async Task WriteAsync(IReadOnlyList<AuditEvent> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var entity = db.Model.FindEntityType(typeof(AuditEvent))!;
        var columns = Columns.Select(c => entity.FindProperty(c.Name)!).ToList();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"INSERT INTO \"{entity.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName()}\""))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})");
            var parameters = new DbParameter[columns.Count];
            var converters = columns.Select(c => c.GetTypeMapping().Converter).ToArray();
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i] = command.CreateParameter();
                parameters[i].ParameterName = $"@p{i}";
                if (Columns[i].Type is { } type)
                {
                    parameters[i].DbType = type;
                }

                command.Parameters.Add(parameters[i]);
            }

            foreach (var e in batch)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = Columns[i].Value(e);
                    parameters[i].Value = (value is null ? null : converters[i] is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The columns written, with their parameter type where it is the same on every provider (the time is
    /// stored as ticks on SQLite, as timestamptz on PostgreSQL: its type follows the converted value).</summary>
    private static readonly (string Name, DbType? Type, Func<AuditEvent, object?> Value)[] Columns =
    [
        (nameof(AuditEvent.At), null, e => e.At),
        (nameof(AuditEvent.UserId), DbType.String, e => e.UserId),
        (nameof(AuditEvent.UserName), DbType.String, e => e.UserName),
        (nameof(AuditEvent.Action), DbType.String, e => e.Action),
        (nameof(AuditEvent.EntityType), DbType.String, e => e.EntityType),
        (nameof(AuditEvent.EntityId), DbType.String, e => e.EntityId),
        (nameof(AuditEvent.PersonId), DbType.Int64, e => e.PersonId),
        (nameof(AuditEvent.Before), DbType.String, e => e.Before),
        (nameof(AuditEvent.After), DbType.String, e => e.After),
    ];
}
