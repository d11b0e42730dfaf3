using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Stayline.Data;
using Stayline.Tests.Features.Import;
using Stayline.Tests.Features.Review;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.People;

/// <summary>The token rows of a person and the NameIndex that lists them stay in step (ADR 0003).</summary>
public class NameIndexTests
{
    // Two valid words (at most 200 characters) that differ only after character 99: both are cut to the same
    // 99 characters, and both are bound words (their own keys are not keys of the whole name).
    private static readonly string LongGiven = new string('b', 99) + "ac";
    private static readonly string LongFamily = new string('b', 99) + "ec";

    [Fact]
    public void TokensFor_TwoLongWordsCutAlike_OneToken()
    {
        var tokens = PersonSearch.TokensForPerson(LongGiven, LongFamily, null, []);

        Assert.Equal(tokens.Length, tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveAndImport_TwoLongWordsCutAlike_StoredAndFoundByPrefix(string provider)
    {
        await using var kit = await ImportTestKit.CreateAsync(provider);
        var csv = $"A-Number,Last Name,First Name,DOB\nA100000001,Kassab,Yousif,1970-01-01\nA100000002,{LongFamily},{LongGiven},1971-01-01\n";

        var (code, _, error) = await kit.RunAsync("import", "people", kit.File("list.csv", Encoding.UTF8.GetBytes(csv)));

        Assert.True(code == 0, error);
        await using var db = kit.Db();
        await ReviewServiceTests.AddPersonAsync(db, LongGiven + "x", LongFamily + "y", null);
        Assert.Equal(3, await db.People.CountAsync());
        // A query word of 100 or more characters still finds the word stored cut to 99 and marked.
        var search = Stayline.Features.People.NameSearch.Parse(db, LongGiven)!;
        Assert.Equal(2, await search.All.CountAsync());
    }

    /// <summary>
    /// PostgreSQL (read committed): an alias is added while another user renames the person. The alias save is held
    /// at its first statement on people (the lock, or the read if there were no lock) until the rename commits.
    /// Every token row of the person must be one its NameIndex lists, or the delete trigger would leave it for ever.
    /// </summary>
    [Fact]
    public async Task ConcurrentRenameAndAlias_EveryRowListedInNameIndex()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)))
        {
            return;
        }

        await using var database = await TestDatabase.CreateAsync("postgres");
        var setting = StaylineDatabase.From(database.ConnectionString);
        long id;
        await using (var db0 = new StaylineDbContext(setting.Options()))
        {
            await StaylineDatabase.MigrateAsync(db0);
            id = await ReviewServiceTests.AddPersonAsync(db0, "Hanna", "Yaldo", null);
        }

        var hold = new HoldAtNameIndex();
        var optionsB = new DbContextOptionsBuilder<StaylineDbContext>();
        setting.Configure(optionsB);
        optionsB.AddInterceptors(hold);
        await using var dbB = new StaylineDbContext(optionsB.Options);
        var personB = await dbB.People.Include(p => p.Aliases).SingleAsync(p => p.Id == id);
        personB.AddAlias("Hana", "Shamoon", "hotline");
        hold.Arm();
        var saveB = dbB.SaveChangesAsync();
        Assert.True(await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30)));

        await using (var dbA = new StaylineDbContext(setting.Options()))
        {
            var personA = await dbA.People.SingleAsync(p => p.Id == id);
            Assert.Empty(personA.Update(personA.ToInput() with { GivenName = "Sami" }, new DateOnly(2026, 1, 1)));
            await dbA.SaveChangesAsync();
        }

        hold.Release.Release();
        await saveB;

        await using var check = new StaylineDbContext(setting.Options());
        var index = PersonSearch.ReadNameIndex(await check.People.Where(p => p.Id == id)
            .Select(p => EF.Property<string?>(p, PersonSearch.NameIndexColumn)).SingleAsync())!;
        var rows = await check.NameTokens.Where(t => t.PersonId == id).Select(t => new { t.Token, t.SortName }).ToListAsync();
        Assert.Equal("sami yaldo", index.Sort);
        Assert.Contains("shamoon", index.Tokens);
        Assert.Empty(rows.Where(r => r.SortName != index.Sort || !index.Tokens.Contains(r.Token)).Select(r => $"{r.Token}/{r.SortName}"));
        Assert.Equal(index.Tokens.Order(), rows.Select(r => r.Token).Order());
    }

    /// <summary>Holds the save hook at its first statement on people that names NameIndex: before the lock runs, or
    /// after the read.</summary>
    private sealed class HoldAtNameIndex : DbCommandInterceptor
    {
        public readonly SemaphoreSlim Reached = new(0);
        public readonly SemaphoreSlim Release = new(0);
        private int _done = 1;

        public void Arm() => _done = 0;

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await HoldAsync(command, cancellationToken);
            return result;
        }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            await HoldAsync(command, cancellationToken);
            return result;
        }

        private async Task HoldAsync(DbCommand command, CancellationToken ct)
        {
            if (command.CommandText.Contains(PersonSearch.NameIndexColumn, StringComparison.Ordinal) && command.CommandText.Contains("people", StringComparison.Ordinal)
                && Interlocked.Exchange(ref _done, 1) == 0)
            {
                Reached.Release();
                await Release.WaitAsync(ct);
            }
        }
    }
}
