using System.Diagnostics;
using Stayline.Data;
using Stayline.Data.Bulk;
using Stayline.Domain.Work;

namespace Stayline.Infrastructure;

/// <summary>The read audit's own scope and <see cref="AuditEventWrite"/>, kept between batches; each batch is one
/// transaction, stored whole or not at all, so a retry never duplicates. Used by <see cref="ReadAuditWriter"/>
/// (PostgreSQL) and <see cref="ReadAuditJournalMover"/> (SQLite).</summary>
internal sealed class AuditEventInserter : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;
    private readonly AuditEventWrite _write;
    private long _lastSync;

    private AuditEventInserter(AsyncServiceScope scope, AuditEventWrite write)
    {
        _scope = scope;
        _write = write;
    }

    public static async Task<AuditEventInserter> OpenAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            return new AuditEventInserter(scope, await AuditEventWrite.OpenAsync(scope.ServiceProvider.GetRequiredService<StaylineDbContext>(), ct));
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes the events in one transaction; with a journal segment's name, records it in the same transaction
    /// and writes nothing when it was recorded before (false).</summary>
    /// <param name="syncEvery">SQLite: commit synced to disk when this long has passed since the last such commit; zero syncs every commit.</param>
    public async Task<bool> WriteAsync(IEnumerable<AuditEvent> events, TimeSpan syncEvery, string? segment, CancellationToken ct)
    {
        var sync = syncEvery == TimeSpan.Zero || Stopwatch.GetElapsedTime(_lastSync) >= syncEvery;
        var written = await _write.WriteAsync(events, sync, segment, ct);
        if (sync)
        {
            _lastSync = Stopwatch.GetTimestamp();
        }

        return written;
    }

    public async ValueTask DisposeAsync()
    {
        await _write.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
