using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Features.Protection;

namespace Stayline.Features.Import;

/// <summary>An import (or its dry run) running in the background for the upload page, which polls its progress.</summary>
public sealed class ImportJob
{
    public Guid Id { get; } = Guid.NewGuid();
    public required string UserId { get; init; }
    public required string FilePath { get; init; }
    public required ImportOptions Options { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public ImportProgress Progress { get; set; } = new(ImportPhase.Reading, 0, 0);
    public ImportReport? Report { get; set; }
    public string? Failure { get; set; }
    public bool Done => Report is not null || Failure is not null;
}

/// <summary>
/// Runs page imports off the request so the page can show progress. Jobs live in this process's memory: with several
/// web nodes, the progress page must reach the node that started the job (sticky sessions); the import itself is
/// one database transaction either way.
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();

    public static string UploadFolder => Path.Combine(Path.GetTempPath(), "stayline-uploads");

    public ImportJob Start(AuditActor actor, string filePath, ImportOptions options)
    {
        Sweep();
        var job = new ImportJob { UserId = actor.UserId ?? "", FilePath = filePath, Options = options, StartedAt = clock.GetUtcNow() };
        _jobs[job.Id] = job;
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var dbOptions = scope.ServiceProvider.GetRequiredService<DbContextOptions<StaylineDbContext>>();
                // The request (and its signed-in user) is gone by now: the actor is fixed when the job starts.
                // The save hook's recompute must run for the people the import updates, as in any other save.
                var recompute = scope.ServiceProvider.GetRequiredService<ProtectionRecompute>();
                await using var db = new StaylineDbContext(dbOptions, new FixedAuditActor(actor), clock, recompute);
                var service = new ImportService(db, clock, actor, recompute);
                job.Report = await service.RunAsync(filePath, options, new SyncProgress(p => job.Progress = p));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                job.Failure = "The import failed and nothing was written: " + ex.Message;
            }
            finally
            {
                if (!options.DryRun)
                {
                    TryDelete(filePath);
                }
            }
        });
        return job;
    }

    /// <summary>The job, only for the user who started it.</summary>
    public ImportJob? Get(Guid id, string? userId) => _jobs.TryGetValue(id, out var job) && job.UserId == (userId ?? "") ? job : null;

    // Uploads left by previews nobody committed, and finished jobs, are dropped after a day.
    private void Sweep()
    {
        var cutoff = clock.GetUtcNow().AddDays(-1);
        foreach (var (id, job) in _jobs)
        {
            if (job.Done && job.StartedAt < cutoff)
            {
                _jobs.TryRemove(id, out _);
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
