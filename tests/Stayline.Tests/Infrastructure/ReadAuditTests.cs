using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Stayline.Data;
using Stayline.Infrastructure;

namespace Stayline.Tests.Infrastructure;

/// <summary>The read-audit queue: a read returns once its record is committed; a failed write is retried until it succeeds;
/// a record not stored in time refuses the read instead of serving it unaudited.</summary>
public class ReadAuditTests
{
    private static readonly ReadAuditOptions Small = new()
    {
        Capacity = 2,
        BatchSize = 2,
        FullWait = TimeSpan.FromMilliseconds(50),
        RetryDelays = [TimeSpan.FromMilliseconds(10)],
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WriteQueued_DatabaseRefusesThenRecovers_KeepsTheBatchAndWritesEveryReadOnce(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var log = new ReadAuditLog(TimeProvider.System, NullLogger<ReadAuditLog>.Instance, Small with { Capacity = 10, BatchSize = 10 });
        var writer = new ReadAuditWriter(log, app.Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<ReadAuditWriter>.Instance);
        var actor = new AuditActor("u1", "attorney@test.stayline");
        var stored = new List<Task>();
        foreach (var id in new long[] { 11, 12, 13 })
        {
            stored.Add(await log.EnqueueAsync(actor, [id], "view", "test", CancellationToken.None));
        }

        await RefuseAuditWritesAsync(app, refuse: true);
        await writer.WriteQueuedAsync(maxAttempts: 3, CancellationToken.None);
        Assert.Equal(3, log.Pending);
        Assert.Empty(await ViewsAsync(app));
        Assert.DoesNotContain(stored, t => t.IsCompleted);

        await RefuseAuditWritesAsync(app, refuse: false);
        await writer.WriteQueuedAsync(maxAttempts: 1, CancellationToken.None);

        Assert.Equal(0, log.Pending);
        Assert.All(stored, t => Assert.True(t.IsCompletedSuccessfully));
        Assert.Equal([11L, 12L, 13L], await ViewsAsync(app));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Record_ReturnsOnlyOnceTheBatchHoldingItIsCommitted_ManyRequestsShareOneBatch(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var log = new ReadAuditLog(TimeProvider.System, NullLogger<ReadAuditLog>.Instance, new ReadAuditOptions { FullWait = TimeSpan.FromMinutes(1) });
        var writer = new ReadAuditWriter(log, app.Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<ReadAuditWriter>.Instance);
        var actor = new AuditActor("u1", "viewer@test.stayline");

        var requests = Enumerable.Range(1, 20).Select(i => log.RecordAsync(actor, [i, 100 + i], "view", "GET /test", CancellationToken.None)).ToList();
        await Task.Yield();
        Assert.DoesNotContain(requests, t => t.IsCompleted);
        Assert.Equal(40, log.Pending);

        await writer.WriteQueuedAsync(maxAttempts: 1, CancellationToken.None);

        await Task.WhenAll(requests);
        Assert.Equal(40, (await ViewsAsync(app)).Count);
        Assert.Equal(0, log.Pending);
    }

    [Fact]
    public async Task Record_NotStoredWithinTheWait_RefusesAndIsNotWrittenLater()
    {
        await using var app = await TestApp.StartAsync();
        var log = new ReadAuditLog(TimeProvider.System, NullLogger<ReadAuditLog>.Instance, Small);
        var writer = new ReadAuditWriter(log, app.Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<ReadAuditWriter>.Instance);
        var actor = new AuditActor("u1", "viewer@test.stayline");

        await Assert.ThrowsAsync<ReadAuditUnavailableException>(() => log.PersonOpenedAsync(actor, 7, "GET /test", CancellationToken.None));
        Assert.Equal(0, log.Pending);

        await writer.WriteQueuedAsync(maxAttempts: 1, CancellationToken.None);
        Assert.Empty(await ViewsAsync(app));
    }

    [Fact]
    public async Task Record_QueueFull_RefusesAfterTheWaitAndAcceptsOnceThereIsRoom()
    {
        var log = new ReadAuditLog(TimeProvider.System, NullLogger<ReadAuditLog>.Instance, Small);
        var actor = new AuditActor("u1", "viewer@test.stayline");
        await log.EnqueueAsync(actor, [1], "view", "api", CancellationToken.None);
        await log.EnqueueAsync(actor, [2], "view", "api", CancellationToken.None);

        await Assert.ThrowsAsync<ReadAuditUnavailableException>(() => log.PersonOpenedAsync(actor, 3, "api", CancellationToken.None));
        Assert.Equal(2, log.Pending);

        Assert.True(log.Reader.TryRead(out _));
        await log.EnqueueAsync(actor, [4], "view", "api", CancellationToken.None);
        Assert.Equal(3, log.Pending);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Get_AuditLogCannotBeWritten_ApiAnswers503ProblemAndPageAnswers503Html(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var created = await app.Api("intake").PostAsJsonAsync("/api/v1/people", new { givenName = "Nadia", familyName = "Jarjees" });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        var browser = await app.SignedInAsync("viewer");
        await RefuseAuditWritesAsync(app, refuse: true);
        var journal = app.Services.GetRequiredService<ReadAuditLog>().Journal;
        if (journal is not null)
        {
            // SQLite: reads go to the journal first; a file where its folder should be makes it unwritable.
            Assert.False(Directory.Exists(journal.Folder));
            await File.WriteAllTextAsync(journal.Folder, "");
        }

        // Each request waits for its record (ReadAuditOptions.FullWait), which the database never takes.
        var apiTask = app.Api("viewer").GetAsync($"/api/v1/people/{id}");
        var pageTask = browser.GetAsync($"/People/Details?id={id}");
        var api = await apiTask;
        var page = await pageTask;
        await RefuseAuditWritesAsync(app, refuse: false);
        if (journal is not null)
        {
            File.Delete(journal.Folder);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("audit log cannot be written", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Makes the database refuse (or accept again) every insert into the audit table, as a full disk or a lost server would.</summary>
    private static async Task RefuseAuditWritesAsync(TestApp app, bool refuse)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        string[] statements = (db.IsSqlite, refuse) switch
        {
            (true, true) => ["CREATE TRIGGER refuse_audit BEFORE INSERT ON \"audit_events\" BEGIN SELECT RAISE(ABORT, 'audit refused'); END"],
            (true, false) => ["DROP TRIGGER refuse_audit"],
            (false, true) =>
            [
                "CREATE FUNCTION refuse_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$ LANGUAGE plpgsql",
                "CREATE TRIGGER refuse_audit BEFORE INSERT ON \"audit_events\" FOR EACH ROW EXECUTE FUNCTION refuse_audit()",
            ],
            (false, false) => ["DROP TRIGGER refuse_audit ON \"audit_events\"", "DROP FUNCTION refuse_audit()"],
        };
        foreach (var sql in statements)
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }
    }

    private static async Task<List<long>> ViewsAsync(TestApp app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        return await db.AuditEvents.Where(e => e.Action == "view").OrderBy(e => e.PersonId).Select(e => e.PersonId!.Value).ToListAsync();
    }
}
