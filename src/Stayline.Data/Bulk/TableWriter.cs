using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Stayline.Data.Bulk;

/// <summary>
/// Writes rows to one table inside the target's transaction, without the change tracker: on SQLite a prepared
/// one-row statement stepped per row; on PostgreSQL a binary COPY for inserts, and multi-row statements for
/// upserts (COPY cannot resolve conflicts, and PostgreSQL pays per round trip).
/// </summary>
public sealed class TableWriter<TRow> : IAsyncDisposable
{
    /// <summary>Rows per upsert statement on PostgreSQL.</summary>
    private const int PostgresRowsPerStatement = 500;

    private readonly ModelTable<TRow> _table;
    private readonly BulkTarget _target;
    private readonly SqliteStatement? _statement;
    private readonly NpgsqlBinaryImporter? _copy;
    private readonly string? _upsertPrefix, _upsertSuffix;
    private readonly object?[]? _values;
    private DbCommand? _full;
    private int _buffered;

    private TableWriter(ModelTable<TRow> table, BulkTarget target, SqliteStatement? statement, NpgsqlBinaryImporter? copy, string? upsertPrefix, string? upsertSuffix)
    {
        _table = table;
        _target = target;
        _statement = statement;
        _copy = copy;
        _upsertPrefix = upsertPrefix;
        _upsertSuffix = upsertSuffix;
        if (upsertPrefix is not null)
        {
            _values = new object?[PostgresRowsPerStatement * table.Columns.Count];
        }
    }

    /// <param name="upsertKey">A property whose conflict updates the existing row instead (null: plain insert).</param>
    public static async Task<TableWriter<TRow>> OpenAsync(BulkTarget target, ModelTable<TRow> table, string? upsertKey, CancellationToken ct)
    {
        var columns = string.Join(",", table.Columns.Select(BulkSql.Quote));
        var suffix = "";
        if (upsertKey is not null)
        {
            var key = target.Model.FindEntityType(table.Entity)!.FindProperty(upsertKey)!.GetColumnName();
            suffix = $" ON CONFLICT ({BulkSql.Quote(key)}) DO UPDATE SET "
                + string.Join(", ", table.Columns.Where(c => c != key).Select(c => $"{BulkSql.Quote(c)} = excluded.{BulkSql.Quote(c)}"));
        }

        var insert = $"INSERT INTO {BulkSql.Quote(table.Table)} ({columns}) VALUES ";
        if (target.Connection is SqliteConnection sqlite)
        {
            var sql = insert + "(" + string.Join(",", table.Columns.Select(_ => "?")) + ")" + suffix;
            return new TableWriter<TRow>(table, target, new SqliteStatement(sqlite, sql), null, null, null);
        }

        var npgsql = (NpgsqlConnection)target.Connection;
        if (upsertKey is not null)
        {
            return new TableWriter<TRow>(table, target, null, null, insert, suffix);
        }

        var copy = await npgsql.BeginBinaryImportAsync($"COPY {BulkSql.Quote(table.Table)} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        copy.Timeout = CopyTimeout;
        return new TableWriter<TRow>(table, target, null, copy, null, null);
    }

    /// <summary>Completing a COPY of millions of rows (index maintenance) takes longer than the default command timeout.</summary>
    public static readonly TimeSpan CopyTimeout = TimeSpan.FromHours(1);

    /// <summary>Writes one row (PostgreSQL upserts: buffered, sent synchronously when a statement is full).</summary>
    public void Add(TRow row)
    {
        if (_statement is { } statement)
        {
            _table.BindSqlite(statement, row, 0);
            statement.Execute();
        }
        else if (_copy is { } copy)
        {
            copy.StartRow();
            _table.WriteCopy(copy, row);
        }
        else if (Buffer(row))
        {
            Flush().ExecuteNonQuery();
        }
    }

    /// <summary>Writes one row; a full upsert statement is sent asynchronously.</summary>
    public async ValueTask AddAsync(TRow row, CancellationToken ct)
    {
        if (_values is null)
        {
            Add(row);
        }
        else if (Buffer(row))
        {
            await Flush().ExecuteNonQueryAsync(ct);
        }
    }

    public async Task WriteAsync<T>(IReadOnlyList<T> rows, Func<T, TRow> row, CancellationToken ct)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if ((i & 4095) == 4095)
            {
                ct.ThrowIfCancellationRequested();
            }

            await AddAsync(row(rows[i]), ct);
        }

        await CompleteAsync(ct);
    }

    /// <summary>Sends what is buffered and ends the COPY; without it a COPY is cancelled.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        if (_copy is not null)
        {
            await _copy.CompleteAsync(ct);
        }
        else if (_values is not null && _buffered > 0)
        {
            await using var last = Command(_buffered);
            var n = _buffered * _table.Columns.Count;
            for (var i = 0; i < n; i++)
            {
                last.Parameters[i].Value = _values[i];
            }

            _buffered = 0;
            await last.ExecuteNonQueryAsync(ct);
        }
    }

    private bool Buffer(TRow row)
    {
        _table.Values(row, _values!, _buffered * _table.Columns.Count);
        return ++_buffered == PostgresRowsPerStatement;
    }

    private DbCommand Flush()
    {
        _full ??= Command(PostgresRowsPerStatement);
        for (var i = 0; i < _values!.Length; i++)
        {
            _full.Parameters[i].Value = _values[i];
        }

        _buffered = 0;
        return _full;
    }

    private DbCommand Command(int rows)
    {
        var columns = _table.Columns.Count;
        var sql = new StringBuilder(_upsertPrefix);
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ",(");
            for (var c = 0; c < columns; c++)
            {
                sql.Append(c == 0 ? "@p" : ",@p").Append(((row * columns) + c).ToString(CultureInfo.InvariantCulture));
            }

            sql.Append(')');
        }

        var cmd = BulkSql.Command(_target, sql.Append(_upsertSuffix).ToString());
        for (var i = 0; i < rows * columns; i++)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            if (_table.Types[i % columns] is { } type)
            {
                p.DbType = type;
            }

            cmd.Parameters.Add(p);
        }

        return cmd;
    }

    public async ValueTask DisposeAsync()
    {
        _statement?.Dispose();
        if (_copy is not null)
        {
            await _copy.DisposeAsync();
        }

        if (_full is not null)
        {
            await _full.DisposeAsync();
        }
    }
}
