using System.Globalization;
using System.Threading.Channels;
using Stayline.Data;
using Stayline.Domain.People;
using Stayline.Domain.Work;

namespace Stayline.Infrastructure;

/// <summary>
/// Records every opening of a person's file. Reads are queued and written in batches by a background
/// writer so that an audited read costs no write on the request path; changes are audited in the same
/// transaction as the change itself (StaylineDbContext.SaveChangesAsync).
/// </summary>
public sealed class ReadAuditLog(TimeProvider clock)
{
    private readonly Channel<AuditEvent> _queue = Channel.CreateUnbounded<AuditEvent>(new UnboundedChannelOptions { SingleReader = true });

    public void PersonOpened(AuditActor actor, long personId, string via) =>
        _queue.Writer.TryWrite(new AuditEvent(clock.GetUtcNow(), actor.UserId, actor.UserName, "view", nameof(Person),
            personId.ToString(CultureInfo.InvariantCulture), personId, null, via));

    internal ChannelReader<AuditEvent> Reader => _queue.Reader;

    /// <summary>Number of reads not yet written (tests wait for zero).</summary>
    public int Pending => _queue.Reader.Count;
}

internal sealed class ReadAuditWriter(ReadAuditLog log, IServiceScopeFactory scopes, ILogger<ReadAuditWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AuditEvent>(512);
        try
        {
            while (await log.Reader.WaitToReadAsync(stoppingToken))
            {
                await FlushAsync(batch, CancellationToken.None);
            }
        }
        catch (OperationCanceledException)
        {
        }

        // Drain on shutdown so that no read goes unrecorded.
        await FlushAsync(batch, CancellationToken.None);
    }

    private async Task FlushAsync(List<AuditEvent> batch, CancellationToken ct)
    {
        while (true)
        {
            batch.Clear();
            while (batch.Count < 512 && log.Reader.TryRead(out var e))
            {
                batch.Add(e);
            }

            if (batch.Count == 0)
            {
                return;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
                db.AuditEvents.AddRange(batch);
                await db.SaveChangesAsync(ct);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Could not write {Count} read-audit events", batch.Count);
            }
        }
    }
}
