using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Importing;
using Stayline.Features.Protection;

namespace Stayline.Features.Import;

/// <summary>An import (or its dry run) for the upload page, as read from the database by any node.</summary>
public sealed class ImportJob
{
    public Guid Id { get; init; }
    public required string UserId { get; init; }
    public required string FilePath { get; init; }
    public required ImportOptions Options { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public ImportProgress Progress { get; init; } = new(ImportPhase.Reading, 0, 0);
    public ImportReport? Report { get; init; }
    /// <summary>Why the job failed, said on the progress page in the reader's language.</summary>
    public Sentence? Failed { get; init; }

    public string? Failure => Failed?.ToString();

    public bool Done => Report is not null || Failed is not null;
}

/// <summary>
/// Runs page imports off the request so the page can show progress. The job's progress, report and errors are
/// written to the database (progress about once a second), so with several web nodes on one PostgreSQL any
/// node's progress page shows a job another node runs. The import itself is one database transaction either way.
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportJobs> log, IConfiguration configuration)
{
    /// <summary>Where uploaded lists wait for their import: `Stayline:Uploads` (a folder every web node can reach, so
    /// a list previewed on one node can be imported from another), else stayline-data/uploads beside the default
    /// database. Never a shared temporary folder: another account could read or replace the files.</summary>
    public string UploadFolder { get; } = Path.GetFullPath(configuration["Stayline:Uploads"] is { Length: > 0 } folder
        ? folder
        : Path.Combine(Path.GetDirectoryName(StaylineDatabase.DefaultSqlitePath)!, "uploads"));

    /// <summary>How often a running job's progress is written.</summary>
    public static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(1);

    /// <summary>Errors per page of the progress page.</summary>
    public const int ErrorPage = 200;

    // Jobs running on this node, by id: their latest progress, written to the database by the job's own loop.
    private readonly ConcurrentDictionary<Guid, Task> _running = new();


    public async Task<Guid> StartAsync(AuditActor actor, string filePath, ImportOptions options, CancellationToken ct = default)
    {
        await SweepAsync(ct);
        var id = Guid.NewGuid();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var now = clock.GetUtcNow();
            db.ImportJobs.Add(new ImportJobRecord
            {
                Id = id,
                UserId = actor.UserId ?? "",
                Source = options.Source,
                FileName = options.FileName,
                FilePath = filePath,
                DryRun = options.DryRun,
                MappingJson = options.Mapping is null ? null : JsonSerializer.Serialize(options.Mapping, ImportService.Json),
                Phase = nameof(ImportPhase.Reading),
                StartedAt = now,
                UpdatedAt = now,
            });
            await db.SaveChangesAsync(ct);
        }

        _running[id] = Task.Run(() => RunAsync(id, actor, filePath, options));
        return id;
    }

    /// <summary>Waits for this node's running jobs (tests, shutdown).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_running.Values);

    private async Task RunAsync(Guid id, AuditActor actor, string filePath, ImportOptions options)
    {
        var latest = new ImportProgress(ImportPhase.Reading, 0, 0);
        var large = new FileInfo(filePath) is { Exists: true, Length: > 16 << 20 };
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() => WriteProgressAsync(id, () => latest, stop.Token));
        ImportReport? report = null;
        Sentence? failure = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var dbOptions = scope.ServiceProvider.GetRequiredService<DbContextOptions<StaylineDbContext>>();
            // The request (and its signed-in user) is gone by now: the actor is fixed when the job starts.
            // The save hook's recompute must run for the people the import updates, as in any other save.
            var recompute = scope.ServiceProvider.GetRequiredService<ProtectionRecompute>();
            await using var db = new StaylineDbContext(dbOptions, new FixedAuditActor(actor), clock, scope.ServiceProvider.GetServices<IFactsChangedHandler>());
            var service = new ImportService(db, clock, actor, recompute);
            report = await service.RunAsync(filePath, options, new SyncProgress(p => latest = p));
        }
        catch (Exception ex)
        {
            // Out of memory included: the job ends as failed, its memory is let go below, and the page says so
            // plainly; the exception itself goes to the log only.
            log.LogError(ex, "Import job {JobId} ({FileName}) failed", id, options.FileName);
            failure = ex is OutOfMemoryException
                ? Sentence.Of($"The import failed and nothing was written: the server ran out of memory reading this file. Split the list into smaller files.")
                : Sentence.Of($"The import failed and nothing was written. The details are in the server log (job {id}).");
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
            if (!options.DryRun)
            {
                TryDelete(filePath);
            }
        }

        try
        {
            await FinishAsync(id, report, failure);
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Import job {JobId}: its report could not be stored", id);
            try
            {
                await FinishAsync(id, null, Sentence.Of($"The import's report could not be stored. The details are in the server log (job {id})."));
            }
            catch (Exception again)
            {
                log.LogError(again, "Import job {JobId}: its failure could not be stored either", id);
            }
        }
        finally
        {
            (report?.Errors as IDisposable)?.Dispose();
            (report?.RowWarnings as IDisposable)?.Dispose();
            report = null;
            _running.TryRemove(id, out _);
            // A large list's working memory is returned to the system now, not whenever the server next collects.
            if (large || failure is not null)
            {
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }
        }
    }

    private async Task WriteProgressAsync(Guid id, Func<ImportProgress> latest, CancellationToken stop)
    {
        ImportProgress? written = null;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ProgressEvery, clock, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var p = latest();
            if (p == written)
            {
                continue;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
                var now = clock.GetUtcNow();
                await db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Phase, p.Phase.ToString())
                    .SetProperty(j => j.Fraction, p.Fraction)
                    .SetProperty(j => j.Rows, p.Rows)
                    .SetProperty(j => j.UpdatedAt, now), stop);
                written = p;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // SQLite is locked while the import writes: progress waits for the next round.
                log.LogDebug(ex, "Import job {JobId}: progress not written this round", id);
            }
        }
    }

    private async Task FinishAsync(Guid id, ImportReport? report, Sentence? failure)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        await db.ImportJobErrors.Where(e => e.JobId == id).ExecuteDeleteAsync();
        if (report is not null)
        {
            // Errors in pages of rows, never all at once (there may be millions).
            // The row warnings follow the errors in the same sequence: warning i is at ErrorTotal + i.
            var seq = 0;
            foreach (var chunk in report.Errors.Concat(report.RowWarnings).Chunk(5000))
            {
                db.ImportJobErrors.AddRange(chunk.Select(e => new ImportJobError { JobId = id, Seq = seq++, Row = e.Row, Column = e.Column, Value = e.Value, Message = e.Message, Sentence = e.Sentence.Format == "{0}" ? null : e.Sentence.ToJson() }));
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        var json = report is null ? null : JsonSerializer.Serialize(report with { Errors = [], ErrorTotal = report.Errors.Count, RowWarnings = [], WarningTotal = report.RowWarnings.Count },
            ImportService.Json);
        var count = report?.Errors.Count ?? 0;
        var now = clock.GetUtcNow();
        var failureText = failure?.ToString();
        var failureJson = failure?.ToJson();
        await db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.ReportJson, json)
            .SetProperty(j => j.ErrorCount, count)
            .SetProperty(j => j.Failure, failureText)
            .SetProperty(j => j.FailureSentence, failureJson)
            .SetProperty(j => j.Phase, nameof(ImportPhase.Done))
            .SetProperty(j => j.Fraction, 1.0)
            .SetProperty(j => j.Done, true)
            .SetProperty(j => j.UpdatedAt, now));
    }

    /// <summary>The job, only for the user who started it, from whichever node runs it.</summary>
    public async Task<ImportJob?> GetAsync(Guid id, string? userId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var user = userId ?? "";
        var r = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.UserId == user, ct);
        if (r is null)
        {
            return null;
        }

        var report = r.ReportJson is null ? null : JsonSerializer.Deserialize<ImportReport>(r.ReportJson, ImportService.Json);
        return new ImportJob
        {
            Id = r.Id,
            UserId = r.UserId,
            FilePath = r.FilePath,
            StartedAt = r.StartedAt,
            Options = new ImportOptions
            {
                Source = r.Source,
                FileName = r.FileName,
                DryRun = r.DryRun,
                Mapping = r.MappingJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, ImportField>>(r.MappingJson, ImportService.Json),
            },
            Progress = new ImportProgress(Enum.TryParse<ImportPhase>(r.Phase, out var phase) ? phase : ImportPhase.Reading, r.Fraction, r.Rows),
            Report = r.Done ? report : null,
            Failed = !r.Done || r.Failure is null ? null : r.FailureSentence is { } said ? Sentence.FromJson(said) : Sentence.Verbatim(r.Failure),
        };
    }

    /// <summary>A page of a job's errors (from 0), in the order found.</summary>
    public Task<IReadOnlyList<ImportError>> ErrorsAsync(Guid id, int page, CancellationToken ct = default) => ErrorsAsync(id, page, int.MaxValue, ct);

    /// <summary>A page of the errors (the first <paramref name="errorTotal"/> of the stored sequence).</summary>
    public Task<IReadOnlyList<ImportError>> ErrorsAsync(Guid id, int page, int errorTotal, CancellationToken ct = default)
    {
        var from = Math.Max(0, page) * ErrorPage;
        return StoredAsync(id, from, (int)Math.Min((long)from + ErrorPage, errorTotal), ct);
    }

    /// <summary>A page of the row warnings, stored after the <paramref name="errorTotal"/> errors.</summary>
    public Task<IReadOnlyList<ImportError>> WarningsAsync(Guid id, int page, int errorTotal, CancellationToken ct = default)
    {
        var from = errorTotal + (Math.Max(0, page) * ErrorPage);
        return StoredAsync(id, from, from + ErrorPage, ct);
    }

    private async Task<IReadOnlyList<ImportError>> StoredAsync(Guid id, int from, int to, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        return (await db.ImportJobErrors.AsNoTracking().Where(e => e.JobId == id && e.Seq >= from && e.Seq < to).OrderBy(e => e.Seq).ToListAsync(ct))
            .Select(e => new ImportError(e.Row, e.Column, e.Value, e.Sentence is { } json ? Sentence.FromJson(json) : Sentence.Verbatim(e.Message))).ToList();
    }

    // Uploads left by previews nobody committed, and finished jobs, are dropped after a day.
    private async Task SweepAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().AddDays(-1);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var old = await db.ImportJobs.Where(j => j.Done).Select(j => new { j.Id, j.StartedAt }).ToListAsync(ct);
            var ids = old.Where(j => j.StartedAt < cutoff).Select(j => j.Id).ToList();
            if (ids.Count > 0)
            {
                await db.ImportJobErrors.Where(e => ids.Contains(e.JobId)).ExecuteDeleteAsync(ct);
                await db.ImportJobs.Where(j => ids.Contains(j.Id)).ExecuteDeleteAsync(ct);
            }
        }

        if (Directory.Exists(UploadFolder))
        {
            foreach (var f in new DirectoryInfo(UploadFolder).EnumerateFiles().Where(f => f.LastWriteTimeUtc < cutoff.UtcDateTime))
            {
                TryDelete(f.FullName);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to a thread pool with no ordering).</summary>
    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
