using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;
using Stayline.Data;
using Stayline.Domain.People;

namespace Stayline.Features.Import;

/// <summary>A new person as the bulk writer stores it: built by the entity (so its rules and clean-ups apply), then written raw.</summary>
internal sealed record NewPerson(Person Person, int Row, long? FacilityId, DateOnly DetainedSince);

/// <summary>
/// Writes many new people in the caller's transaction without the change tracker: prepared INSERTs on SQLite,
/// binary COPY on PostgreSQL. Also writes their name tokens (the search index), their custody episode and
/// the import row that lets undo find them. Ids are reserved up front so the rows can refer to each other.
/// </summary>
public static class PeopleBulkWriter
{
    private const string PeopleColumns = "\"Id\",\"ANumber\",\"GivenName\",\"FamilyName\",\"NativeName\",\"BirthDate\",\"BirthDatePrecision\",\"Citizenship\",\"Languages\",\"ConsentGiven\",\"ConsentDate\",\"CustodyStatus\",\"CurrentFacilityId\",\"SortName\",\"Version\",\"CreatedAt\"";

    internal static async Task WriteAsync(StaylineDbContext db, long batchId, IReadOnlyList<NewPerson> people, DateTimeOffset now,
        Action<int>? progress, CancellationToken ct)
    {
        if (people.Count == 0)
        {
            return;
        }

        // Name keys cost more CPU than the inserts: compute them on every core before writing.
        var tokens = new string[people.Count][];
        Parallel.For(0, people.Count, i => tokens[i] = TokensOf(people[i].Person).ToArray());
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The bulk writer runs inside the import's transaction.");
        if (db.IsSqlite)
        {
            await WriteSqliteAsync(connection, transaction, batchId, people, tokens, now, progress, ct);
        }
        else
        {
            await WritePostgresAsync((NpgsqlConnection)connection, batchId, people, tokens, now, progress, ct);
        }
    }

    private static IEnumerable<string> TokensOf(Person p) => PersonSearch.TokensForPerson(p.GivenName, p.FamilyName, p.NativeName, []);

