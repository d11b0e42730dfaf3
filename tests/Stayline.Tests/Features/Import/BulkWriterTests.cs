using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Features.Import;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Import;

public class BulkWriterTests
{
    private const string List = "A-Number,Last Name,First Name,DOB\nA012345678,Kassab,Yousif,1971-03-02\n023456789,Al-Rubaie,Mohammed,1980-05-14\n034567890,Aljabouri,Nadia,1990-01-20\n";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_LargeRelativeToTable_RebuildsEveryIndexAndKeyAndUndoes(string provider)
    {
        await using var kit = await ImportTestKit.CreateAsync(provider);
        var indexesBefore = await IndexesAsync(kit);

        await using (var db = kit.Db())
        {
            var service = new ImportService(db, TimeProvider.System, new AuditActor(null, "test"), new Stayline.Features.Protection.ProtectionRecompute(TimeProvider.System));
            // A minimum of 1 takes the rebuild path that a real list takes from 20,000 rows.
            var report = await service.RunAsync(kit.File("list.csv", List), new ImportOptions { FileName = "list.csv", BulkMinimum = 1 });
            Assert.True(report.Written, report.Summary);
            Assert.Equal(3, report.Created);
        }

        Assert.Equal(indexesBefore, await IndexesAsync(kit));
        await using (var db = kit.Db())
        {
            Assert.Equal(await ExpectedTokensAsync(db), await StoredTokensAsync(db));
            // The three new people are one run of ids on the batch, with no import row each.
            var run = await db.ImportCreated.SingleAsync();
            Assert.Equal(3, run.ToId - run.FromId + 1);
            Assert.Equal(3, await db.People.CountAsync(p => p.Id >= run.FromId && p.Id <= run.ToId));
            Assert.Equal(0, await db.ImportRows.CountAsync());
        }

        var undo = await kit.RunAsync("import", "undo", "1");
        Assert.True(undo.Code == 0, undo.Err);
        Assert.Equal((0, 1, 0, 0), await kit.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DbReindex_StaleTokens_RecomputesEveryPersonsTokens(string provider)
    {
        await using var kit = await ImportTestKit.CreateAsync(provider);
        Assert.Equal(0, (await kit.RunAsync("import", "people", kit.File("list.csv", List))).Code);
        await using (var db = kit.Db())
        {
            var yousif = await db.People.Include(p => p.Aliases).SingleAsync(p => p.GivenName == "Yousif");
            yousif.AddAlias("Youssef", "Qassab", "hotline");
            await db.SaveChangesAsync();
            // What an older name-key algorithm left behind: a key no current rule makes, and a missing token.
            await db.NameTokens.Where(t => t.Token == "kassab").ExecuteDeleteAsync();
            await db.NameKeys.ExecuteDeleteAsync();
            db.NameTokens.Add(new PersonNameToken { Token = "~stale", PersonId = yousif.Id });
            await db.SaveChangesAsync();
        }

        var indexesBefore = await IndexesAsync(kit);
        var (code, output, error) = await kit.RunAsync("db", "reindex");

        Assert.True(code == 0, error);
        Assert.Contains("Reindexed 3 people", output);
        Assert.Equal(indexesBefore, await IndexesAsync(kit));
        await using (var db = kit.Db())
        {
            var stored = await StoredTokensAsync(db);
            Assert.Equal(await ExpectedTokensAsync(db), stored);
            Assert.DoesNotContain("~stale", stored.Select(t => t.Token));
            var yousif = await db.People.SingleAsync(p => p.GivenName == "Yousif");
            // Kassab and the alias Qassab are both plain words; the key dictionary lists both under their shared key.
            Assert.Contains(stored, t => t.Token == "kassab" && t.PersonId == yousif.Id);
            Assert.Contains(stored, t => t.Token == "qassab" && t.PersonId == yousif.Id);
            Assert.Equal(["kassab", "qassab"], await db.NameKeys.Where(k => k.Key == "ksb").Select(k => k.Token).OrderBy(t => t).ToListAsync());
        }
    }

    /// <summary>
    /// A large import into a SQLite file held alone runs with a rollback journal (BulkJournal); with another
    /// connection open on the file (a running `serve`) it keeps the write-ahead log. Either way the file is in WAL after.
    /// </summary>
    [Theory]
    [InlineData(false, "journal: rollback (file held alone)")]
    [InlineData(true, "journal: write-ahead log")]
    public async Task Import_Large_RollbackJournalOnlyWhenHeldAloneAndWalAfter(bool otherConnection, string journal)
    {
        await using var kit = await ImportTestKit.CreateAsync("sqlite");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var other = new Microsoft.Data.Sqlite.SqliteConnection(kit.Database.ConnectionString + ";Pooling=False");
        if (otherConnection)
        {
            await other.OpenAsync();
            await using var read = other.CreateCommand();
            read.CommandText = "SELECT COUNT(*) FROM people";
            await read.ExecuteScalarAsync();
        }

        var timings = new PhaseClock();
        await using (var db = kit.Db())
        {
            var service = new ImportService(db, TimeProvider.System, new AuditActor(null, "test"), new Stayline.Features.Protection.ProtectionRecompute(TimeProvider.System));
            var report = await service.RunAsync(kit.File("list.csv", List), new ImportOptions { FileName = "list.csv", BulkMinimum = 1, Timings = timings });
            Assert.True(report.Written, report.Summary);
        }

        Assert.Contains(timings.Phases, p => p.Name == journal);
        await using var check = kit.Db();
        Assert.Equal("wal", await check.Database.SqlQueryRaw<string>("SELECT journal_mode AS \"Value\" FROM pragma_journal_mode").SingleAsync());
        Assert.Equal(3, await check.People.CountAsync());
        Assert.Equal(3, await check.Protections.CountAsync());
    }

    /// <summary>
    /// An import that fails after writing people (an injected failure in the writer's progress report) leaves the
    /// database as before: no person, batch or token of it, the dropped indexes back, an intact file, WAL again.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_FailsWhileWriting_LeavesTheDatabaseAsBefore(string provider)
    {
        await using var kit = await ImportTestKit.CreateAsync(provider);
        Assert.Equal(0, (await kit.RunAsync("import", "people", kit.File("first.csv", "A-Number,Last Name,First Name\nA099999999,Toma,Sami\n"))).Code);
        var indexesBefore = await IndexesAsync(kit);
        var countsBefore = await kit.CountsAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        await using (var db = kit.Db())
        {
            var service = new ImportService(db, TimeProvider.System, new AuditActor(null, "test"), new Stayline.Features.Protection.ProtectionRecompute(TimeProvider.System));
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                service.RunAsync(kit.File("list.csv", List), new ImportOptions { FileName = "list.csv", BulkMinimum = 1 }, new FailWhileWriting()));
            Assert.Equal(FailWhileWriting.Message, failure.Message);
        }

        Assert.Equal(countsBefore, await kit.CountsAsync());
        Assert.Equal(indexesBefore, await IndexesAsync(kit));
        await using var check = kit.Db();
        Assert.Equal(0, await check.People.CountAsync(p => p.FamilyName == "Kassab"));
        if (check.IsSqlite)
        {
            Assert.Equal("ok", await check.Database.SqlQueryRaw<string>("SELECT integrity_check AS \"Value\" FROM pragma_integrity_check").SingleAsync());
            Assert.Equal("wal", await check.Database.SqlQueryRaw<string>("SELECT journal_mode AS \"Value\" FROM pragma_journal_mode").SingleAsync());
        }
    }

    /// <summary>Throws once the writer reports its first written people.</summary>
    private sealed class FailWhileWriting : IProgress<ImportProgress>
    {
        public const string Message = "injected failure while writing";

        public void Report(ImportProgress value)
        {
            if (value.Phase == ImportPhase.Writing && value.Rows > 0)
            {
                throw new InvalidOperationException(Message);
            }
        }
    }

    [Fact]
    public void TokenOrder_TokensAndSortNames_RowsInKeyOrderTiesByPerson()
    {
        // Person 0 "zed" has tokens b, a; persons 1 and 2 share the sort name "amy" (ties keep person order).
        string[][] tokens = [["b", "a"], ["a"], ["a", "c"]];
        string[] sortNames = ["zed", "amy", "amy"];

        var ordered = TokenOrder.Of(tokens, sortNames);

        Assert.Equal(["a", "a", "a", "b", "c"], ordered.Tokens);
        Assert.Equal([1, 2, 0, 0, 2], ordered.Persons);
    }

    [Theory]
    [InlineData(new long[] { 5, 6, 7, 10, 12, 13 }, "5-7 10-10 12-13")]
    [InlineData(new long[] { 1 }, "1-1")]
    [InlineData(new long[] { }, "")]
    public void Runs_AscendingIds_ConsecutiveRuns(long[] ids, string expected) =>
        Assert.Equal(expected, string.Join(' ', PeopleBulkWriter.Runs(ids).Select(r => $"{r.From}-{r.To}")));

    private static async Task<List<(string Token, long PersonId)>> StoredTokensAsync(StaylineDbContext db) =>
        (await db.NameTokens.AsNoTracking().Select(t => new { t.Token, t.PersonId }).ToListAsync())
        .Select(t => (t.Token, t.PersonId)).Order().ToList();

    private static async Task<List<(string Token, long PersonId)>> ExpectedTokensAsync(StaylineDbContext db)
    {
        var people = await db.People.AsNoTracking().Include(p => p.Aliases).ToListAsync();
        return people.SelectMany(p => PersonSearch.TokensForPerson(p.GivenName, p.FamilyName, p.NativeName, p.Aliases.Select(a => PersonSearch.AliasName(a.GivenName, a.FamilyName)))
            .Select(t => (t, p.Id))).Order().ToList();
    }

    /// <summary>Every index and key of the tables the bulk writer touches, as the database describes them.</summary>
    private static async Task<List<string>> IndexesAsync(ImportTestKit kit)
    {
        await using var db = kit.Db();
        var sql = db.IsSqlite
            ? "SELECT name || ': ' || COALESCE(sql, '') AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('people', 'person_name_tokens', 'import_rows')"
            : """
              SELECT indexname || ': ' || indexdef AS "Value" FROM pg_indexes WHERE tablename IN ('people', 'person_name_tokens', 'import_rows')
              UNION ALL SELECT conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint
              WHERE conrelid IN ('people'::regclass, 'person_name_tokens'::regclass, 'import_rows'::regclass)
              """;
        var list = await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
        list.Sort(StringComparer.Ordinal);
        Assert.NotEmpty(list);
        return list;
    }
}
