using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Stayline.Data;
using Stayline.Domain.Work;

namespace Stayline.Infrastructure;

/// <summary>
/// The writer's own connection and prepared INSERT, kept open between batches (a batch is often a handful of
/// reads: opening a connection and preparing the statement each time would cost more than the rows). Each
/// batch is one transaction: stored whole or not at all, so a retry never duplicates. Column names and stored
/// forms come from the EF model, so it is the same on SQLite and PostgreSQL; EF's change tracking would cost
/// ten times more per event. Used by <see cref="ReadAuditWriter"/> (PostgreSQL) and <see cref="ReadAuditJournalMover"/>
/// (SQLite).
/// </summary>
internal sealed class AuditEventInserter : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;
    private readonly DbConnection _connection;
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;
    private readonly ValueConverter?[] _converters;

    private readonly bool _sqlite;
    private readonly SegmentTable _segments;
    private bool? _syncing;
    private long _lastSync;

    private AuditEventInserter(AsyncServiceScope scope, DbConnection connection, DbCommand command, DbParameter[] parameters,
        ValueConverter?[] converters, bool sqlite, SegmentTable segments)
    {
        _sqlite = sqlite;
        _segments = segments;
        _scope = scope;
        _connection = connection;
        _command = command;
        _parameters = parameters;
        _converters = converters;
    }

    public static async Task<AuditEventInserter> OpenAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var entity = db.Model.FindEntityType(typeof(AuditEvent))!;
            var columns = Columns.Select(c => entity.FindProperty(c.Name)!).ToList();
            if (db.IsSqlite)
            {
                // A connection of its own, outside the pool: its synchronous setting must not reach other writes.
                var own = new Microsoft.Data.Sqlite.SqliteConnection(
                    new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ToString());
                db.Database.SetDbConnection(own, contextOwnsConnection: true);
            }

            await db.Database.OpenConnectionAsync(ct);
            var connection = db.Database.GetDbConnection();
            var command = connection.CreateCommand();
            command.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"INSERT INTO \"{entity.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName()}\""))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})");
            var parameters = new DbParameter[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i] = command.CreateParameter();
                parameters[i].ParameterName = $"@p{i}";
                if (Columns[i].Type is { } type)
                {
                    parameters[i].DbType = type;
                }

                command.Parameters.Add(parameters[i]);
            }

            return new AuditEventInserter(scope, connection, command, parameters, columns.Select(c => c.GetTypeMapping().Converter).ToArray(), db.IsSqlite,
                SegmentTable.From(db.Model));
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes the events in one transaction. With a journal segment's name, the segment is recorded in the
    /// same transaction, and a segment already recorded is not written again (false).</summary>
    /// <param name="syncEvery">SQLite: commit with synchronous=FULL (synced to disk) when this long has passed since the
    /// last such commit, else NORMAL; zero syncs every commit.</param>
    public async Task<bool> WriteAsync(IEnumerable<AuditEvent> events, TimeSpan syncEvery, string? segment, CancellationToken ct)
    {
        var sync = false;
        if (_sqlite)
        {
            sync = syncEvery == TimeSpan.Zero || Stopwatch.GetElapsedTime(_lastSync) >= syncEvery;
            if (_syncing != sync)
            {
                await using var pragma = _connection.CreateCommand();
                pragma.CommandText = sync ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL";
                await pragma.ExecuteNonQueryAsync(ct);
                _syncing = sync;
            }
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
            for (var i = 0; i < _parameters.Length; i++)
            {
                var value = Columns[i].Value(e);
                _parameters[i].Value = (value is null ? null : _converters[i] is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
            }

            await _command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        if (sync)
        {
            _lastSync = Stopwatch.GetTimestamp();
        }

        return true;
    }

    /// <summary>Records a moved segment (false when it was moved before), and forgets segments moved more than a week ago:
    /// a segment is deleted right after its move, so only a crash in between leaves one, and the next start moves it.</summary>
    private async Task<bool> RecordSegmentAsync(DbTransaction transaction, string segment, CancellationToken ct)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        var table = _segments.Table;
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE \"{_segments.Name}\" = @name";
        var name = command.CreateParameter();
        name.ParameterName = "@name";
        name.Value = segment;
        command.Parameters.Add(name);
        if (Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) > 0)
        {
            return false;
        }

        var now = DateTimeOffset.UtcNow;
        var at = command.CreateParameter();
        at.ParameterName = "@at";
        at.Value = _segments.MovedAtConverter?.ConvertToProvider(now) ?? now;
        command.Parameters.Add(at);
        command.CommandText = $"INSERT INTO \"{table}\" (\"{_segments.Name}\", \"{_segments.MovedAt}\") VALUES (@name, @at)";
        await command.ExecuteNonQueryAsync(ct);

        var before = now.AddDays(-7);
        at.Value = _segments.MovedAtConverter?.ConvertToProvider(before) ?? before;
        command.Parameters.Remove(name);
        command.CommandText = $"DELETE FROM \"{table}\" WHERE \"{_segments.MovedAt}\" < @at";
        await command.ExecuteNonQueryAsync(ct);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _command.DisposeAsync();
        await _scope.DisposeAsync();
    }


    /// <summary>The columns written, with their parameter type where it is the same on every provider (the time is
    /// stored as ticks on SQLite, as timestamptz on PostgreSQL: its type follows the converted value).</summary>
    private static readonly (string Name, DbType? Type, Func<AuditEvent, object?> Value)[] Columns =
    [
        (nameof(AuditEvent.At), null, e => e.At),
        (nameof(AuditEvent.UserId), DbType.String, e => e.UserId),
        (nameof(AuditEvent.UserName), DbType.String, e => e.UserName),
        (nameof(AuditEvent.Action), DbType.String, e => e.Action),
        (nameof(AuditEvent.EntityType), DbType.String, e => e.EntityType),
        (nameof(AuditEvent.EntityId), DbType.String, e => e.EntityId),
        (nameof(AuditEvent.PersonId), DbType.Int64, e => e.PersonId),
        (nameof(AuditEvent.Before), DbType.String, e => e.Before),
        (nameof(AuditEvent.After), DbType.String, e => e.After),
    ];

    /// <summary>Where moved journal segments are recorded, from the EF model.</summary>
    private sealed record SegmentTable(string Table, string Name, string MovedAt, ValueConverter? MovedAtConverter)
    {
        public static SegmentTable From(Microsoft.EntityFrameworkCore.Metadata.IModel model)
        {
            var entity = model.FindEntityType(typeof(ReadJournalSegment))!;
            var movedAt = entity.FindProperty(nameof(ReadJournalSegment.MovedAt))!;
            return new SegmentTable(entity.GetTableName()!, entity.FindProperty(nameof(ReadJournalSegment.Name))!.GetColumnName(),
                movedAt.GetColumnName(), movedAt.GetTypeMapping().Converter);
        }
    }
}
