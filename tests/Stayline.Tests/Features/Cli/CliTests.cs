using Microsoft.Data.Sqlite;
using Stayline.Cli;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Cli;

public class CliTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await StaylineCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DbMigrate_DemoAndUserAdd_OnEachDatabase(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var migrate = await RunAsync("db", "migrate", "--db", db.ConnectionString);
        Assert.Equal(0, migrate.Code);
        Assert.Contains("current schema", migrate.Out);

        var demo = await RunAsync("demo", "--people", "40", "--db", db.ConnectionString);
        Assert.Equal(0, demo.Code);
        Assert.Contains("created 40 people", demo.Out);
        Assert.Contains("admin@demo.stayline.test", demo.Out);

        var again = await RunAsync("demo", "--db", db.ConnectionString);
        Assert.Equal(1, again.Code);
        Assert.Contains("already has data", again.Out);

        var user = await RunAsync("user", "add", "--email", "lawyer@example.org", "--role", "attorney", "--db", db.ConnectionString);
        Assert.Equal(0, user.Code);
        Assert.Matches("Password \\(shown only now\\): [a-z0-9-]{23}", user.Out);
        var dup = await RunAsync("user", "add", "--email", "lawyer@example.org", "--role", "attorney", "--db", db.ConnectionString);
        Assert.Equal(1, dup.Code);
        Assert.Contains("already exists", dup.Err);

        var token = await RunAsync("token", "create", "--email", "lawyer@example.org", "--db", db.ConnectionString);
        Assert.Equal(0, token.Code);
        Assert.StartsWith("stl_", token.Out.Trim());
    }

    /// <summary>Issue 16 item 1 from the command line: <c>org add --name</c>, <c>user add --org</c> and <c>org list</c>; an unknown
    /// organisation is refused with the command that adds it.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OrgAdd_UserAddWithOrg_AndOrgList(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.Equal(0, (await RunAsync("db", "migrate", "--db", db.ConnectionString)).Code);

        var added = await RunAsync("org", "add", "--name", "Partner Clinic", "--db", db.ConnectionString);
        Assert.Equal(0, added.Code);
        Assert.Contains("Added Partner Clinic (id ", added.Out, StringComparison.Ordinal);
        var again = await RunAsync("org", "add", "--name", "partner clinic", "--db", db.ConnectionString);
        Assert.Equal(1, again.Code);
        Assert.Contains("already exists", again.Out + again.Err, StringComparison.Ordinal);

        var user = await RunAsync("user", "add", "--email", "volunteer@example.org", "--role", "attorney", "--org", "Partner Clinic", "--db", db.ConnectionString);
        Assert.Equal(0, user.Code);
        var unknown = await RunAsync("user", "add", "--email", "other@example.org", "--role", "attorney", "--org", "Nobody Firm", "--db", db.ConnectionString);
        Assert.Equal(1, unknown.Code);
        Assert.Contains("./stayline org add --name \"Nobody Firm\"", unknown.Err, StringComparison.Ordinal);

        var list = await RunAsync("org", "list", "--db", db.ConnectionString);
        Assert.Equal(0, list.Code);
        var row = list.Out.Split('\n').Single(l => l.Contains("\tPartner Clinic\t", StringComparison.Ordinal)).Trim().Split('\t');
        Assert.Equal(["Partner Clinic", "no", "1", "0"], row[1..]);
    }

    [Theory]
    [InlineData(new[] { "user", "add", "--email", "x@example.org", "--role", "superuser" }, "Unknown role \"superuser\"")]
    [InlineData(new[] { "token", "create", "--email", "nobody@example.org" }, "No user with email nobody@example.org")]
    [InlineData(new[] { "demo", "--people", "0" }, "--people must be between 1 and 200000")]
    public async Task BadArguments_ExitOneWithAClearMessage(string[] args, string message)
    {
        await using var db = await TestDatabase.CreateAsync();
        var result = await RunAsync([.. args, "--db", db.ConnectionString]);
        Assert.Equal(1, result.Code);
        Assert.Contains(message, result.Err);
    }

    [Fact]
    public async Task Backup_CopiesALiveDatabaseAndRefusesToOverwrite()
    {
        await using var app = await TestApp.StartAsync();
        var target = Path.Combine(Path.GetTempPath(), "stayline-tests", Guid.NewGuid().ToString("N"), "copy.db");
        try
        {
            var backup = await RunAsync("backup", target, "--db", app.Database.ConnectionString);
            Assert.Equal(0, backup.Code);
            await using (var conn = new SqliteConnection($"Data Source={target};Pooling=False"))
            {
                await conn.OpenAsync();
                await using var cmd = new SqliteCommand("SELECT count(*) FROM AspNetUsers", conn);
                Assert.True((long)(await cmd.ExecuteScalarAsync())! >= 4);
            }

            var again = await RunAsync("backup", target, "--db", app.Database.ConnectionString);
            Assert.Equal(1, again.Code);
            Assert.Contains("already exists", again.Err);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(target)!, recursive: true);
        }
    }

    [Fact]
    public async Task Migrate_DatabaseOfAnotherDevelopmentBuild_ExplainsInsteadOfTableExists()
    {
        var path = Path.Combine(Path.GetTempPath(), "stayline-tests", Guid.NewGuid().ToString("N"), "old.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" TEXT PRIMARY KEY, \"ProductVersion\" TEXT NOT NULL);"
                + "INSERT INTO \"__EFMigrationsHistory\" VALUES ('20200101000000_Initial', '10.0.15'); CREATE TABLE \"AspNetRoles\" (\"Id\" TEXT);";
            await create.ExecuteNonQueryAsync();
        }

        var result = await RunAsync("db", "migrate", "--db", path);

        Assert.Equal(1, result.Code);
        Assert.Contains("made by a different development build of Stayline (schema 20200101000000_Initial", result.Err);
        Assert.DoesNotContain("already exists", result.Err);
    }

    [Fact]
    public async Task Postgres_WithUnreachableServer_SaysWhichDatabaseFailed()
    {
        var result = await RunAsync("db", "migrate", "--db", "Host=127.0.0.1;Port=1;Database=nothing;Username=nobody;Timeout=2");
        Assert.Equal(1, result.Code);
        Assert.Contains("Could not use the database (PostgreSQL", result.Err);
    }
}
