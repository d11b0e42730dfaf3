using System.Data.Common;
using System.Globalization;

namespace Stayline.Features.Import;

/// <summary>
/// Inserts rows into one SQLite table with a prepared statement that carries several rows: one call into
/// SQLite per few rows instead of per row. Parameters bind by name, and SQLite finds a
/// name by a linear search, so a few rows per statement beat many. Call <see cref="Dispose"/> to write the rest.
/// </summary>
internal sealed class SqliteRows : IDisposable
{
    private const int ParametersPerStatement = 16;

    private readonly int _rowsPerStatement;
    private readonly DbCommand _many;
    private readonly DbCommand _one;
    private readonly int _columns;
    private int _pending;

    /// <param name="fixedColumns">Columns with the same value in every row, and (<paramref name="fixedValues"/>) their SQL literals.</param>
    public SqliteRows(DbConnection connection, DbTransaction transaction, string table, string columns, string? fixedColumns = null, string? fixedValues = null)
    {
        _columns = columns.Split(',').Length;
        // About 16 parameters per statement: enough rows to save calls, few enough names to search (measured:
        // 128 parameters per statement made the people rows twice as slow as 12).
        _rowsPerStatement = Math.Clamp(ParametersPerStatement / _columns, 1, 16);
        var all = fixedColumns is null ? columns : columns + "," + fixedColumns;
        var suffix = fixedValues is null ? "" : "," + fixedValues;
        _many = Prepare(connection, transaction, table, all, suffix, _rowsPerStatement);
        _one = Prepare(connection, transaction, table, all, suffix, 1);
    }

    public void Add(params ReadOnlySpan<object?> values)
    {
        var parameters = _many.Parameters;
        var offset = _pending * _columns;
        for (var c = 0; c < _columns; c++)
        {
            parameters[offset + c].Value = values[c] ?? DBNull.Value;
        }

        if (++_pending == _rowsPerStatement)
        {
            _many.ExecuteNonQuery();
            _pending = 0;
        }
    }

    public void Dispose()
    {
        for (var r = 0; r < _pending; r++)
        {
            for (var c = 0; c < _columns; c++)
            {
                _one.Parameters[c].Value = _many.Parameters[(r * _columns) + c].Value;
            }

            _one.ExecuteNonQuery();
        }

        _pending = 0;
        _many.Dispose();
        _one.Dispose();
    }

    private DbCommand Prepare(DbConnection connection, DbTransaction transaction, string table, string columns, string suffix, int rows)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        var values = new List<string>(rows);
        for (var r = 0; r < rows; r++)
        {
            var names = new string[_columns];
            for (var c = 0; c < _columns; c++)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = "$" + ((r * _columns) + c).ToString(CultureInfo.InvariantCulture);
                cmd.Parameters.Add(p);
                names[c] = p.ParameterName;
            }

            values.Add("(" + string.Join(",", names) + suffix + ")");
        }

        cmd.CommandText = $"INSERT INTO {table} ({columns}) VALUES {string.Join(",", values)}";
        cmd.Prepare();
        return cmd;
    }
}

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
