using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Stayline.Features.Protection;

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

/// <summary>
/// One of SQLite's own prepared statements on a Microsoft.Data.Sqlite connection (so inside its open transaction).
/// Binds by position: ADO.NET's SQLite provider finds each named parameter by a linear search of the statement's
/// names, which made multi-row statements cost quadratic time to bind; a one-row statement stepped once per row is
/// both simpler and faster here. Values are stored as EF Core stores them (DateOnly as TEXT yyyy-MM-dd, bool as 0/1).
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);
    private readonly SqliteConnection _connection;

    private readonly IntPtr _native;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _connection = connection;
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out var handle));
        Handle = handle;
        _native = SqliteNative.Available ? handle.DangerousGetHandle() : IntPtr.Zero;
    }

    public sqlite3_stmt Handle { get; }

    public int ColumnType(int i) => _native != IntPtr.Zero ? SqliteNative.ColumnType(_native, i) : raw.sqlite3_column_type(Handle, i);

    public long ColumnInt64(int i) => _native != IntPtr.Zero ? SqliteNative.ColumnInt64(_native, i) : raw.sqlite3_column_int64(Handle, i);

    /// <summary>The value's bytes in place (TEXT as UTF-8), valid until the next step.</summary>
    public ReadOnlySpan<byte> ColumnBytes(int i)
    {
        if (_native == IntPtr.Zero)
        {
            return raw.sqlite3_column_blob(Handle, i);
        }

        var p = SqliteNative.ColumnBlob(_native, i);
        var n = SqliteNative.ColumnLength(_native, i);
        return n == 0 ? default : MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AddByteOffset(ref Unsafe.NullRef<byte>(), p), n);
    }

    public int ParameterIndex(string name) => raw.sqlite3_bind_parameter_index(Handle, name);

    /// <param name="index">1-based, in the order the parameters first appear in the SQL.</param>
    public void Bind(int index, object? value) => Check(value switch
    {
        null => raw.sqlite3_bind_null(Handle, index),
        long l => raw.sqlite3_bind_int64(Handle, index, l),
        int i => raw.sqlite3_bind_int64(Handle, index, i),
        bool b => raw.sqlite3_bind_int64(Handle, index, b ? 1 : 0),
        string s => raw.sqlite3_bind_text(Handle, index, s),
        DateOnly d => raw.sqlite3_bind_text(Handle, index, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"Cannot bind a {value.GetType().Name}.", nameof(value)),
    });

    /// <summary>True when a row is ready; false when done. Waits out another connection's lock like Microsoft.Data.Sqlite does.</summary>
    public bool Step()
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var rc = raw.sqlite3_step(Handle);
            if (rc == raw.SQLITE_ROW)
            {
                return true;
            }

            if (rc == raw.SQLITE_DONE)
            {
                return false;
            }

            if (rc is not (raw.SQLITE_BUSY or raw.SQLITE_LOCKED) || waited.Elapsed > BusyTimeout)
            {
                Check(rc);
            }

            Thread.Sleep(1);
        }
    }

    /// <summary>Runs a statement that returns no rows once per row of values, rebinding all of them each time.</summary>
    public void ExecuteForEach(int rowCount, int columns, Action<object?[], int> fill, CancellationToken ct)
    {
        var values = new object?[columns];
        for (var row = 0; row < rowCount; row++)
        {
            if ((row & 4095) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            fill(values, row);
            for (var c = 0; c < columns; c++)
            {
                Bind(c + 1, values[c]);
            }

            Step();
            Check(raw.sqlite3_reset(Handle));
        }
    }

    public void Dispose() => raw.sqlite3_finalize(Handle);

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
        }
    }
}

/// <summary>
/// Column reads straight from the e_sqlite3 library that SQLitePCLRaw's bundle loads, without a GC transition: through
/// SQLitePCLRaw each read costs about 40 ns (a safe-handle reference count and a full transition), several times the
/// work of stepping a row, and a million people's facts take some 30 million reads. Used only when the provider
/// SQLitePCLRaw runs on is that same library (checked by version), else everything goes through SQLitePCLRaw.
/// These four functions return at once and never call back, which is what SuppressGCTransition requires.
/// </summary>
internal static class SqliteNative
{
    private const string Library = "e_sqlite3";

    public static bool Available { get; } = Probe();

    [DllImport(Library, EntryPoint = "sqlite3_column_type")]
    [SuppressGCTransition]
    public static extern int ColumnType(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_int64")]
    [SuppressGCTransition]
    public static extern long ColumnInt64(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_blob")]
    [SuppressGCTransition]
    public static extern IntPtr ColumnBlob(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_bytes")]
    [SuppressGCTransition]
    public static extern int ColumnLength(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_libversion_number")]
    private static extern int VersionNumber();

    private static bool Probe()
    {
        try
        {
            return raw.GetNativeLibraryName() == Library && VersionNumber() == raw.sqlite3_libversion_number();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
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
