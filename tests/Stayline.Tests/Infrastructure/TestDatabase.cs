using Npgsql;
using Stayline.Data;

namespace Stayline.Tests.Infrastructure;

/// <summary>
/// A throw-away database: a SQLite file in a temp folder, or a fresh database on the PostgreSQL server named by
/// STAYLINE_TEST_POSTGRES (CI starts one). Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "STAYLINE_TEST_POSTGRES";

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    private readonly string? _folder;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? folder, string? admin, string? name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _folder = folder;
        _postgresAdmin = admin;
        _postgresName = name;
    }

    /// <summary>The providers data tests run on: SQLite always, PostgreSQL when the server is configured.</summary>
    public static IEnumerable<object[]> Providers()
    {
        yield return ["sqlite"];
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresVariable)))
        {
            yield return ["postgres"];
        }
    }

    public static async Task<TestDatabase> CreateAsync(string provider = "sqlite")
    {
        if (provider == "sqlite")
        {
            var folder = Path.Combine(Path.GetTempPath(), "stayline-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "test.db")}", folder, null, null);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException($"Set {PostgresVariable} to run PostgreSQL tests.");
        var name = "stayline_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        return new TestDatabase(DatabaseProvider.Postgres, cs, null, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_postgresAdmin);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