    private static async Task WriteSqliteAsync(DbConnection connection, DbTransaction transaction, long batchId, IReadOnlyList<NewPerson> people,
        string[][] tokens, DateTimeOffset now, Action<int>? progress, CancellationToken ct)
    {
        // AUTOINCREMENT never reuses an id, so start above both the largest id and the sequence's high mark.
        long next;
        await using (var max = connection.CreateCommand())
        {
            max.Transaction = transaction;
            max.CommandText = "SELECT MAX(COALESCE((SELECT MAX(\"Id\") FROM people), 0), COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'people'), 0))";
            next = Convert.ToInt64(await max.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) + 1;
        }

        // The token index takes its rows in random order; a page cache that holds it avoids rereading pages on
        // every insert. Set for this connection during the write only.
        long cacheBefore;
        await using (var cache = connection.CreateCommand())
        {
            cache.Transaction = transaction;
            cache.CommandText = "PRAGMA cache_size";
            cacheBefore = Convert.ToInt64(await cache.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            cache.CommandText = $"PRAGMA cache_size = -{BulkCacheKib}";
            await cache.ExecuteNonQueryAsync(ct);
        }

        try
        {
            await InsertSqliteAsync(connection, transaction, batchId, people, tokens, now, next, progress, ct);
        }
        finally
        {
            await using var restore = connection.CreateCommand();
            restore.Transaction = transaction;
            restore.CommandText = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA cache_size = {cacheBefore}");
            await restore.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>SQLite page cache during a bulk write, in KiB (128 MiB).</summary>
    public const int BulkCacheKib = 131072;

    private static async Task InsertSqliteAsync(DbConnection connection, DbTransaction transaction, long batchId, IReadOnlyList<NewPerson> people,
        string[][] tokens, DateTimeOffset now, long next, Action<int>? progress, CancellationToken ct)
    {
        var createdAt = (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(now)!;
        await using var person = Prepare(connection, transaction,
            $"INSERT INTO people ({PeopleColumns}) VALUES ($0,$1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)", 16);
        await using var token = Prepare(connection, transaction, "INSERT INTO person_name_tokens (\"Token\",\"SortName\",\"PersonId\") VALUES ($0,$1,$2)", 3);
        await using var episode = Prepare(connection, transaction,
            "INSERT INTO custody_episodes (\"PersonId\",\"FacilityId\",\"From\",\"To\",\"EndReason\",\"Version\") VALUES ($0,$1,$2,NULL,NULL,0)", 3);
        await using var row = Prepare(connection, transaction,
            "INSERT INTO import_rows (\"BatchId\",\"Row\",\"Action\",\"PersonId\",\"VersionAfter\") VALUES ($0,$1,'Created',$2,0)", 3);
        for (var i = 0; i < people.Count; i++)
        {
            var (p, rowNumber, facility, since) = people[i];
            var id = next + i;
            var v = person.Parameters;
            v[0].Value = id;
            v[1].Value = (object?)p.ANumber ?? DBNull.Value;
            v[2].Value = p.GivenName;
            v[3].Value = p.FamilyName;
            v[4].Value = (object?)p.NativeName ?? DBNull.Value;
            v[5].Value = p.BirthDate is { } b ? b.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : DBNull.Value;
            v[6].Value = p.BirthDatePrecision.ToString();
            v[7].Value = (object?)p.Citizenship ?? DBNull.Value;
            v[8].Value = (object?)p.Languages ?? DBNull.Value;
            v[9].Value = 0;
            v[10].Value = DBNull.Value;
            v[11].Value = (facility is null ? CustodyStatus.Unknown : CustodyStatus.Detained).ToString();
            v[12].Value = (object?)facility ?? DBNull.Value;
            v[13].Value = p.SortName;
            v[14].Value = 0;
            v[15].Value = createdAt;
            await person.ExecuteNonQueryAsync(ct);
            foreach (var t in tokens[i])
            {
                token.Parameters[0].Value = t;
                token.Parameters[1].Value = p.SortName;
                token.Parameters[2].Value = id;
                await token.ExecuteNonQueryAsync(ct);
            }

            if (facility is { } f)
            {
                episode.Parameters[0].Value = id;
                episode.Parameters[1].Value = f;
                episode.Parameters[2].Value = since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                await episode.ExecuteNonQueryAsync(ct);
            }

            row.Parameters[0].Value = batchId;
            row.Parameters[1].Value = rowNumber;
            row.Parameters[2].Value = id;
            await row.ExecuteNonQueryAsync(ct);
            if ((i & 4095) == 4095)
            {
                progress?.Invoke(i + 1);
            }
        }

        progress?.Invoke(people.Count);
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, int parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            cmd.Parameters.Add(p);
        }

        cmd.Prepare();
        return cmd;
    }

    private static async Task WritePostgresAsync(NpgsqlConnection connection, long batchId, IReadOnlyList<NewPerson> people, string[][] tokens, DateTimeOffset now,
        Action<int>? progress, CancellationToken ct)
    {
        var ids = new long[people.Count];
        await using (var reserve = new NpgsqlCommand(
            "SELECT nextval(pg_get_serial_sequence('people', 'Id')) FROM generate_series(1, @n)", connection))
        {
            reserve.Parameters.AddWithValue("n", people.Count);
            await using var reader = await reserve.ExecuteReaderAsync(ct);
            var k = 0;
            while (await reader.ReadAsync(ct))
            {
                ids[k++] = reader.GetInt64(0);
            }
        }

        var utc = now.ToUniversalTime();
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY people ({PeopleColumns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            copy.Timeout = CopyTimeout;
            for (var i = 0; i < people.Count; i++)
            {
                var (p, _, facility, _) = people[i];
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(ids[i], NpgsqlDbType.Bigint, ct);
                await WriteNullable(copy, p.ANumber, ct);
                await copy.WriteAsync(p.GivenName, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(p.FamilyName, NpgsqlDbType.Varchar, ct);
                await WriteNullable(copy, p.NativeName, ct);
                if (p.BirthDate is { } b)
                {
                    await copy.WriteAsync(b, NpgsqlDbType.Date, ct);
                }
                else
                {
                    await copy.WriteNullAsync(ct);
                }

                await copy.WriteAsync(p.BirthDatePrecision.ToString(), NpgsqlDbType.Varchar, ct);
                await WriteNullable(copy, p.Citizenship, ct);
                await WriteNullable(copy, p.Languages, ct);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await copy.WriteNullAsync(ct);
                await copy.WriteAsync((facility is null ? CustodyStatus.Unknown : CustodyStatus.Detained).ToString(), NpgsqlDbType.Varchar, ct);
                if (facility is { } f)
                {
                    await copy.WriteAsync(f, NpgsqlDbType.Bigint, ct);
                }
                else
                {
                    await copy.WriteNullAsync(ct);
                }

                await copy.WriteAsync(p.SortName, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(utc, NpgsqlDbType.TimestampTz, ct);
                if ((i & 4095) == 4095)
                {
                    progress?.Invoke((i + 1) / 2);
                }
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY person_name_tokens (\"Token\",\"SortName\",\"PersonId\") FROM STDIN (FORMAT BINARY)", ct))
        {
            copy.Timeout = CopyTimeout;
            for (var i = 0; i < people.Count; i++)
            {
                foreach (var t in tokens[i])
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(t, NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(people[i].Person.SortName, NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(ids[i], NpgsqlDbType.Bigint, ct);
                }
            }

            await copy.CompleteAsync(ct);
        }

        if (people.Any(p => p.FacilityId is not null))
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                "COPY custody_episodes (\"PersonId\",\"FacilityId\",\"From\",\"Version\") FROM STDIN (FORMAT BINARY)", ct);
            copy.Timeout = CopyTimeout;
            for (var i = 0; i < people.Count; i++)
            {
                if (people[i].FacilityId is { } f)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(ids[i], NpgsqlDbType.Bigint, ct);
                    await copy.WriteAsync(f, NpgsqlDbType.Bigint, ct);
                    await copy.WriteAsync(people[i].DetainedSince, NpgsqlDbType.Date, ct);
                    await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
                }
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY import_rows (\"BatchId\",\"Row\",\"Action\",\"PersonId\",\"VersionAfter\") FROM STDIN (FORMAT BINARY)", ct))
        {
            copy.Timeout = CopyTimeout;
            for (var i = 0; i < people.Count; i++)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(batchId, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(people[i].Row, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(nameof(ImportRowAction.Created), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(ids[i], NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
            }

            await copy.CompleteAsync(ct);
        }

        progress?.Invoke(people.Count);
    }

    /// <summary>Completing a COPY of millions of rows (index maintenance) takes longer than the default command timeout.</summary>
    public static readonly TimeSpan CopyTimeout = TimeSpan.FromHours(1);

    private static async Task WriteNullable(NpgsqlBinaryImporter copy, string? value, CancellationToken ct)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(ct);
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Varchar, ct);
        }
    }
}
