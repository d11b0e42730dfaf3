using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Stayline.Data;

/// <summary>
/// Settings that belong to a SQLite connection rather than to the file, applied once per physical connection
/// (a pooled connection keeps them), never on every open: an open per request is the common case.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    /// <summary>
    /// Reads pages through a memory map instead of a read() call per page missing from the connection's own
    /// 2 MB cache: a name search touches thousands of index pages, and each pooled connection would otherwise
    /// copy them again. 1 GiB of address space per connection, shared with the operating system's page cache.
    /// </summary>
    public const long MemoryMapBytes = 1L << 30;

    public static readonly SqliteConnectionSetup Instance = new();

    private static readonly ConditionalWeakTable<object, object> Configured = [];

    private SqliteConnectionSetup()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    /// <summary>Applies the settings to an open connection, unless its native handle already has them.</summary>
    public static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } sqlite && Configured.TryAdd(handle, handle))
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA mmap_size = {MemoryMapBytes};");
            command.ExecuteNonQuery();
        }
    }
}
