using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;
using Stayline.Data;
using Stayline.Domain.People;
using Stayline.Infrastructure;

namespace Stayline.Features.Import;

/// <summary>
/// A new person as the bulk writer stores it: the values of a person built by the entity (so its rules and
/// clean-ups apply), without the entity (an import passes millions through here, a slice at a time).
/// </summary>
internal sealed record NewPerson(string? ANumber, string GivenName, string FamilyName, string? NativeName, DateOnly? BirthDate,
    BirthDatePrecision BirthDatePrecision, string? Citizenship, string? Languages, string SortName, long? FacilityId, DateOnly DetainedSince)
{
    public static NewPerson From(Person p, long? facilityId, DateOnly detainedSince) => new(p.ANumber, p.GivenName, p.FamilyName, p.NativeName, p.BirthDate,
        p.BirthDatePrecision, p.Citizenship, p.Languages, p.SortName, facilityId, detainedSince);
}

/// <summary>
/// Writes many new people in the caller's transaction without the change tracker: prepared INSERTs on SQLite,
/// binary COPY on PostgreSQL. Also writes their name tokens (the search index) and their custody episode. Ids are
/// reserved up front so the rows can refer to each other; the runs of consecutive ids it used are returned for the
/// batch to record (undo removes exactly those people).
/// </summary>
public static class PeopleBulkWriter
{
    private const string PeopleColumns = "\"Id\",\"ANumber\",\"GivenName\",\"FamilyName\",\"NativeName\",\"BirthDate\",\"BirthDatePrecision\",\"Citizenship\",\"Languages\",\"ConsentGiven\",\"ConsentDate\",\"CustodyStatus\",\"CurrentFacilityId\",\"SortName\",\"NameIndex\",\"Version\",\"CreatedAt\"";

    private const string PeopleVaryingColumns = "\"Id\",\"ANumber\",\"GivenName\",\"FamilyName\",\"NativeName\",\"BirthDate\",\"BirthDatePrecision\",\"Citizenship\",\"Languages\",\"CustodyStatus\",\"CurrentFacilityId\",\"SortName\",\"NameIndex\"";
    private const string PeopleFixedColumns = "\"ConsentGiven\",\"ConsentDate\",\"Version\",\"CreatedAt\"";

    /// <summary>
    /// Writes <paramref name="count"/> people given in slices: each slice's name tokens are computed and put in key
    /// order on their own, so memory holds one slice, not the whole import. Whether indexes are rebuilt is decided
    /// once for the whole count.
    /// </summary>
    internal static async Task<IReadOnlyList<(long From, long To)>> WriteAsync(StaylineDbContext db, int count, IEnumerable<IReadOnlyList<NewPerson>> slices,
        DateTimeOffset now, int bulkMinimum, Action<int>? progress, CancellationToken ct)
    {
        if (count == 0)
        {
            return [];
        }

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The bulk writer runs inside the import's transaction.");
        return db.IsSqlite
            ? await WriteSqliteAsync(connection, transaction, count, slices, now, bulkMinimum, progress, ct)
            : await WritePostgresAsync((NpgsqlConnection)connection, transaction, count, slices, now, bulkMinimum, progress, ct);
    }

    /// <summary>Name keys cost CPU: computed on the other core while the slice's person rows are written, then the token rows are put in key order there too.</summary>
    private static (TokensAhead Ahead, Task<(TokenOrder Order, string?[] Others)> Tokens) TokensOf(IReadOnlyList<NewPerson> people, CancellationToken ct)
    {
        var ahead = new TokensAhead(people, ct);
        var tokens = Task.Run(async () =>
        {
            var (byPerson, others) = await ahead.AllAsync();
            return (Order: TokenOrder.Of(byPerson, people.Select(p => p.SortName).ToArray()), Others: others);
        }, ct);
        return (ahead, tokens);
    }

    /// <summary>Ascending ids as runs of consecutive ids.</summary>
    internal static List<(long From, long To)> Runs(long[] ids)
    {
        var runs = new List<(long From, long To)>();
        for (var i = 0; i < ids.Length; i++)
        {
            if (runs.Count > 0 && runs[^1].To + 1 == ids[i])
            {
                runs[^1] = (runs[^1].From, ids[i]);
            }
            else
            {
                runs.Add((ids[i], ids[i]));
            }
        }

        return runs;
    }

