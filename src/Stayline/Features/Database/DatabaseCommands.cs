using System.CommandLine;
using Microsoft.Data.Sqlite;
using Stayline.Cli;
using Stayline.Data;

namespace Stayline.Features.Database;

/// <summary>`db migrate` and `backup FILE`.</summary>
internal static class DatabaseCommands
{
    public static Command Db()
    {
        var migrate = new Command("migrate", "Bring the database to the current schema (needed once for PostgreSQL, automatic for SQLite)");
        migrate.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, output, _, _) =>
        {
            await output.WriteLineAsync($"Database is at the current schema: {services.GetRequiredService<StaylineDatabase>().Describe()}");
            return 0;
        }, migrate: true, ct));
        return new Command("db", "Database administration") { migrate, Features.Import.ReindexCommand.Create() };
    }

    public static Command Backup()
    {
        var file = new Argument<FileInfo>("file") { Description = "Where to write the copy (a new SQLite file)" };
        var command = new Command("backup", "Write a consistent copy of the live SQLite database (safe while the server runs)") { file };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, output, error, _) =>
        {
            var db = services.GetRequiredService<StaylineDatabase>();
            var target = parse.GetValue(file)!;
            if (db.SqlitePath is not { } source)
            {
                await error.WriteLineAsync("backup copies a SQLite database; for PostgreSQL use pg_dump (see README, Backups).");
                return 1;
            }

            if (target.Exists)
            {
                await error.WriteLineAsync($"{target.FullName} already exists; choose a new file name so no backup is overwritten.");
                return 1;
            }

            if (Path.GetFullPath(target.FullName) == source)
            {
                await error.WriteLineAsync("The backup file cannot be the database itself.");
                return 1;
            }

            target.Directory?.Create();
            // SQLite's online backup API copies a consistent snapshot even while others write.
            await using (var from = new SqliteConnection(db.ConnectionString))
            await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target.FullName, Pooling = false }.ToString()))
            {
                await from.OpenAsync();
                await to.OpenAsync();
                from.BackupDatabase(to);
            }

            SqliteConnection.ClearAllPools();
            await output.WriteLineAsync($"Backed up {source} to {target.FullName} ({new FileInfo(target.FullName).Length:N0} bytes).");
            return 0;
        }, ct: ct));
        return command;
    }
}
