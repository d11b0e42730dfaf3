using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Stayline.Data;
using Stayline.Domain.Custody;
using Stayline.Domain.People;
using Stayline.Features.Demo;

namespace Foundation.Bench;

/// <summary>
/// Writes synthetic people straight into a database the app has migrated. Each person is built with the
/// domain (Person.Create, AddAlias, CustodyLedger) so the stored values are what the app would store; only
/// the saving is raw: prepared INSERTs, a few large transactions, secondary indexes rebuilt at the end.
/// </summary>
internal sealed class PeopleGenerator(string path, int seed = 2017)
{
    private const int PeoplePerTransaction = 100_000;
    private static readonly DateOnly Today = new(2025, 9, 1);
    private static readonly DateTimeOffset Now = new(2025, 9, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] PeopleTables = ["people", "person_names", "person_name_tokens", "custody_episodes"];

    private readonly Random _rng = new(seed);

    public sealed record Result(int People, int Aliases, long Tokens, int Episodes, TimeSpan Elapsed, TimeSpan IndexTime, long FileBytes);

    /// <summary>The stored A-number of the person with this id: unique, 8-digit style (stored with a leading 0) or 9-digit.</summary>
    public static string ANumberOf(long id) => id % 3 == 0
        ? "0" + (10_000_000 + (id * 7_919 % 90_000_000)).ToString(CultureInfo.InvariantCulture)
        : "2" + (id * 104_729 % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    public async Task<Result> FillAsync(int count, IReadOnlyList<long> facilities, TextWriter log)
    {
        var total = Stopwatch.StartNew();
        await using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await conn.OpenAsync();
        await ExecAsync(conn, "PRAGMA synchronous=OFF; PRAGMA cache_size=-524288; PRAGMA temp_store=MEMORY;");
        var indexes = await DropSecondaryIndexesAsync(conn);

        // Organisation 1: the coordinating organisation the migrations create (every generated person is its client).
        var insertPerson = Prepare(conn, """
            INSERT INTO people (Id, ANumber, GivenName, FamilyName, NativeName, BirthDate, BirthDatePrecision, Citizenship, Languages,
                ConsentGiven, ConsentDate, CustodyStatus, CurrentFacilityId, SortName, NameIndex, Version, CreatedAt, OrganisationId)
            VALUES ($id, $a, $given, $family, $native, $birth, $precision, $citizenship, $languages, $consent, $consentDate,
                $status, $facility, $sort, $index, 0, $created, 1)
            """, "$id", "$a", "$given", "$family", "$native", "$birth", "$precision", "$citizenship", "$languages", "$consent",
            "$consentDate", "$status", "$facility", "$sort", "$index", "$created");
        var insertAlias = Prepare(conn, "INSERT INTO person_names (PersonId, GivenName, FamilyName, Source) VALUES ($p, $g, $f, $s)",
            "$p", "$g", "$f", "$s");
        var insertToken = Prepare(conn, "INSERT INTO person_name_tokens (Token, SortName, PersonId, OrganisationId, OtherWords) VALUES ($t, $s, $p, 1, $o)", "$t", "$s", "$p", "$o");
        var insertEpisode = Prepare(conn, """
            INSERT INTO custody_episodes (PersonId, FacilityId, "From", "To", EndReason, Version) VALUES ($p, $f, $from, $to, $end, 0)
            """, "$p", "$f", "$from", "$to", "$end");
        var created = (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(Now)!;

        int aliases = 0, episodes = 0;
        long tokens = 0;
        var distinctTokens = new HashSet<string>(StringComparer.Ordinal);
        for (var start = 1; start <= count; start += PeoplePerTransaction)
        {
            await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync();
            foreach (var cmd in new[] { insertPerson, insertAlias, insertToken, insertEpisode })
            {
                cmd.Transaction = tx;
            }

            var end = Math.Min(count, start + PeoplePerTransaction - 1);
            for (long id = start; id <= end; id++)
            {
                var person = NewPerson(id, facilities);
                // The same names, in the same order, that StaylineDbContext indexes when it saves a person.
                var personTokens = PersonSearch.TokensForPerson(person.GivenName, person.FamilyName, person.NativeName,
                    person.Aliases.Select(a => PersonSearch.AliasName(a.GivenName, a.FamilyName)));
                Run(insertPerson, id, person.ANumber, person.GivenName, person.FamilyName, person.NativeName, Date(person.BirthDate),
                    person.BirthDatePrecision.ToString(), person.Citizenship, person.Languages, person.ConsentGiven ? 1 : 0,
                    Date(person.ConsentDate), person.CustodyStatus.ToString(), person.CurrentFacilityId, person.SortName,
                    PersonSearch.NameIndex(person.SortName, personTokens), created);
                foreach (var alias in person.Aliases)
                {
                    Run(insertAlias, id, alias.GivenName, alias.FamilyName, alias.Source);
                    aliases++;
                }

                foreach (var e in person.CustodyEpisodes)
                {
                    Run(insertEpisode, id, e.FacilityId, Date(e.From), Date(e.To), e.EndReason?.ToString());
                    episodes++;
                }

                var others = PersonSearch.OtherWords(person.SortName, personTokens);
                foreach (var token in personTokens)
                {
                    Run(insertToken, token, person.SortName, id, others);
                    distinctTokens.Add(token);
                    tokens++;
                }
            }

            await tx.CommitAsync();
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {end:N0} people written ({total.Elapsed.TotalSeconds:N1} s)"));
        }

        // The key dictionary: which tokens carry each spelling key.
        await using (var tx = (SqliteTransaction)await conn.BeginTransactionAsync())
        {
            var insertKey = Prepare(conn, "INSERT INTO name_keys (Key, Token) VALUES ($k, $t) ON CONFLICT DO NOTHING", "$k", "$t");
            insertKey.Transaction = tx;
            foreach (var token in distinctTokens)
            {
                foreach (var key in PersonSearch.KeysOfToken(token))
                {
                    Run(insertKey, key, token);
                }
            }

            await tx.CommitAsync();
            await insertKey.DisposeAsync();
        }

        var indexTime = Stopwatch.StartNew();
        foreach (var sql in indexes)
        {
            await ExecAsync(conn, sql);
        }

        indexTime.Stop();
        await ExecAsync(conn, "PRAGMA wal_checkpoint(TRUNCATE);");
        total.Stop();
        foreach (var cmd in new[] { insertPerson, insertAlias, insertToken, insertEpisode })
        {
            await cmd.DisposeAsync();
        }

        return new Result(count, aliases, tokens, episodes, total.Elapsed, indexTime.Elapsed, new FileInfo(path).Length);
    }

    private Person NewPerson(long id, IReadOnlyList<long> facilities)
    {
        // About the mix of the 2017 arrests: most Chaldean, the rest Arab Muslim, spellings as on ICE lists.
        var chaldean = _rng.NextDouble() < 0.6;
        var given = Pick(chaldean ? DemoNames.ChaldeanGiven : DemoNames.ArabGiven);
        var family = Pick(chaldean ? DemoNames.ChaldeanFamily : DemoNames.ArabFamily);
        var birthYear = 1945 + _rng.Next(0, 55);
        var placeholder = _rng.NextDouble() < 0.15;
        var birth = placeholder ? new DateOnly(birthYear, 1, 1) : new DateOnly(birthYear, _rng.Next(1, 13), _rng.Next(1, 29));
        var native = _rng.NextDouble() < 0.5 && given.Arabic is not null && family.Arabic is not null ? $"{given.Arabic} {family.Arabic}" : null;
        var consent = _rng.NextDouble() < 0.7;
        var (person, errors) = Person.Create(new PersonInput(ANumber.FromStored(ANumberOf(id)).Display, Pick(given.Spellings), Pick(family.Spellings),
            native, birth, BirthDatePrecision.Exact, "Iraq", chaldean ? "Chaldean Neo-Aramaic, Arabic, English" : "Arabic, English",
            consent, consent ? Today.AddDays(-_rng.Next(1, 400)) : null), Today, Now);
        if (person is null)
        {
            throw new InvalidOperationException($"Person {id} is invalid: {string.Join("; ", errors.Select(e => e.Message))}");
        }

        if (_rng.NextDouble() < 0.3)
        {
            person.AddAlias(Pick(given.Spellings), Pick(family.Spellings).ToUpperInvariant(), "ICE detainee list");
        }

        var roll = _rng.NextDouble();
        if (roll < 0.9)
        {
            var arrested = new DateOnly(2025, 6, 1).AddDays(_rng.Next(0, 60));
            CustodyLedger.Detain(person, Pick(facilities), arrested, Today);
            if (roll < 0.4)
            {
                CustodyLedger.Transfer(person, PickOther(facilities, person.CurrentFacilityId), arrested.AddDays(_rng.Next(2, 20)), Today);
            }
            else if (roll < 0.47)
            {
                CustodyLedger.End(person, arrested.AddDays(_rng.Next(5, 25)), CustodyEnd.Released, Today);
            }
        }

        return person;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    private long PickOther(IReadOnlyList<long> facilities, long? current)
    {
        while (true)
        {
            var f = Pick(facilities);
            if (f != current)
            {
                return f;
            }
        }
    }

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Drops the people tables' secondary indexes (loading then indexing once is much faster) and returns their CREATE statements.</summary>
    private static async Task<List<string>> DropSecondaryIndexesAsync(SqliteConnection conn)
    {
        var list = new List<(string Name, string Sql)>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", PeopleTables.Select(t => $"'{t}'"))})";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                list.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in list)
        {
            await ExecAsync(conn, $"DROP INDEX \"{name}\"");
        }

        return list.Select(i => i.Sql).ToList();
    }

    private static SqliteCommand Prepare(SqliteConnection conn, string sql, params string[] parameters)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        foreach (var p in parameters)
        {
            cmd.Parameters.Add(new SqliteParameter { ParameterName = p });
        }

        return cmd;
    }

    private static void Run(SqliteCommand cmd, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        cmd.ExecuteNonQuery();
    }

    internal static async Task ExecAsync(SqliteConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}
