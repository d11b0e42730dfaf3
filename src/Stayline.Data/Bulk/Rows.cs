using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Stayline.Data.Bulk;

/// <summary>
/// Forward-only rows of one query for the bulk readers. On SQLite it steps SQLite's own statement and reads columns
/// in place (dates and enum names parsed from the stored UTF-8 without making strings): through ADO.NET each column
/// read cost about 100 ns, several times the cost of stepping the row. Elsewhere it wraps a <see cref="DbDataReader"/>.
/// Runs on the caller's connection, so inside its transaction.
/// </summary>
internal abstract class Rows : IAsyncDisposable
{
    public static async Task<Rows> OpenAsync(DbConnection connection, DbTransaction? transaction, PersonScope scope, string sql, CancellationToken ct)
    {
        if (connection is SqliteConnection sqlite)
        {
            return new SqliteRows(sqlite, scope, sql);
        }

        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        scope.Bind(cmd);
        return new ReaderRows(cmd, await cmd.ExecuteReaderAsync(ct));
    }

    /// <summary>Runs the query and calls <paramref name="row"/> for each row.</summary>
    public static async Task ForEachAsync(DbConnection connection, DbTransaction? transaction, PersonScope scope, string sql, Action<Rows> row, CancellationToken ct)
    {
        await using var rows = await OpenAsync(connection, transaction, scope, sql, ct);
        while (await rows.ReadAsync(ct))
        {
            row(rows);
        }
    }

    public abstract ValueTask<bool> ReadAsync(CancellationToken ct);

    public abstract bool IsNull(int i);

    public abstract long Int64(int i);

    public int Int32(int i) => checked((int)Int64(i));

    public abstract bool Bool(int i);

    public abstract DateOnly Date(int i);

    public DateOnly? NullableDate(int i) => IsNull(i) ? null : Date(i);

    public abstract string String(int i);

    public string? NullableString(int i) => IsNull(i) ? null : String(i);

    /// <summary>A string that repeats over many rows, made once per distinct value.</summary>
    public abstract string String(int i, StringCache cache);

    public abstract T Enum<T>(int i, EnumNames<T> names)
        where T : struct, Enum;

    public abstract ValueTask DisposeAsync();

    private sealed class ReaderRows(DbCommand cmd, DbDataReader reader) : Rows
    {
        public override async ValueTask<bool> ReadAsync(CancellationToken ct) => await reader.ReadAsync(ct);

        public override bool IsNull(int i) => reader.IsDBNull(i);

        public override long Int64(int i) => reader.GetInt64(i);

        public override bool Bool(int i) => reader.GetBoolean(i);

        public override DateOnly Date(int i) => reader.GetFieldValue<DateOnly>(i);

        public override string String(int i) => reader.GetString(i);

        public override string String(int i, StringCache cache) => reader.GetString(i);

        public override T Enum<T>(int i, EnumNames<T> names) => names.Parse(reader.GetString(i));

        public override async ValueTask DisposeAsync()
        {
            await reader.DisposeAsync();
            await cmd.DisposeAsync();
        }
    }

    private sealed class SqliteRows : Rows
    {
        private readonly SqliteStatement _statement;

        public SqliteRows(SqliteConnection connection, PersonScope scope, string sql)
        {
            _statement = new SqliteStatement(connection, sql);
            foreach (var (name, value) in scope.Parameters)
            {
                // A parameter the statement does not use has index 0 and is skipped.
                if (_statement.ParameterIndex(name) is > 0 and var index)
                {
                    _statement.Bind(index, value);
                }
            }
        }

        public override ValueTask<bool> ReadAsync(CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            return ValueTask.FromResult(_statement.Step());
        }

        public override bool IsNull(int i) => _statement.ColumnType(i) == raw.SQLITE_NULL;

        public override long Int64(int i) => _statement.ColumnInt64(i);

        public override bool Bool(int i) => _statement.ColumnInt64(i) != 0;

        /// <summary>EF Core and Microsoft.Data.Sqlite store a DateOnly as TEXT yyyy-MM-dd.</summary>
        public override DateOnly Date(int i)
        {
            var s = _statement.ColumnBytes(i);
            if (s.Length == 10 && s[4] == '-' && s[7] == '-' && Digits(s[..4], out var y) && Digits(s.Slice(5, 2), out var m) && Digits(s.Slice(8, 2), out var d))
            {
                return new DateOnly(y, m, d);
            }

            return DateOnly.Parse(Encoding.UTF8.GetString(s), CultureInfo.InvariantCulture);
        }

        public override string String(int i) => raw.sqlite3_column_text(_statement.Handle, i).utf8_to_string();

        public override string String(int i, StringCache cache) => cache.Get(_statement.ColumnBytes(i));

        public override T Enum<T>(int i, EnumNames<T> names) => names.Parse(_statement.ColumnBytes(i));

        public override ValueTask DisposeAsync()
        {
            _statement.Dispose();
            return ValueTask.CompletedTask;
        }

        private static bool Digits(ReadOnlySpan<byte> s, out int value)
        {
            value = 0;
            foreach (var b in s)
            {
                if (b is < (byte)'0' or > (byte)'9')
                {
                    return false;
                }

                value = (value * 10) + (b - '0');
            }

            return true;
        }
    }
}

/// <summary>Strings that repeat over many rows (rule ids, citations, states), made once: reading them allocates nothing.</summary>
internal sealed class StringCache
{
    private readonly List<(byte[] Utf8, string Value)> _entries = [];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        foreach (var (bytes, value) in _entries)
        {
            if (utf8.SequenceEqual(bytes))
            {
                return value;
            }
        }

        var s = Encoding.UTF8.GetString(utf8);
        if (_entries.Count < 256)
        {
            _entries.Add((utf8.ToArray(), s));
        }

        return s;
    }
}

/// <summary>An enum's names as EF stores them, parsed from strings or from UTF-8 bytes without reflection or allocation.</summary>
internal sealed class EnumNames<T>
    where T : struct, Enum
{
    public static readonly EnumNames<T> All = new();

    private readonly (byte[] Utf8, T Value)[] _bytes;
    private readonly Dictionary<string, T> _strings;

    private EnumNames()
    {
        _strings = System.Enum.GetValues<T>().ToDictionary(v => v.ToString(), StringComparer.Ordinal);
        _bytes = [.. _strings.Select(kv => (Encoding.UTF8.GetBytes(kv.Key), kv.Value))];
    }

    public T Parse(string s) => _strings.TryGetValue(s, out var v) ? v : throw Unknown(s);

    public T Parse(ReadOnlySpan<byte> utf8)
    {
        foreach (var (name, value) in _bytes)
        {
            if (utf8.SequenceEqual(name))
            {
                return value;
            }
        }

        throw Unknown(Encoding.UTF8.GetString(utf8));
    }

    private static InvalidDataException Unknown(string s) => new($"Stored value \"{s}\" is not a {typeof(T).Name}.");
}
