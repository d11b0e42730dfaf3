using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Stayline.Data.Bulk;

/// <summary>
/// One of SQLite's own prepared statements on a Microsoft.Data.Sqlite connection (so inside its open transaction),
/// bound by position: ADO.NET's SQLite provider finds each named parameter by a linear search of the statement's
/// names and copies each value. Every bulk write is a one-row statement stepped once per row.
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

    /// <summary>Binds a value as EF Core stores it on SQLite (bool as 0/1, DateOnly as TEXT yyyy-MM-dd).</summary>
    public void Bind(int index, object? value)
    {
        switch (value)
        {
            case null:
                BindNull(index);
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
            case string t:
                Bind(index, t);
                break;
            case DateOnly d:
                Bind(index, d);
                break;
            default:
                throw new ArgumentException($"Cannot bind a {value.GetType().Name}.", nameof(value));
        }
    }

    public void BindNull(int index) => Check(raw.sqlite3_bind_null(Handle, index));

    public void Bind(int index, double value) => Check(raw.sqlite3_bind_double(Handle, index, value));

    /// <summary>As EF Core and Microsoft.Data.Sqlite store a DateOnly: TEXT yyyy-MM-dd.</summary>
    public void Bind(int index, DateOnly value)
    {
        if (_native == IntPtr.Zero)
        {
            Bind(index, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return;
        }

        var buffer = Buffer(index, 10);
        value.TryFormat(buffer, out var length, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Check(SqliteNative.BindText(_native, index, Marshal.UnsafeAddrOfPinnedArrayElement(buffer, 0), length, IntPtr.Zero));
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

        var buffer = Buffer(index, Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, buffer);
        Check(SqliteNative.BindText(_native, index, Marshal.UnsafeAddrOfPinnedArrayElement(buffer, 0), length, IntPtr.Zero));
    }

    /// <summary>The pinned buffer of a parameter, at least <paramref name="size"/> bytes.</summary>
    private byte[] Buffer(int index, int size)
    {
        _text ??= new byte[]?[raw.sqlite3_bind_parameter_count(Handle) + 1];
        var buffer = _text[index];
        if (buffer is null || buffer.Length < size)
        {
            // The old buffer may still be bound until this call rebinds the parameter; it stays alive until then.
            buffer = _text[index] = GC.AllocateUninitializedArray<byte>(Math.Max(size, 64), pinned: true);
        }

        return buffer;
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
