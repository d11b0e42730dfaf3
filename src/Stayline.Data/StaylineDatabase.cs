using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Stayline.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The provider switch. A connection string with "Host=" is PostgreSQL; anything else is a SQLite file
/// (a bare path or "Data Source=..."). Default: ./stayline-data/stayline.db.
/// </summary>
public sealed record StaylineDatabase(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlitePath = "stayline-data/stayline.db";
    public const string EnvironmentVariable = "STAYLINE_DB";
    public const string ConfigurationKey = "Stayline:Database";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> CreatedFolders = new(StringComparer.Ordinal);

    public static StaylineDatabase From(string? setting)
    {
        var value = string.IsNullOrWhiteSpace(setting) ? DefaultSqlitePath : setting.Trim();
        if (value.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return new StaylineDatabase(DatabaseProvider.Postgres, value);
        }

        var builder = value.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(value)
            : new SqliteConnectionStringBuilder { DataSource = value };
        builder.Pooling = true;
        return new StaylineDatabase(DatabaseProvider.Sqlite, builder.ToString());
    }

    /// <summary>The SQLite file path, or null for PostgreSQL and in-memory databases.</summary>
    public string? SqlitePath =>
        Provider == DatabaseProvider.Sqlite && new SqliteConnectionStringBuilder(ConnectionString).DataSource is { } ds
            && ds != ":memory:" && !ds.Contains("mode=memory", StringComparison.OrdinalIgnoreCase)
            ? Path.GetFullPath(ds)
            : null;

    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite file {SqlitePath ?? ConnectionString}"
        : $"PostgreSQL {new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }}";

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            // Runs for every DbContext (every request): parse the path and create its folder only once per database.
            CreatedFolders.GetOrAdd(ConnectionString, _ =>
            {
                if (SqlitePath is { } path)
                {
                    // Owner-only: the folder holds the database and its journal (the process umask does the same; this
                    // holds for a host that did not set it).
                    if (OperatingSystem.IsWindows())
                    {
                        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    }
                    else
                    {
                        Directory.CreateDirectory(Path.GetDirectoryName(path)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                    }
                }

                return true;
            });

            // SQLite rebuilds a table with foreign keys off, a pragma that cannot run inside a transaction; EF Core warns of
            // it once per such migration on every new database, which a first-time user reads as a failure.
            options.UseSqlite(ConnectionString, o => o.MigrationsAssembly("Stayline.Data.Sqlite"))
                .ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsSqlGenerator, StaylineSqliteMigrationsSqlGenerator>()
                .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning));
        }
        else
        {
            options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly("Stayline.Data.Postgres"))
                .ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsSqlGenerator, StaylinePostgresMigrationsSqlGenerator>();
        }
    }

    public DbContextOptions<StaylineDbContext> Options()
    {
        var builder = new DbContextOptionsBuilder<StaylineDbContext>();
        Configure(builder);
        return builder.Options;
    }

    /// <summary>Applies pending migrations; for SQLite also turns on write-ahead logging (readers never block the writer).</summary>
    /// <summary>The database's schema comes from a build this one cannot upgrade from.</summary>
    public sealed class IncompatibleSchemaException(string message) : Exception(message);

    public static async Task MigrateAsync(StaylineDbContext db, CancellationToken ct = default)
    {
        // Before the first release the single Initial migration is regenerated when the model changes (ADR 0001):
        // a database made by an earlier development build carries an Initial this build does not know, and EF
        // would try to create every table again. Say so instead of failing on "table already exists".
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var foreign = (await db.Database.GetAppliedMigrationsAsync(ct)).Where(m => !known.Contains(m)).ToList();
        if (foreign.Count > 0)
        {
            throw new IncompatibleSchemaException(
                $"This database was made by a different development build of Stayline (schema {string.Join(", ", foreign)}; "
                + $"this build has {string.Join(", ", known)}), and it cannot be upgraded in place. "
                + "Use a new database file (or an empty PostgreSQL database), or the build that made it.");
        }

        await db.Database.MigrateAsync(ct);
        if (db.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}

public static class StaylineDatabaseRegistration
{
    /// <summary>Registers the DbContext for the configured provider (setting, then STAYLINE_DB, then the default file).</summary>
    public static IHostApplicationBuilder AddStaylineDatabase(this IHostApplicationBuilder builder)
    {
        var database = StaylineDatabase.From(builder.Configuration[StaylineDatabase.ConfigurationKey]
            ?? Environment.GetEnvironmentVariable(StaylineDatabase.EnvironmentVariable));
        builder.Services.AddSingleton(database);
        builder.Services.AddDbContext<StaylineDbContext>(database.Configure);
        return builder;
    }
}
