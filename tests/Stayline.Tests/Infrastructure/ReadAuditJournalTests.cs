using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Work;
using Stayline.Infrastructure;

namespace Stayline.Tests.Infrastructure;

/// <summary>SQLite's read-audit journal: a read is in the journal file before its response, is served while another
/// writer holds the database, and reaches audit_events exactly once whatever happens between.</summary>
public class ReadAuditJournalTests
{
    /// <summary>The periodic move is pushed out of the way: each test moves the journal when it wants.</summary>
    private static Task<TestApp> StartAsync() => TestApp.StartAsync(configure: b =>
        b.Services.AddSingleton(new ReadAuditOptions { SyncEvery = TimeSpan.FromHours(1) }));

    [Fact]
    public async Task Get_ResponseSent_TheReadIsAlreadyInTheJournalFile()
    {
        await using var app = await StartAsync();
        var id = await CreatePersonAsync(app);

        Assert.Equal(HttpStatusCode.OK, (await app.Api("viewer").GetAsync($"/api/v1/people/{id}")).StatusCode);

        // Sealing only closes the file (nothing more is written): it lets this test open a segment its writer locks.
        var journal = Journal(app);
        journal.Seal();
        var lines = Directory.GetFiles(journal.Folder, "*" + ReadAuditJournal.Extension)
            .SelectMany(f => ReadShared(f).Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var read = Assert.Single(lines);
        using var json = JsonDocument.Parse(read);
        Assert.Equal(id, json.RootElement.GetProperty("personId").GetInt64());
        Assert.Equal(TestApp.Email("viewer"), json.RootElement.GetProperty("userName").GetString());
        Assert.Equal(1, journal.Pending);
        Assert.Empty(await ViewsAsync(app));
    }

    [Fact]
    public async Task Get_AnotherWriterHoldsTheDatabase_ReadIsServedAndAuditedOnceTheDatabaseIsFree()
    {
        await using var app = await StartAsync();
        var id = await CreatePersonAsync(app);
        var page = await app.SignedInAsync("viewer");

        // A recompute or an import holds SQLite's only write lock for seconds; reads used to wait for it and be refused after 5 s.
        await using (var writer = new SqliteConnection(app.Database.ConnectionString))
        {
            await writer.OpenAsync();
            await using var hold = writer.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE";
            await hold.ExecuteNonQueryAsync();

            Assert.Equal(HttpStatusCode.OK, (await app.Api("viewer").GetAsync($"/api/v1/people/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await page.GetAsync($"/People/Details?id={id}")).StatusCode);

            hold.CommandText = "ROLLBACK";
            await hold.ExecuteNonQueryAsync();
        }

        Assert.True(await app.ReadAuditMovedAsync());
        Assert.Equal([id, id], (await ViewsAsync(app)).Select(e => e.PersonId!.Value));
        Assert.Equal(0, Journal(app).Pending);
        Assert.Empty(Directory.GetFiles(Journal(app).Folder));
    }

    [Fact]
    public async Task Move_SegmentLeftByACrashAfterItsMove_IsDeletedAndNotRecordedTwice()
    {
        await using var app = await StartAsync();
        var journal = Journal(app);
        journal.Append([Read(1), Read(2)]);
        journal.Seal();
        var segment = Assert.Single(Directory.GetFiles(journal.Folder));
        var copy = File.ReadAllBytes(segment);
        Assert.True(await app.ReadAuditMovedAsync());

        // A crash between the commit and the delete leaves the segment on disk.
        await File.WriteAllBytesAsync(segment, copy);
        Assert.True(await app.ReadAuditMovedAsync());

        Assert.Equal([1L, 2L], (await ViewsAsync(app)).Select(e => e.PersonId!.Value));
        Assert.False(File.Exists(segment));
    }

    [Fact]
    public async Task Move_SegmentCutShortByAPowerCut_MovesItsCompleteLines()
    {
        await using var app = await StartAsync();
        var journal = Journal(app);
        journal.Append([Read(1), Read(2)]);
        journal.Seal();
        var segment = Assert.Single(Directory.GetFiles(journal.Folder));
        await File.AppendAllTextAsync(segment, "{\"at\":\"2026-12-04T10:00:00+00:00\",\"userNa");

        Assert.True(await app.ReadAuditMovedAsync());

        Assert.Equal([1L, 2L], (await ViewsAsync(app)).Select(e => e.PersonId!.Value));
    }

    [Fact]
    public async Task Move_SegmentAnotherProcessIsWriting_IsLeftUntilItIsReleased()
    {
        await using var app = await StartAsync();
        var journal = Journal(app);
        journal.Append([Read(1)]);
        journal.Seal();
        var other = Path.Combine(journal.Folder, "20261204T100000000-99999-000001" + ReadAuditJournal.Extension);
        await File.WriteAllBytesAsync(other, File.ReadAllBytes(Assert.Single(Directory.GetFiles(journal.Folder))));

        await using (new FileStream(other, FileMode.Open, FileAccess.Write, FileShare.None))
        {
            Assert.True(await app.ReadAuditMovedAsync());
            Assert.True(File.Exists(other));
            Assert.Single(await ViewsAsync(app));
        }

        Assert.True(await app.ReadAuditMovedAsync());
        Assert.Equal(2, (await ViewsAsync(app)).Count);
        Assert.False(File.Exists(other));
    }

    [Fact]
    public async Task Move_DatabaseRefuses_KeepsTheReadsOnDiskAndMovesThemLater()
    {
        await using var app = await StartAsync();
        var journal = Journal(app);
        journal.Append([Read(7)]);
        await ExecuteAsync(app, "CREATE TRIGGER refuse_audit BEFORE INSERT ON \"audit_events\" BEGIN SELECT RAISE(ABORT, 'audit refused'); END");

        Assert.False(await app.ReadAuditMovedAsync());
        Assert.Single(Directory.GetFiles(journal.Folder));
        Assert.Equal(1, journal.Pending);

        await ExecuteAsync(app, "DROP TRIGGER refuse_audit");
        Assert.True(await app.ReadAuditMovedAsync());
        Assert.Equal([7L], (await ViewsAsync(app)).Select(e => e.PersonId!.Value));
        Assert.Equal(0, journal.Pending);
    }

    private static ReadAuditJournal Journal(TestApp app) => app.Services.GetRequiredService<ReadAuditLog>().Journal!;

    private static AuditEvent Read(long personId) =>
        new(DateTimeOffset.UtcNow, "u1", "viewer@test.stayline", "view", "Person", personId.ToString(System.Globalization.CultureInfo.InvariantCulture), personId, null, "GET /test");

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task<long> CreatePersonAsync(TestApp app)
    {
        var created = await app.Api("intake").PostAsJsonAsync("/api/v1/people", new { givenName = "Nadia", familyName = "Jarjees" });
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
    }

    private static async Task ExecuteAsync(TestApp app, string sql)
    {
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    private static async Task<List<AuditEvent>> ViewsAsync(TestApp app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Action == "view").OrderBy(e => e.Id).ToListAsync();
    }
}
