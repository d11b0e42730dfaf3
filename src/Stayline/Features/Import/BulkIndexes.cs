using System.Data.Common;

namespace Stayline.Features.Import;

/// <summary>Drops the secondary indexes of tables, returning the statements that recreate them.</summary>
internal static class SqliteIndexes
{
    public static async Task<List<string>> DropAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> tables, CancellationToken ct)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = transaction;
            // Indexes behind a PRIMARY KEY or UNIQUE constraint have no SQL of their own and cannot be dropped.
            cmd.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ("
                + string.Join(",", tables.Select(t => "'" + t + "'")) + ")";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await using var drop = connection.CreateCommand();
            drop.Transaction = transaction;
            drop.CommandText = "DROP INDEX \"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await drop.ExecuteNonQueryAsync(ct);
        }

        return indexes.Select(i => i.Sql).ToList();
    }
}

/// <summary>
/// Drops the secondary indexes of tables, and the primary key and foreign key of the token table (which nothing
/// refers to), returning the statements that recreate them. Inside the import's
/// transaction: a failed import gets them back with the rollback.
/// </summary>
internal static class PostgresIndexes
{
    public static async Task<List<string>> DropAsync(Npgsql.NpgsqlConnection connection, IReadOnlyList<string> tables, CancellationToken ct)
    {
        var drops = new List<string>();
        var creates = new List<string>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
                FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
                WHERE t.relname = ANY(@tables) AND t.relnamespace = current_schema()::regnamespace
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                UNION ALL
                SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
                       format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
                FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
                WHERE t.relname = ANY(@tables) AND t.relname = 'person_name_tokens' AND t.relnamespace = current_schema()::regnamespace
                  AND c.contype IN ('f', 'p')
                """;
            cmd.Parameters.AddWithValue("tables", tables.ToArray());
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                drops.Add(reader.GetString(0));
                creates.Add(reader.GetString(1));
            }
        }

        foreach (var sql in drops)
        {
            await using var drop = connection.CreateCommand();
            drop.CommandText = sql;
            await drop.ExecuteNonQueryAsync(ct);
        }

        // Keys first: a foreign key needs the referenced key in place.
        return [.. creates.Where(c => c.Contains("PRIMARY KEY", StringComparison.Ordinal)), .. creates.Where(c => !c.Contains("PRIMARY KEY", StringComparison.Ordinal))];
    }
}
