using System.Globalization;

namespace Stayline.Data.Bulk;

/// <summary>
/// Drops the secondary indexes of tables before a large load and rebuilds them after: sorting once per index (and
/// checking each key once) is far cheaper than maintaining them row by row. Inside the caller's transaction, so a
/// failed load gets them back with the rollback.
/// </summary>
public static class SecondaryIndexes
{
    /// <summary>Drops them, returning the statements that recreate them. On PostgreSQL <paramref name="withKeys"/> also drops
    /// those tables' primary and foreign keys (for a table nothing refers to).</summary>
    public static async Task<List<string>> DropAsync(BulkTarget target, IReadOnlyList<string> tables, CancellationToken ct, IReadOnlyList<string>? withKeys = null)
    {
        var drops = new List<string>();
        var creates = new List<string>();
        await using (var cmd = BulkSql.Command(target, target.IsSqlite
            // Indexes behind a PRIMARY KEY or UNIQUE constraint have no SQL of their own and cannot be dropped.
            ? "SELECT 'DROP INDEX \"' || replace(name, '\"', '\"\"') || '\"', sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ("
                + string.Join(",", tables.Select(t => "'" + t.Replace("'", "''", StringComparison.Ordinal) + "'")) + ")"
            : """
                SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
                FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
                WHERE t.relname = ANY(@tables) AND t.relnamespace = current_schema()::regnamespace
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                UNION ALL
                SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
                       format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
                FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
                WHERE t.relname = ANY(@keys) AND t.relnamespace = current_schema()::regnamespace AND c.contype IN ('f', 'p')
                """))
        {
            if (!target.IsSqlite)
            {
                BulkSql.Add(cmd, "tables", tables.ToArray());
                BulkSql.Add(cmd, "keys", (withKeys ?? []).ToArray());
            }

            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                drops.Add(reader.GetString(0));
                creates.Add(reader.GetString(1));
            }
        }

        foreach (var sql in drops)
        {
            await BulkSql.ExecuteAsync(target, sql, ct);
        }

        // Keys first: a foreign key needs the referenced key in place.
        return [.. creates.Where(c => c.Contains("PRIMARY KEY", StringComparison.Ordinal)), .. creates.Where(c => !c.Contains("PRIMARY KEY", StringComparison.Ordinal))];
    }

    public static async Task RebuildAsync(BulkTarget target, IReadOnlyList<string> statements, CancellationToken ct)
    {
        if (!target.IsSqlite && statements.Count > 0)
        {
            await BulkSql.ExecuteAsync(target, "SET LOCAL maintenance_work_mem = '256MB'", ct);
        }

        foreach (var sql in statements)
        {
            await BulkSql.ExecuteAsync(target, sql, ct);
        }
    }
}

/// <summary>
/// SQLite: a larger page cache for this connection while a bulk write runs, so index B-trees that take rows in random
/// order stay in memory (the default 2 MB makes every index insert a read from the OS); the connection's own size is
/// restored afterwards, as it goes back to the pool. Nothing on PostgreSQL.
/// </summary>
public sealed class PageCache : IAsyncDisposable
{
    private readonly BulkTarget _target;
    private readonly long _previous;

    private PageCache(BulkTarget target, long previous)
    {
        _target = target;
        _previous = previous;
    }

    public static async Task<PageCache?> SetAsync(BulkTarget target, int kib, CancellationToken ct)
    {
        if (!target.IsSqlite)
        {
            return null;
        }

        var previous = await BulkSql.ScalarAsync(target, "PRAGMA cache_size", ct);
        await BulkSql.ExecuteAsync(target, "PRAGMA cache_size = -" + kib.ToString(CultureInfo.InvariantCulture), ct);
        return new PageCache(target, previous);
    }

    public async ValueTask DisposeAsync()
    {
        if (_target.Connection.State == System.Data.ConnectionState.Open)
        {
            // The transaction it was set in may have committed by now (the connection stays open for a caller's next step).
            var target = _target.Transaction is { Connection: null } ? _target with { Transaction = null } : _target;
            await BulkSql.ExecuteAsync(target, "PRAGMA cache_size = " + _previous.ToString(CultureInfo.InvariantCulture), default);
        }
    }
}

/// <summary>
/// SQLite: a bulk load runs with a rollback journal instead of the write-ahead log when this process holds the file
/// alone. In WAL every page of the load is written twice (to the log, then by the checkpoint into the file); a
/// rollback journal keeps only the old content of pages that existed before, none for the pages a load appends, so
/// those are written once. Still atomic: a load killed before its commit leaves a hot journal that the next opening
/// rolls back. Switching out of WAL needs the only connection to the file, so with a running `serve` (or any other
/// open connection) the load keeps WAL. Back to WAL on dispose; every start of the app also sets WAL
/// (StaylineDatabase.MigrateAsync), should a process die in between.
/// </summary>
public sealed class BulkJournal : IAsyncDisposable
{
    private readonly BulkTarget _target;

    private BulkJournal(BulkTarget target) => _target = target;

    /// <summary>Null when the file keeps WAL (PostgreSQL, inside a transaction, or other connections to the file).</summary>
    public static async Task<BulkJournal?> RollbackAsync(BulkTarget target, CancellationToken ct)
    {
        if (!target.IsSqlite || target.Transaction is not null || target.Connection.State != System.Data.ConnectionState.Open)
        {
            return null;
        }

        try
        {
            await using var cmd = BulkSql.Command(target, "PRAGMA journal_mode = TRUNCATE");
            // SQLite refuses at once when another connection has the file; Microsoft.Data.Sqlite would retry a busy
            // statement until its timeout (none on bulk commands), so the refusal is taken after a second.
            cmd.CommandTimeout = 1;
            return await cmd.ExecuteScalarAsync(ct) is "truncate" ? new BulkJournal(target) : null;
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            // SQLITE_BUSY / SQLITE_LOCKED: another connection has the file open.
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_target.Connection.State == System.Data.ConnectionState.Open)
        {
            await BulkSql.ExecuteAsync(_target, "PRAGMA journal_mode = WAL", default);
        }
    }
}