    private static async Task<IReadOnlyList<(long From, long To)>> WriteSqliteAsync(DbConnection connection, DbTransaction transaction, int count,
        IEnumerable<IReadOnlyList<NewPerson>> slices, DateTimeOffset now, int bulkMinimum, Action<int>? progress, CancellationToken ct)
    {
        // The import's transaction holds SQLite's write lock from its first write (the batch row): nobody else
        // can take an id in between, so the new people's ids are one run.
        // AUTOINCREMENT never reuses an id, so start above both the largest id and the sequence's high mark.
        var next = await ScalarAsync(connection, transaction,
            "SELECT MAX(COALESCE((SELECT MAX(\"Id\") FROM people), 0), COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'people'), 0))", ct) + 1;
        var dropped = await IsLargeAsync(connection, transaction, count, bulkMinimum, ct)
            ? await SqliteIndexes.DropAsync(connection, transaction, BulkTables, ct)
            : [];

        // Index pages take rows in random order; a page cache that holds them avoids rereading pages on every
        // insert. Set for this connection during the write only.
        var cacheBefore = await ScalarAsync(connection, transaction, "PRAGMA cache_size", ct);
        await ExecuteAsync(connection, transaction, $"PRAGMA cache_size = -{BulkCacheKib}", ct);
        var done = 0;
        try
        {
            foreach (var slice in slices)
            {
                var (ahead, tokens) = TokensOf(slice, ct);
                var before = done;
                InsertSqlite(connection, transaction, slice, ahead, tokens, now, next + done, n => progress?.Invoke(before + n), ct);
                done += slice.Count;
            }

            await RebuildAsync(connection, transaction, dropped, postgres: false, ct);
        }
        finally
        {
            await ExecuteAsync(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {cacheBefore}"), ct);
        }

        return done == 0 ? [] : [(next, next + done - 1)];
    }

    /// <summary>SQLite page cache during a bulk write, in KiB (128 MiB).</summary>
    public const int BulkCacheKib = 131072;

    /// <summary>Tables whose secondary indexes a large import rebuilds instead of maintaining.</summary>
    private static readonly string[] BulkTables = ["people", "person_name_tokens"];

    /// <summary>Below this many new people, maintaining the indexes row by row costs less than rebuilding them.</summary>
    public const int BulkMinimum = 20_000;

    /// <summary>
    /// An import at least as large as the table it goes into rebuilds the table's secondary indexes: the rebuild
    /// reads the whole table, so for a small import into a big table it would cost more than it saves.
    /// </summary>
    private static async Task<bool> IsLargeAsync(DbConnection connection, DbTransaction transaction, int count, int minimum, CancellationToken ct) =>
        count >= minimum && count >= await ScalarAsync(connection, transaction, "SELECT COUNT(*) FROM people", ct);

    private static void InsertSqlite(DbConnection connection, DbTransaction transaction, IReadOnlyList<NewPerson> people, TokensAhead ahead,
        Task<(TokenOrder Order, string?[] Others)> tokens, DateTimeOffset now, long next, Action<int>? progress, CancellationToken ct)
    {
        var createdAt = (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(now)!;
        var sqlite = (Microsoft.Data.Sqlite.SqliteConnection)connection;
        var values = $"({Placeholders(PeopleVarying)},0,NULL,0,{createdAt.ToString(CultureInfo.InvariantCulture)})";
        var insert = $"INSERT INTO people ({PeopleVaryingColumns},{PeopleFixedColumns}) VALUES ";
        var whole = people.Count - (people.Count % PeopleRowsPerStatement);
        using (var many = new SqliteStatement(sqlite, insert + string.Join(",", Enumerable.Repeat(values, PeopleRowsPerStatement))))
        using (var one = new SqliteStatement(sqlite, insert + values))
        using (var episode = new SqliteStatement(sqlite, "INSERT INTO custody_episodes (\"PersonId\",\"FacilityId\",\"From\",\"Version\") VALUES (?,?,?,0)"))
        {
            var status = new[] { CustodyStatus.Unknown.ToString(), CustodyStatus.Detained.ToString() };
            var precision = Enum.GetValues<BirthDatePrecision>().ToDictionary(p => p, p => p.ToString());
            for (var i = 0; i < people.Count; i++)
            {
                var p = people[i];
                var facility = p.FacilityId;
                var id = next + i;
                // Several rows per statement: one step of SQLite per PeopleRowsPerStatement people (the rest one by one).
                var (person, at) = i < whole ? (many, PeopleVarying * (i % PeopleRowsPerStatement)) : (one, 0);
                person.Bind(at + 1, id);
                person.Bind(at + 2, p.ANumber);
                person.Bind(at + 3, p.GivenName);
                person.Bind(at + 4, p.FamilyName);
                person.Bind(at + 5, p.NativeName);
                person.Bind(at + 6, p.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                person.Bind(at + 7, precision[p.BirthDatePrecision]);
                person.Bind(at + 8, p.Citizenship);
                person.Bind(at + 9, p.Languages);
                person.Bind(at + 10, status[facility is null ? 0 : 1]);
                if (facility is { } f)
                {
                    person.Bind(at + 11, f);
                }
                else
                {
                    person.Bind(at + 11, null);
                }

                person.Bind(at + 12, p.SortName);
                person.Bind(at + 13, PersonSearch.NameIndex(p.SortName, ahead.For(i)));
                if (i >= whole || i % PeopleRowsPerStatement == PeopleRowsPerStatement - 1)
                {
                    person.Execute();
                }

                if ((i & 4095) == 4095)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Invoke((i + 1) / 2);
                }
            }

            // After every person row is in: an episode refers to its person (foreign key).
            for (var i = 0; i < people.Count; i++)
            {
                if (people[i].FacilityId is { } facility)
                {
                    episode.Bind(1, next + i);
                    episode.Bind(2, facility);
                    episode.Bind(3, people[i].DetainedSince.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    episode.Execute();
                }
            }
        }

        // Token order: each index page is filled once, left to right, instead of being revisited at random.
        var (ordered, others) = tokens.GetAwaiter().GetResult();
        InsertSqliteTokens(connection, transaction, ordered, person => next + person, people.Select(p => p.SortName).ToArray(), others,
            k => progress?.Invoke((people.Count / 2) + (int)((long)people.Count * k / (2 * ordered.Persons.Length))), ct);
        AddNameKeys(connection, ordered.Distinct);
    }

    private static void InsertSqliteTokens(DbConnection connection, DbTransaction transaction, TokenOrder ordered, Func<int, long> personId,
        string[] sortNames, string?[] others, Action<int>? progress, CancellationToken ct)
    {
        // Several rows per statement: one step of SQLite per TokenRowsPerStatement rows (the rest one by one).
        const string columns = "INSERT INTO person_name_tokens (\"Token\",\"SortName\",\"PersonId\",\"OtherWords\") VALUES ";
        var sqlite = (Microsoft.Data.Sqlite.SqliteConnection)connection;
        using var many = new SqliteStatement(sqlite, columns + string.Join(",", Enumerable.Repeat("(?,?,?,?)", TokenRowsPerStatement)));
        using var one = new SqliteStatement(sqlite, columns + "(?,?,?,?)");
        var tokenText = new Utf8Strings(ordered.Distinct);
        var names = new Utf8Strings(sortNames);
        var rows = ordered.Persons.Length;
        var whole = rows - (rows % TokenRowsPerStatement);
        for (var k = 0; k < rows; k++)
        {
            var (statement, first) = k < whole ? (many, 4 * (k % TokenRowsPerStatement)) : (one, 0);
            var person = ordered.Persons[k];
            statement.Bind(first + 1, tokenText, ordered.TokenIds[k]);
            statement.Bind(first + 2, names, person);
            statement.Bind(first + 3, personId(person));
            statement.Bind(first + 4, others[person]);
            if (k >= whole || k % TokenRowsPerStatement == TokenRowsPerStatement - 1)
            {
                statement.Execute();
            }

            if ((k & 16383) == 16383)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Invoke(k);
            }
        }
    }

    private const int TokenRowsPerStatement = 16;

    private const int PeopleRowsPerStatement = 8;

    /// <summary>The values bound per person row (<see cref="PeopleVaryingColumns"/>).</summary>
    private const int PeopleVarying = 13;

    private static string Placeholders(int n) => string.Join(",", Enumerable.Repeat("?", n));

    private static async Task<long> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<List<(long From, long To)>> WritePostgresAsync(NpgsqlConnection connection, DbTransaction transaction, int count,
        IEnumerable<IReadOnlyList<NewPerson>> slices, DateTimeOffset now, int bulkMinimum, Action<int>? progress, CancellationToken ct)
    {
        var rebuild = await IsLargeAsync(connection, transaction, count, bulkMinimum, ct)
            ? await PostgresIndexes.DropAsync(connection, BulkTables, ct)
            : [];
        long? block = rebuild.Count > 0 ? await ReserveBlockAsync(connection, count, ct) : null;
        var runs = new List<(long From, long To)>();
        var done = 0;
        foreach (var slice in slices)
        {
            var (ahead, tokens) = TokensOf(slice, ct);
            long[] ids;
            if (block is { } first)
            {
                ids = new long[slice.Count];
                for (var i = 0; i < ids.Length; i++)
                {
                    ids[i] = first + done + i;
                }
            }
            else
            {
                ids = await ReserveAsync(connection, slice.Count, ct);
            }

            var before = done;
            await CopyPostgresAsync(connection, slice, ids, ahead, tokens, now, n => progress?.Invoke(before + n), ct);
            foreach (var run in Runs(ids))
            {
                if (runs.Count > 0 && runs[^1].To + 1 == run.From)
                {
                    runs[^1] = (runs[^1].From, run.To);
                }
                else
                {
                    runs.Add(run);
                }
            }

            done += slice.Count;
        }

        await RebuildAsync(connection, transaction, rebuild, postgres: true, ct);
        return runs;
    }

    /// <summary>The first of <paramref name="count"/> consecutive ids, for an import that holds people locked.</summary>
    private static async Task<long> ReserveBlockAsync(NpgsqlConnection connection, int count, CancellationToken ct)
    {
        // Explicit, though dropping people's indexes already took it: the block below needs nobody else inserting.
        await using (var lockPeople = new NpgsqlCommand("LOCK TABLE people IN EXCLUSIVE MODE", connection))
        {
            await lockPeople.ExecuteNonQueryAsync(ct);
        }

        // Dropping the indexes locked people (ACCESS EXCLUSIVE) until the import ends: no one else can insert a
        // person, so the ids are one block, taken by moving the sequence once (a million nextval calls took 2 s).
        await using var block = new NpgsqlCommand(
            "SELECT setval(pg_get_serial_sequence('people', 'Id'), nextval(pg_get_serial_sequence('people', 'Id')) + @n - 1) - @n + 1", connection);
        block.Parameters.AddWithValue("n", (long)count);
        return Convert.ToInt64(await block.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task<long[]> ReserveAsync(NpgsqlConnection connection, int count, CancellationToken ct)
    {
        var ids = new long[count];
        await using var reserve = new NpgsqlCommand(
            "SELECT nextval(pg_get_serial_sequence('people', 'Id')) FROM generate_series(1, @n)", connection);
        reserve.Parameters.AddWithValue("n", count);
        await using var reader = await reserve.ExecuteReaderAsync(ct);
        var k = 0;
        while (await reader.ReadAsync(ct))
        {
            ids[k++] = reader.GetInt64(0);
        }

        return ids;
    }

    /// <summary>Sorting once per index (and checking each key once) is far cheaper than maintaining them row by row.</summary>
    private static async Task RebuildAsync(DbConnection connection, DbTransaction transaction, List<string> statements, bool postgres, CancellationToken ct)
    {
        if (postgres && statements.Count > 0)
        {
            await ExecuteAsync(connection, transaction, "SET LOCAL maintenance_work_mem = '256MB'", ct);
        }

        foreach (var sql in statements)
        {
            await ExecuteAsync(connection, transaction, sql, ct);
        }
    }

    private static async Task CopyPostgresAsync(NpgsqlConnection connection, IReadOnlyList<NewPerson> people, long[] ids, TokensAhead ahead,
        Task<(TokenOrder Order, string?[] Others)> tokens, DateTimeOffset now, Action<int>? progress, CancellationToken ct)
    {
        var utc = now.ToUniversalTime();
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY people ({PeopleColumns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            copy.Timeout = CopyTimeout;
            for (var i = 0; i < people.Count; i++)
            {
                var p = people[i];
                var facility = p.FacilityId;
                copy.StartRow();
                copy.Write(ids[i], NpgsqlDbType.Bigint);
                WriteNullable(copy, p.ANumber);
                copy.Write(p.GivenName, NpgsqlDbType.Varchar);
                copy.Write(p.FamilyName, NpgsqlDbType.Varchar);
                WriteNullable(copy, p.NativeName);
                if (p.BirthDate is { } b)
                {
                    copy.Write(b, NpgsqlDbType.Date);
                }
                else
                {
                    copy.WriteNull();
                }

                copy.Write(p.BirthDatePrecision.ToString(), NpgsqlDbType.Varchar);
                WriteNullable(copy, p.Citizenship);
                WriteNullable(copy, p.Languages);
                copy.Write(false, NpgsqlDbType.Boolean);
                copy.WriteNull();
                copy.Write((facility is null ? CustodyStatus.Unknown : CustodyStatus.Detained).ToString(), NpgsqlDbType.Varchar);
                if (facility is { } f)
                {
                    copy.Write(f, NpgsqlDbType.Bigint);
                }
                else
                {
                    copy.WriteNull();
                }

                copy.Write(p.SortName, NpgsqlDbType.Varchar);
                copy.Write(PersonSearch.NameIndex(p.SortName, ahead.For(i)), NpgsqlDbType.Text);
                copy.Write(0, NpgsqlDbType.Integer);
                copy.Write(utc, NpgsqlDbType.TimestampTz);
                if ((i & 4095) == 4095)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Invoke((i + 1) / 2);
                }
            }

            await copy.CompleteAsync(ct);
        }

        var (ordered, others) = await tokens;
        await CopyTokensAsync(connection, ordered, ids, person => people[person].SortName, others, ct);
        await AddNameKeysAsync(connection, ordered.Distinct, ct);

        if (people.Any(p => p.FacilityId is not null))
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                "COPY custody_episodes (\"PersonId\",\"FacilityId\",\"From\",\"Version\") FROM STDIN (FORMAT BINARY)", ct);
            copy.Timeout = CopyTimeout;
            for (var i = 0; i < people.Count; i++)
            {
                if (people[i].FacilityId is { } f)
                {
                    copy.StartRow();
                    copy.Write(ids[i], NpgsqlDbType.Bigint);
                    copy.Write(f, NpgsqlDbType.Bigint);
                    copy.Write(people[i].DetainedSince, NpgsqlDbType.Date);
                    copy.Write(0, NpgsqlDbType.Integer);
                }
            }

            await copy.CompleteAsync(ct);
        }

        progress?.Invoke(people.Count);
    }

    /// <summary>Each person's words the sort name does not show (<see cref="PersonSearch.OtherWords"/>).</summary>
    private static string?[] OtherWords(string[][] byPerson, string[] sortNames)
    {
        var others = new string?[byPerson.Length];
        Parallel.For(0, byPerson.Length, i => others[i] = PersonSearch.OtherWords(sortNames[i], byPerson[i]));
        return others;
    }


    /// <summary>Lists the spelling keys of the tokens written in the key dictionary (those already there stay).</summary>
    private static void AddNameKeys(DbConnection connection, IEnumerable<string> tokens)
    {
        using var insert = new SqliteStatement((Microsoft.Data.Sqlite.SqliteConnection)connection,
            "INSERT INTO name_keys (\"Key\",\"Token\") VALUES (?,?) ON CONFLICT DO NOTHING");
        foreach (var (key, token) in PersonSearch.KeyPairs(tokens))
        {
            insert.Bind(1, key);
            insert.Bind(2, token);
            insert.Execute();
        }
    }

    private static async Task AddNameKeysAsync(NpgsqlConnection connection, IEnumerable<string> tokens, CancellationToken ct)
    {
        var pairs = PersonSearch.KeyPairs(tokens);
        await using var insert = new NpgsqlCommand(
            "INSERT INTO name_keys (\"Key\",\"Token\") SELECT * FROM unnest(@keys, @tokens) ON CONFLICT DO NOTHING", connection);
        insert.CommandTimeout = (int)CopyTimeout.TotalSeconds;
        insert.Parameters.AddWithValue("keys", pairs.Select(p => p.Key).ToArray());
        insert.Parameters.AddWithValue("tokens", pairs.Select(p => p.Token).ToArray());
        await insert.ExecuteNonQueryAsync(ct);
    }

    private static async Task CopyTokensAsync(NpgsqlConnection connection, TokenOrder ordered, long[] ids, Func<int, string> sortName, string?[] others,
        CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY person_name_tokens (\"Token\",\"SortName\",\"PersonId\",\"OtherWords\") FROM STDIN (FORMAT BINARY)", ct);
        copy.Timeout = CopyTimeout;
        for (var k = 0; k < ordered.Persons.Length; k++)
        {
            copy.StartRow();
            copy.Write(ordered.Token(k), NpgsqlDbType.Varchar);
            copy.Write(sortName(ordered.Persons[k]), NpgsqlDbType.Varchar);
            copy.Write(ids[ordered.Persons[k]], NpgsqlDbType.Bigint);
            WriteNullable(copy, others[ordered.Persons[k]], NpgsqlDbType.Text);
            if ((k & 16383) == 16383)
            {
                ct.ThrowIfCancellationRequested();
            }
        }

        await copy.CompleteAsync(ct);
    }

    /// <summary>
    /// Recomputes every row of the name-token index, every person's NameIndex and the key dictionary in one
    /// transaction: after the name-key algorithm changed, people saved before would otherwise keep stale keys. Returns the number of people and of token rows.
    /// </summary>
    public static async Task<(int People, int Tokens)> ReindexAsync(StaylineDbContext db, CancellationToken ct)
    {
        db.Database.SetCommandTimeout(CopyTimeout);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var people = await db.People.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.GivenName, p.FamilyName, p.NativeName, p.SortName }).ToListAsync(ct);
        // The same alias text the context indexes when a person is saved.
        var aliases = (await db.PersonNames.AsNoTracking().Select(n => new { n.PersonId, n.GivenName, n.FamilyName }).ToListAsync(ct))
            .ToLookup(a => a.PersonId, a => PersonSearch.AliasName(a.GivenName, a.FamilyName));
        var byPerson = new string[people.Count][];
        Parallel.For(0, people.Count, new ParallelOptions { CancellationToken = ct },
            i => byPerson[i] = PersonSearch.TokensForPerson(people[i].GivenName, people[i].FamilyName, people[i].NativeName, aliases[people[i].Id]).ToArray());
        var ordered = TokenOrder.Of(byPerson, people.Select(p => p.SortName).ToArray());
        var ids = people.Select(p => p.Id).ToArray();
        var nameIndex = new string[people.Count];
        Parallel.For(0, people.Count, new ParallelOptions { CancellationToken = ct }, i => nameIndex[i] = PersonSearch.NameIndex(people[i].SortName, byPerson[i]));
        var others = OtherWords(byPerson, people.Select(p => p.SortName).ToArray());
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        await db.NameTokens.ExecuteDeleteAsync(ct);
        await db.NameKeys.ExecuteDeleteAsync(ct);
        string[] tokenTable = ["person_name_tokens"];
        if (db.IsSqlite)
        {
            using (var update = new SqliteStatement((Microsoft.Data.Sqlite.SqliteConnection)connection,
                $"UPDATE people SET \"{PersonSearch.NameIndexColumn}\" = ? WHERE \"Id\" = ?"))
            {
                for (var i = 0; i < ids.Length; i++)
                {
                    update.Bind(1, nameIndex[i]);
                    update.Bind(2, ids[i]);
                    update.Execute();
                }
            }

            var rebuild = await SqliteIndexes.DropAsync(connection, dbTransaction, tokenTable, ct);
            InsertSqliteTokens(connection, dbTransaction, ordered, person => ids[person], people.Select(p => p.SortName).ToArray(), others, null, ct);
            AddNameKeys(connection, ordered.Distinct);
            await RebuildAsync(connection, dbTransaction, rebuild, postgres: false, ct);
        }
        else
        {
            await using (var update = new NpgsqlCommand(
                $"UPDATE people SET \"{PersonSearch.NameIndexColumn}\" = v.idx FROM unnest(@ids, @idx) AS v(id, idx) WHERE people.\"Id\" = v.id",
                (NpgsqlConnection)connection))
            {
                update.CommandTimeout = (int)CopyTimeout.TotalSeconds;
                update.Parameters.AddWithValue("ids", ids);
                update.Parameters.AddWithValue("idx", nameIndex);
                await update.ExecuteNonQueryAsync(ct);
            }

            var rebuild = await PostgresIndexes.DropAsync((NpgsqlConnection)connection, tokenTable, ct);
            await CopyTokensAsync((NpgsqlConnection)connection, ordered, ids, person => people[person].SortName, others, ct);
            await AddNameKeysAsync((NpgsqlConnection)connection, ordered.Distinct, ct);
            await RebuildAsync(connection, dbTransaction, rebuild, postgres: true, ct);
        }

        await transaction.CommitAsync(ct);
        return (people.Count, ordered.Persons.Length);
    }

    /// <summary>Completing a COPY of millions of rows (index maintenance) takes longer than the default command timeout.</summary>
    public static readonly TimeSpan CopyTimeout = TimeSpan.FromHours(1);

    private static void WriteNullable(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type = NpgsqlDbType.Varchar)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, type);
        }
    }
}
