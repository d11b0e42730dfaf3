using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Stayline.Infrastructure;

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

    /// <summary>Pinned UTF-8 buffers of the text parameters, by parameter index.</summary>
    private byte[]?[]? _text;

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
    public void Bind(int index, object? value)
    {
        switch (value)
        {
            case null:
                Bind(index, (string?)null);
                break;
            case long l:
                Bind(index, l);
                break;
            case int i:
                Bind(index, (long)i);
                break;
            case bool b:
                Bind(index, b ? 1L : 0L);
                break;
            case string s:
                Bind(index, s);
                break;
            case DateOnly d:
                Bind(index, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentException($"Cannot bind a {value.GetType().Name}.", nameof(value));
        }
    }

    public void Bind(int index, long value) =>
        Check(_native != IntPtr.Zero ? SqliteNative.BindInt64(_native, index, value) : raw.sqlite3_bind_int64(Handle, index, value));

    /// <summary>Binds text as UTF-8 from a pinned buffer kept per parameter (SQLite reads it in place: no copy, no allocation).</summary>
    public void Bind(int index, string? value)
    {
        if (_native == IntPtr.Zero || value is null)
        {
            Check(value is null ? raw.sqlite3_bind_null(Handle, index) : raw.sqlite3_bind_text(Handle, index, value));
            return;
        }

        _text ??= new byte[]?[raw.sqlite3_bind_parameter_count(Handle) + 1];
        var buffer = _text[index];
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (buffer is null || buffer.Length < max)
        {
            // The old buffer may still be bound until this call rebinds the parameter; it stays alive until then.
            buffer = _text[index] = GC.AllocateUninitializedArray<byte>(Math.Max(max, 64), pinned: true);
        }

        var length = Encoding.UTF8.GetBytes(value, buffer);
        Check(SqliteNative.BindText(_native, index, Marshal.UnsafeAddrOfPinnedArrayElement(buffer, 0), length, IntPtr.Zero));
    }

    /// <summary>Binds the i-th string of <paramref name="strings"/>, read in place from its pinned buffer.</summary>
    public void Bind(int index, Utf8Strings strings, int i)
    {
        if (_native == IntPtr.Zero)
        {
            Bind(index, strings.String(i));
            return;
        }

        var (pointer, length) = strings.Pointer(i);
        Check(SqliteNative.BindText(_native, index, pointer, length, IntPtr.Zero));
    }

    /// <summary>Runs a statement that returns no rows with the values bound, then resets it for the next.</summary>
    public void Execute()
    {
        Step();
        Check(raw.sqlite3_reset(Handle));
    }

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

/// <summary>Many strings encoded once as UTF-8 into one pinned buffer, for binding in place without copies.</summary>
internal sealed class Utf8Strings
{
    private readonly byte[] _bytes;
    private readonly int[] _starts;
    private readonly IntPtr _base;

    public Utf8Strings(IReadOnlyList<string> strings)
    {
        _starts = new int[strings.Count + 1];
        long total = 0;
        for (var i = 0; i < strings.Count; i++)
        {
            total += Encoding.UTF8.GetByteCount(strings[i]);
            _starts[i + 1] = checked((int)total);
        }

        _bytes = GC.AllocateUninitializedArray<byte>(Math.Max(1, (int)total), pinned: true);
        for (var i = 0; i < strings.Count; i++)
        {
            Encoding.UTF8.GetBytes(strings[i], _bytes.AsSpan(_starts[i]));
        }

        _base = Marshal.UnsafeAddrOfPinnedArrayElement(_bytes, 0);
    }

    public (IntPtr Pointer, int Length) Pointer(int i) => (_base + _starts[i], _starts[i + 1] - _starts[i]);

    public string String(int i) => Encoding.UTF8.GetString(_bytes, _starts[i], _starts[i + 1] - _starts[i]);
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

    /// <summary>With a null destructor (SQLITE_STATIC): SQLite reads the text in place until it is rebound.</summary>
    [DllImport(Library, EntryPoint = "sqlite3_bind_text")]
    [SuppressGCTransition]
    public static extern int BindText(IntPtr statement, int index, IntPtr utf8, int length, IntPtr destructor);

    [DllImport(Library, EntryPoint = "sqlite3_bind_int64")]
    [SuppressGCTransition]
    public static extern int BindInt64(IntPtr statement, int index, long value);

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
