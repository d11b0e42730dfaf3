using System.Globalization;
using Microsoft.EntityFrameworkCore.Metadata;
using Stayline.Domain.Custody;
using Stayline.Domain.People;

namespace Stayline.Data.Bulk;

/// <summary>
/// A row of <c>people</c> as a bulk import writes it: the person the entity built (its rules and clean-ups applied),
/// with the values the writer decides (members named as <see cref="Person"/>'s properties; the rest come from
/// <paramref name="Person"/>, so a field added to the entity is written without a change here).
/// </summary>
public readonly record struct PersonRow(Person Person, long Id, string? NameIndex, CustodyStatus CustodyStatus, long? CurrentFacilityId,
    DateTimeOffset CreatedAt, long OrganisationId);

/// <summary>A row of <c>custody_episodes</c> as a bulk import writes it (an open episode; the id is the database's).</summary>
public record struct CustodyEpisodeRow(long PersonId, long FacilityId, DateOnly From, DateOnly? To, CustodyEnd? EndReason, int Version);

/// <summary>A row of the people search index (<see cref="PersonNameToken"/>).</summary>
public record struct NameTokenRow(string Token, string SortName, long PersonId, long OrganisationId, string? OtherWords);

/// <summary>
/// The named operations of a bulk write of people (import, <c>stayline db reindex</c>): ids, the tables' writers,
/// the key dictionary and the name indexes. Table and column names come from the EF model.
/// </summary>
public static class PeopleWrite
{
    public static ModelTable<PersonRow> People(BulkTarget target) => People(target.Model);

    private static ModelTable<PersonRow> People(IModel model) => ModelTable<PersonRow>.For<Person>(model);

    /// <summary>The values of a person that <see cref="PersonRow"/> takes from the entity, for a file that holds new
    /// people between an import's passes: the same column list as the table's.</summary>
    public static EntityValues<Person> Spilled(IModel model) => EntityValues<Person>.For(model, People(model).FromEntity);

    public static ModelTable<CustodyEpisodeRow> Episodes(BulkTarget target) => ModelTable<CustodyEpisodeRow>.For<CustodyEpisode>(target.Model, BulkBatch.BatchIdColumn, BulkBatch.EndedByBatchColumn);

    public static ModelTable<NameTokenRow> Tokens(BulkTarget target) => ModelTable<NameTokenRow>.For<PersonNameToken>(target.Model);

    /// <summary>Tables whose secondary indexes a large import rebuilds instead of maintaining.</summary>
    public static string[] BulkTables(BulkTarget target) => [People(target).Table, Tokens(target).Table];

    public static Task<long> CountAsync(BulkTarget target, CancellationToken ct) =>
        BulkSql.ScalarAsync(target, $"SELECT COUNT(*) FROM {target.Table<Person>()}", ct);

    /// <summary>
    /// SQLite: the first id of a run the caller may use. The caller's transaction must already hold the write lock
    /// (it has written), so nobody else can take an id in between. AUTOINCREMENT never reuses an id, so it starts
    /// above both the largest id and the sequence's high mark.
    /// </summary>
    public static async Task<long> NextIdSqliteAsync(BulkTarget target, CancellationToken ct)
    {
        var table = People(target).Table;
        return await BulkSql.ScalarAsync(target,
            $"SELECT MAX(COALESCE((SELECT MAX({target.Column<Person>(nameof(Person.Id))}) FROM {BulkSql.Quote(table)}), 0), "
            + $"COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0))", ct) + 1;
    }

    /// <summary>PostgreSQL: the first of <paramref name="count"/> consecutive ids, taken by moving the sequence once
    /// (a million nextval calls took 2 s). Locks people so that nobody else inserts one until the transaction ends.</summary>
    public static async Task<long> ReserveBlockAsync(BulkTarget target, int count, CancellationToken ct)
    {
        var table = People(target).Table;
        await BulkSql.ExecuteAsync(target, $"LOCK TABLE {BulkSql.Quote(table)} IN EXCLUSIVE MODE", ct);
        await using var block = BulkSql.Command(target, $"SELECT setval({Sequence(target)}, nextval({Sequence(target)}) + @n - 1) - @n + 1");
        BulkSql.Add(block, "n", (long)count);
        return Convert.ToInt64(await block.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <summary>PostgreSQL: <paramref name="count"/> ids from the sequence, not necessarily consecutive.</summary>
    public static async Task<long[]> ReserveAsync(BulkTarget target, int count, CancellationToken ct)
    {
        var ids = new long[count];
        await using var reserve = BulkSql.Command(target, $"SELECT nextval({Sequence(target)}) FROM generate_series(1, @n)");
        BulkSql.Add(reserve, "n", count);
        await using var reader = await reserve.ExecuteReaderAsync(ct);
        var k = 0;
        while (await reader.ReadAsync(ct))
        {
            ids[k++] = reader.GetInt64(0);
        }

        return ids;
    }

    private static string Sequence(BulkTarget target) =>
        $"pg_get_serial_sequence('{target.Table<Person>()}', '{target.Column<Person>(nameof(Person.Id)).Trim('"')}')";

    /// <summary>Lists spelling keys in the key dictionary; pairs already there stay.</summary>
    public static async Task AddNameKeysAsync(BulkTarget target, IReadOnlyList<(string Key, string Token)> pairs, CancellationToken ct)
    {
        var sql = $"INSERT INTO {target.Table<PersonNameKey>()} ({target.Column<PersonNameKey>(nameof(PersonNameKey.Key))},"
            + $"{target.Column<PersonNameKey>(nameof(PersonNameKey.Token))}) ";
        if (target.Connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            using var insert = new SqliteStatement(sqlite, sql + "VALUES (?,?) ON CONFLICT DO NOTHING");
            foreach (var (key, token) in pairs)
            {
                insert.Bind(1, key);
                insert.Bind(2, token);
                insert.Execute();
            }

            return;
        }

        // One statement for every pair (two arrays), not a round trip per row.
        await using var many = BulkSql.Command(target, sql + "SELECT * FROM unnest(@keys, @tokens) ON CONFLICT DO NOTHING");
        BulkSql.Add(many, "keys", pairs.Select(p => p.Key).ToArray());
        BulkSql.Add(many, "tokens", pairs.Select(p => p.Token).ToArray());
        await many.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Sets each person's <see cref="PersonSearch.NameIndexColumn"/>.</summary>
    public static async Task SetNameIndexesAsync(BulkTarget target, long[] ids, string[] nameIndex, CancellationToken ct)
    {
        var column = target.Column<Person>(PersonSearch.NameIndexColumn);
        var id = target.Column<Person>(nameof(Person.Id));
        var table = target.Table<Person>();
        if (target.Connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            using var update = new SqliteStatement(sqlite, $"UPDATE {table} SET {column} = ? WHERE {id} = ?");
            for (var i = 0; i < ids.Length; i++)
            {
                update.Bind(1, nameIndex[i]);
                update.Bind(2, ids[i]);
                update.Execute();
            }

            return;
        }

        await using var many = BulkSql.Command(target, $"UPDATE {table} SET {column} = v.idx FROM unnest(@ids, @idx) AS v(id, idx) WHERE {table}.{id} = v.id");
        BulkSql.Add(many, "ids", ids);
        BulkSql.Add(many, "idx", nameIndex);
        await many.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A writer for one of the tables above; PostgreSQL and SQLite alike.</summary>
    public static Task<TableWriter<T>> OpenAsync<T>(BulkTarget target, ModelTable<T> table, CancellationToken ct) =>
        TableWriter<T>.OpenAsync(target, table, upsertKey: null, ct);
}
