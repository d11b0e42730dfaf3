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
    private readonly SegmentTable _segments;
    private bool? _syncing;

    private AuditEventWrite(DbConnection connection, DbCommand command, ModelTable<AuditEvent> table, bool sqlite, SegmentTable segments)
    {
        _segments = segments;
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

        return new AuditEventWrite(connection, command, table, db.IsSqlite, SegmentTable.From(db.Model));
    }

    /// <summary>Writes the events in one transaction. With a read-audit journal segment's name, the segment is recorded
    /// in the same transaction, and a segment recorded before is not written again (false).</summary>
    /// <param name="syncDisk">SQLite: commit with synchronous=FULL (else NORMAL: in the write-ahead log, not yet synced to disk).</param>
    public async Task<bool> WriteAsync(IEnumerable<AuditEvent> events, bool syncDisk, string? segment, CancellationToken ct)
    {
        if (_sqlite && _syncing != syncDisk)
        {
            await using var pragma = _connection.CreateCommand();
            pragma.CommandText = syncDisk ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL";
            await pragma.ExecuteNonQueryAsync(ct);
            _syncing = syncDisk;
        }

        await using var transaction = await _connection.BeginTransactionAsync(ct);
        if (segment is not null && !await RecordSegmentAsync(transaction, segment, ct))
        {
            await transaction.RollbackAsync(ct);
            return false;
        }

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
        return true;
    }

    /// <summary>Records a moved segment (false when it was moved before), and forgets segments moved more than a week
    /// ago: a segment is deleted right after its move, so only a crash in between leaves one, moved at the next start.</summary>
    private async Task<bool> RecordSegmentAsync(DbTransaction transaction, string segment, CancellationToken ct)
    {
        var s = _segments;
        await using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COUNT(*) FROM {BulkSql.Quote(s.Table)} WHERE {BulkSql.Quote(s.Name)} = @name";
        var name = command.CreateParameter();
        name.ParameterName = "@name";
        name.Value = segment;
        command.Parameters.Add(name);
        if (Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            return false;
        }

        var now = DateTimeOffset.UtcNow;
        var at = command.CreateParameter();
        at.ParameterName = "@at";
        at.Value = s.MovedAtConverter?.ConvertToProvider(now) ?? now;
        command.Parameters.Add(at);
        command.CommandText = $"INSERT INTO {BulkSql.Quote(s.Table)} ({BulkSql.Quote(s.Name)}, {BulkSql.Quote(s.MovedAt)}) VALUES (@name, @at)";
        await command.ExecuteNonQueryAsync(ct);

        var weekAgo = now.AddDays(-7);
        at.Value = s.MovedAtConverter?.ConvertToProvider(weekAgo) ?? weekAgo;
        command.Parameters.Remove(name);
        command.CommandText = $"DELETE FROM {BulkSql.Quote(s.Table)} WHERE {BulkSql.Quote(s.MovedAt)} < @at";
        await command.ExecuteNonQueryAsync(ct);
        return true;
    }

    /// <summary>Where moved journal segments are recorded, from the EF model.</summary>
    private sealed record SegmentTable(string Table, string Name, string MovedAt, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? MovedAtConverter)
    {
        public static SegmentTable From(Microsoft.EntityFrameworkCore.Metadata.IModel model)
        {
            var entity = model.FindEntityType(typeof(ReadJournalSegment))!;
            var movedAt = entity.FindProperty(nameof(ReadJournalSegment.MovedAt))!;
            return new SegmentTable(entity.GetTableName()!, entity.FindProperty(nameof(ReadJournalSegment.Name))!.GetColumnName(),
                movedAt.GetColumnName(), movedAt.GetTypeMapping().Converter);
        }
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
