using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Stayline.Data;
using Stayline.Data.Bulk;
using Stayline.Domain.Custody;
using Stayline.Domain.People;
using Stayline.Domain.Work;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Data;

/// <summary>
/// Every table written below EF Core (Stayline.Data/Bulk): the writer's columns are the model's columns (written or
/// explicitly left to the database), and a row written raw reads back through EF Core with every value in place.
/// A field added to one of these entities, or a column renamed, fails here until the bulk path writes it.
/// </summary>
public class BulkTablesTests
{
    private static readonly DateOnly Day = new(2017, 9, 25);

    public static IEnumerable<object[]> Cases() =>
        from p in TestDatabase.Providers()
        from table in new[] { "people", "custody_episodes", "person_name_tokens", "person_protection", "person_derived_hashes", "person_deadlines", "audit_events" }
        select new[] { p[0], table };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Writer_EveryRawWrittenTable_ColumnsAreTheModelsAndARowRoundTrips(string provider, string table)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await OpenAsync(database);
        await using var tx = await db.Database.BeginTransactionAsync();
        var target = BulkTarget.Of(db);
        var person = await SeedAsync(db, target);

        switch (table)
        {
            case "people":
                var (nadia, _) = Person.Create(new PersonInput("987654321", "Nadia", "Aljabouri", "نادية", new DateOnly(1990, 1, 20), BirthDatePrecision.YearOnly,
                    "Iraq", "Arabic, Chaldean", ConsentGiven: true, new DateOnly(2017, 8, 1), "Baghdad", "Hanna", "Warda", "Sterling Heights", "nadia@example.org",
                    "+1 586 555 0100"), Day, DateTimeOffset.UnixEpoch);
                nadia!.Version = 3;
                var row = new PersonRow(nadia, person + 1, "{\"tokens\":[]}", CustodyStatus.Detained, 1, new DateTimeOffset(2017, 9, 25, 10, 30, 0, TimeSpan.Zero), 1);
                await CheckAsync<PersonRow, Person>(db, PeopleWrite.People(target), row, p => p.Id == row.Id);
                break;
            case "custody_episodes":
                var episode = new CustodyEpisodeRow(person, 1, Day, Day.AddDays(40), CustodyEnd.Released, 2);
                await CheckAsync<CustodyEpisodeRow, CustodyEpisode>(db, PeopleWrite.Episodes(target), episode, e => e.PersonId == person);
                break;
            case "person_name_tokens":
                var token = new NameTokenRow("~ksb", "yousif kassab", person, 1, "qassab");
                await CheckAsync<NameTokenRow, PersonNameToken>(db, PeopleWrite.Tokens(target), token, t => t.PersonId == person && t.Token == "~ksb");
                break;
            case "person_protection":
                await CheckAsync<ProtectionRow, PersonProtection>(db, DerivedWrite.Protection(target), Protection(person), p => p.PersonId == person);
                break;
            case "person_derived_hashes":
                await WriteAsync(db, DerivedWrite.Protection(target), Protection(person));
                await CheckAsync<DerivedHashRow, PersonDerivedHash>(db, DerivedWrite.Hashes(target), new DerivedHashRow(person, -17, long.MaxValue), h => h.PersonId == person);
                break;
            case "person_deadlines":
                var deadline = new DeadlineRow(0, person, "bia-appeal", 1, Day, Day.AddDays(30), 30, "8 C.F.R. 1003.38(b)", "Open", Manual: false);
                await CheckAsync<DeadlineRow, PersonDeadline>(db, DerivedWrite.NewDeadlines(target), deadline, d => d.PersonId == person, ignore: [nameof(DeadlineRow.Id)]);
                // An update rewrites the row in place by id.
                var id = await db.Deadlines.Where(d => d.PersonId == person).Select(d => d.Id).SingleAsync();
                var changed = deadline with { Id = id, TriggerDate = null, DueDate = Day.AddDays(31), State = "Met" };
                await DerivedWrite.WriteAsync(target, DerivedWrite.Deadlines(target), upsert: true, [changed], (r, _) => r, default);
                await CheckAsync<DeadlineRow, PersonDeadline>(db, null, changed, d => d.Id == id);
                break;
            case "audit_events":
                var e = new AuditEvent(new DateTimeOffset(2017, 9, 25, 10, 30, 0, TimeSpan.Zero), "u1", "ana@example.org", "view", nameof(Person), "5", person, "before", "GET /people/5");
                await CheckAsync<AuditEvent, AuditEvent>(db, ModelTable<AuditEvent>.For<AuditEvent>(db.Model, nameof(AuditEvent.Id)), e,
                    a => a.PersonId == person && a.Action == "view", ignore: [nameof(AuditEvent.Id)]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(table));
        }
    }

    [Fact]
    public async Task ModelTable_RowWithoutAModelColumn_FailsNamingTheColumn()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await OpenAsync(database);

        var missing = Assert.Throws<InvalidOperationException>(() => ModelTable<TokenRowWithoutOtherWords>.For<PersonNameToken>(db.Model));
        Assert.Contains("person_name_tokens.OtherWords", missing.Message, StringComparison.Ordinal);
        var extra = Assert.Throws<InvalidOperationException>(() => ModelTable<TokenRowWithExtra>.For<PersonNameToken>(db.Model));
        Assert.Contains("Extra", extra.Message, StringComparison.Ordinal);
        var wrongType = Assert.Throws<InvalidOperationException>(() => ModelTable<TokenRowWrongType>.For<PersonNameToken>(db.Model));
        Assert.Contains("PersonId", wrongType.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spill_APersonWrittenToTheFile_ReadsBackWithEveryValueTheWriterTakesFromIt()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await OpenAsync(database);
        var (written, _) = Person.Create(new PersonInput("987654321", "Nadia", "Aljabouri", "نادية", new DateOnly(1990, 1, 20), BirthDatePrecision.YearOnly,
            "Iraq", null, ConsentGiven: true, new DateOnly(2017, 8, 1), "Baghdad", null, "Warda", "Sterling Heights", null, "+1 586 555 0100"), Day,
            DateTimeOffset.UnixEpoch);
        var values = PeopleWrite.Spilled(db.Model);
        using var file = new MemoryStream();
        using (var writer = new BinaryWriter(file, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            values.Write(writer, written!);
            values.Write(writer, written!);
        }

        file.Position = 0;
        using var reader = new BinaryReader(file);
        var read = values.Read(reader);
        var again = values.Read(reader);

        Assert.Equal(PeopleWrite.People(BulkTarget.Of(db)).FromEntity, values.Properties.Select(p => p.Name));
        Assert.Contains(nameof(Person.Phone), values.Properties.Select(p => p.Name));
        foreach (var property in values.Properties)
        {
            var expected = property.PropertyInfo!.GetValue(written);
            Assert.True(Equals(expected, property.PropertyInfo.GetValue(read)), $"{property.Name}: wrote {expected}, read {property.PropertyInfo.GetValue(read)}");
            Assert.True(Equals(expected, property.PropertyInfo.GetValue(again)), property.Name);
        }

        Assert.Equal(file.Length, file.Position);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NamedWrites_NameKeysWatermarkNameIndex_StoreWhatTheModelReads(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await OpenAsync(database);
        await using var tx = await db.Database.BeginTransactionAsync();
        var target = BulkTarget.Of(db);
        var person = await SeedAsync(db, target);

        await PeopleWrite.AddNameKeysAsync(target, [("ksb", "kassab"), ("ksb", "qassab")], default);
        await PeopleWrite.AddNameKeysAsync(target, [("ksb", "kassab")], default);
        await DerivedWrite.SetWatermarkAsync(target, Day, default);
        await DerivedWrite.SetWatermarkAsync(target, Day.AddDays(1), default);
        await PeopleWrite.SetNameIndexesAsync(target, [person], ["{\"x\":1}"], default);

        Assert.Equal(["kassab", "qassab"], await db.NameKeys.Where(k => k.Key == "ksb").Select(k => k.Token).OrderBy(t => t).ToListAsync());
        Assert.Equal(Day.AddDays(1), (await db.Set<DerivedWatermark>().SingleAsync()).AllComputedAsOf);
        Assert.Equal("{\"x\":1}", await db.People.Where(p => p.Id == person).Select(p => EF.Property<string>(p, PersonSearch.NameIndexColumn)).SingleAsync());
    }

    private static ProtectionRow Protection(long person) =>
        new(person, "Protected", "Class stay", Day.AddDays(90), "Board decision", EndsWithin7Days: true, "Protected by the class stay", Day, Day.AddDays(30));

    private static async Task<StaylineDbContext> OpenAsync(TestDatabase database)
    {
        var db = new StaylineDbContext(StaylineDatabase.From(database.ConnectionString).Options());
        await StaylineDatabase.MigrateAsync(db);
        await db.Database.OpenConnectionAsync();
        return db;
    }

    /// <summary>A facility 1, a court order 1 and a person (returned) for the rows to refer to.</summary>
    private static async Task<long> SeedAsync(StaylineDbContext db, BulkTarget target)
    {
        await RawInsert.InsertAsync(target, "facilities", ["Id", "Name", "Version"], 1, (v, _) => (v[0], v[1], v[2]) = (1L, "Calhoun County", 0), default);
        await RawInsert.InsertAsync(target, "court_orders", ["Id", "Kind", "Court", "IssuedOn", "Title"], 1,
            (v, _) => (v[0], v[1], v[2], v[3], v[4]) = (1L, "IndividualStay", "6th Cir.", Day, "Stay"), default);
        var (person, _) = Person.Create(new PersonInput(null, "Yousif", "Kassab", null, null, BirthDatePrecision.Unknown, null, null, false, null), Day, DateTimeOffset.UnixEpoch);
        db.People.Add(person!);
        await db.SaveChangesAsync();
        return person!.Id;
    }

    private static async Task WriteAsync<TRow>(StaylineDbContext db, ModelTable<TRow> table, TRow row)
    {
        await using var writer = await TableWriter<TRow>.OpenAsync(BulkTarget.Of(db), table, upsertKey: null, default);
        writer.Add(row);
        await writer.CompleteAsync(default);
    }

    /// <summary>The writer's columns and omissions are the model's columns; the row written (unless already) reads back member by member.</summary>
    private static async Task CheckAsync<TRow, TEntity>(StaylineDbContext db, ModelTable<TRow>? table, TRow row, System.Linq.Expressions.Expression<Func<TEntity, bool>> find,
        string[]? ignore = null)
        where TEntity : class
    {
        if (table is not null)
        {
            Assert.Equal(ModelColumns(db.Model, typeof(TEntity)), table.Columns.Concat(table.Omitted).Order());
            await WriteAsync(db, table, row);
        }

        db.ChangeTracker.Clear();
        var stored = await db.Set<TEntity>().SingleAsync(find);
        var entry = db.Entry(stored);
        foreach (var member in typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (ignore?.Contains(member.Name) == true || entry.Metadata.FindProperty(member.Name) is null)
            {
                continue;
            }

            Assert.True(Equals(member.GetValue(row), entry.Property(member.Name).CurrentValue),
                $"{typeof(TEntity).Name}.{member.Name}: wrote {member.GetValue(row)}, read {entry.Property(member.Name).CurrentValue}");
        }

        // A row that carries the entity: every property taken from it reads back too.
        if (typeof(TRow).GetProperties().FirstOrDefault(m => m.PropertyType == typeof(TEntity))?.GetValue(row) is TEntity whole)
        {
            Assert.NotEmpty(table!.FromEntity);
            foreach (var name in table.FromEntity)
            {
                var wrote = typeof(TEntity).GetProperty(name)!.GetValue(whole);
                Assert.True(Equals(wrote, entry.Property(name).CurrentValue), $"{typeof(TEntity).Name}.{name}: wrote {wrote}, read {entry.Property(name).CurrentValue}");
            }
        }
    }

    private static IEnumerable<string> ModelColumns(IModel model, Type entity)
    {
        var type = model.FindEntityType(entity)!;
        var store = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        return type.GetProperties().Select(p => p.GetColumnName(store)!).Order();
    }

    private readonly record struct TokenRowWithoutOtherWords(string Token, string SortName, long PersonId, long OrganisationId);

    private readonly record struct TokenRowWithExtra(string Token, string SortName, long PersonId, long OrganisationId, string? OtherWords, int Extra);

    private readonly record struct TokenRowWrongType(string Token, string SortName, int PersonId, long OrganisationId, string? OtherWords);
}
