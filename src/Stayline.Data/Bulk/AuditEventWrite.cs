using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Stayline.Domain.Work;

namespace Stayline.Data.Bulk;

/// <summary>
/// The read audit's own connection and prepared INSERT of <see cref="AuditEvent"/> rows, kept open between batches (a
/// batch is often a handful of reads: opening a connection and preparing the statement each time would cost more
/// than the rows). Each batch is one transaction. Columns and stored forms come from the EF model; EF's change
/// tracking would cost ten times more per event.
/// </summary>
public sealed class AuditEventWrite : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbCommand _command;
    private readonly ModelTable<AuditEvent> _table;
    private readonly object?[] _values;
    private readonly bool _sqlite;
    private bool? _syncing;

    private AuditEventWrite(DbConnection connection, DbCommand command, ModelTable<AuditEvent> table, bool sqlite)
    {
        _connection = connection;
        _command = command;
        _table = table;
        _values = new object?[table.Columns.Count];
        _sqlite = sqlite;
    }

    /// <summary>Opens <paramref name="db"/>'s connection for the writer (on SQLite a connection of its own, outside the
    /// pool: its synchronous setting must not reach other writes). The caller keeps the context alive until disposal.</summary>
    public static async Task<AuditEventWrite> OpenAsync(StaylineDbContext db, CancellationToken ct)
    {
        var table = ModelTable<AuditEvent>.For<AuditEvent>(db.Model, nameof(AuditEvent.Id));
        if (db.IsSqlite)
        {
            var own = new Microsoft.Data.Sqlite.SqliteConnection(
                new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ToString());
            db.Database.SetDbConnection(own, contextOwnsConnection: true);
        }

        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {BulkSql.Quote(table.Table)} ({string.Join(", ", table.Columns.Select(BulkSql.Quote))}) "
            + $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (table.Types[i] is { } type)
            {
                p.DbType = type;
            }

            command.Parameters.Add(p);
        }

        return new AuditEventWrite(connection, command, table, db.IsSqlite);
    }

    /// <summary>Writes the events in one transaction.</summary>
    /// <param name="syncDisk">SQLite: commit with synchronous=FULL (else NORMAL: in the write-ahead log, not yet synced to disk).</param>
    public async Task WriteAsync(IEnumerable<AuditEvent> events, bool syncDisk, CancellationToken ct)
    {
        if (_sqlite && _syncing != syncDisk)
        {
            await using var pragma = _connection.CreateCommand();
            pragma.CommandText = syncDisk ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL";
            await pragma.ExecuteNonQueryAsync(ct);
            _syncing = syncDisk;
        }

        await using var transaction = await _connection.BeginTransactionAsync(ct);
        _command.Transaction = transaction;
        foreach (var e in events)
        {
            _table.Values(e, _values, 0);
            for (var i = 0; i < _values.Length; i++)
            {
                _command.Parameters[i].Value = _values[i];
            }

            await _command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
