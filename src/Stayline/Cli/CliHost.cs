using System.CommandLine;
using Stayline.Data;
using Stayline.Infrastructure;

namespace Stayline.Cli;

/// <summary>Runs a command that needs the database: the same composition root as the web server, without serving.</summary>
public static class CliHost
{
    /// <summary>--db: a SQLite path or a PostgreSQL connection string ("Host=...;Database=...;Username=..."). Default: STAYLINE_DB, then ./stayline-data/stayline.db.</summary>
    public static readonly Option<string?> Database = new("--db")
    {
        Description = "SQLite file or PostgreSQL connection string (default: $STAYLINE_DB, else ./stayline-data/stayline.db)",
        Recursive = true,
    };

    public static async Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, TextWriter, TextWriter, CancellationToken, Task<int>> action,
        bool migrate = false, CancellationToken ct = default)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var builder = StaylineApp.CreateBuilder(parse.GetValue(Database));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IAuditActorSource>(new FixedAuditActor(new AuditActor(null, "cli:" + Environment.UserName)));
        await using var app = builder.Build();
        try
        {
            await DatabaseSetup.EnsureReadyAsync(app.Services, migrate, ct);
            return await action(app.Services, output, error, ct);
        }
        catch (DatabaseSetup.NotMigratedException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or Microsoft.Data.Sqlite.SqliteException)
        {
            var db = app.Services.GetRequiredService<StaylineDatabase>();
            await error.WriteLineAsync($"Could not use the database ({db.Describe()}): {ex.Message}");
            return 1;
        }
    }
}
