namespace Stayline.Infrastructure;

/// <summary>
/// SQLite: moves the read-audit journal (<see cref="ReadAuditJournal"/>) into <c>audit_events</c> every
/// <see cref="ReadAuditOptions.SyncEvery"/>: seals the segment being written (synced to disk), inserts each sealed
/// segment in one transaction committed with synchronous=FULL together with the segment's name, then deletes the
/// file. A segment left by a crash (of this process or another) is moved at the next pass; one whose name is
/// already recorded is only deleted, so a read is never recorded twice. While the database is busy (a recompute
/// or an import holds SQLite's write lock) reads keep being served and journalled; they reach the audit log when
/// the lock is free.
/// </summary>
public sealed class ReadAuditJournalMover(ReadAuditLog log, IServiceScopeFactory scopes, ILogger<ReadAuditJournalMover> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AuditEventInserter? _inserter;
    private int _failures;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (log.Journal is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(log.Options.SyncEvery);
        try
        {
            do
            {
                await MoveAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        try
        {
            for (var attempt = 0; attempt < log.Options.ShutdownAttempts && !await MoveAsync(CancellationToken.None); attempt++)
            {
            }
        }
        finally
        {
            if (_inserter is not null)
            {
                await _inserter.DisposeAsync();
            }

            if (log.Journal.Sealed().Count is var left and > 0)
            {
                logger.LogWarning("{Count} read-audit journal segments in {Folder} are not yet in the audit log; the next start moves them",
                    left, log.Journal.Folder);
            }
        }
    }

    /// <summary>Seals the segment being written and moves every sealed segment; false when the database refused one
    /// (it stays on disk for the next pass).</summary>
    public async Task<bool> MoveAsync(CancellationToken ct)
    {
        var journal = log.Journal;
        if (journal is null)
        {
            return true;
        }

        await _gate.WaitAsync(ct);
        try
        {
            journal.Seal();
            foreach (var path in journal.Sealed())
            {
                if (!await MoveSegmentAsync(journal, path, ct))
                {
                    return false;
                }
            }

            _failures = 0;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> MoveSegmentAsync(ReadAuditJournal journal, string path, CancellationToken ct)
    {
        var name = Path.GetFileName(path);
        using (var file = ReadAuditJournal.TryOpen(path))
        {
            if (file is null)
            {
                // Another process is writing it, or has just moved it.
                return true;
            }

            var (events, unreadable) = ReadAuditJournal.Read(file);
            if (unreadable > 0)
            {
                logger.LogError("Read-audit journal segment {Segment}: {Count} lines cut short or unreadable (a power cut or a full disk while it was written); the other {Read} reads are moved",
                    name, unreadable, events.Count);
            }

            try
            {
                _inserter ??= await AuditEventInserter.OpenAsync(scopes, ct);
                await _inserter.WriteAsync(events, syncEvery: TimeSpan.Zero, segment: name, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                if (_inserter is not null)
                {
                    await _inserter.DisposeAsync();
                    _inserter = null;
                }

                // Twice a second while the database refuses: say so at the first failure and then once a minute.
                if (_failures++ % 120 == 0)
                {
                    logger.LogError(ex, "Could not move read-audit journal segment {Segment} ({Count} reads) into the audit log; the reads are kept on disk and retried (failure {Failures})",
                        name, events.Count, _failures);
                }

                return false;
            }
        }

        File.Delete(path);
        journal.Moved(path);
        return true;
    }
}
