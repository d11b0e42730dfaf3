using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Cli;
using Stayline.Data;
using Stayline.Infrastructure;
using Stayline.Tables;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Cli;

/// <summary>What the command line writes is as safe as what the web writes: formula cells neutralised by the one CSV
/// writer, files and folders readable by their owner only.</summary>
public sealed class CliOutputSafetyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("stayline-cli-safety-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await StaylineCli.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1")]
    [InlineData("-2")]
    [InlineData("@SUM(A1)")]
    public async Task CsvOutputs_FormulaCell_AreNeutralisedExactlyAsTheWebExportDoes(string cell)
    {
        var names = Path.Combine(_dir, "names.csv");
        await File.WriteAllTextAsync(names, "name1,name2\n" + Quoted(cell) + ",Yousif Kassab\n");
        var people = Path.Combine(_dir, "people.csv");
        await File.WriteAllTextAsync(people, "id,given_name,family_name,dob,a_number,country\n"
            + Quoted(cell) + ",Yousif,Kassab,1975-03-24,A012-345-678,Iraq\n"
            + "2,YOUSEF,KASSAB,1975-03-24,12345678,IRAQ\n");
        var namesOut = Path.Combine(_dir, "names-out.csv");
        var pairs = Path.Combine(_dir, "pairs.csv");

        var compare = await Run("names", "compare", "--csv", names, "--out", namesOut);
        var match = await Run("match", people, "--out", pairs);

        var web = TableWriter.CsvField(cell);
        Assert.StartsWith("'", TableWriter.Neutralise(cell), StringComparison.Ordinal);
        Assert.True(compare.Exit == 0, compare.Err);
        Assert.StartsWith(web + ",", (await File.ReadAllLinesAsync(namesOut))[1], StringComparison.Ordinal);
        Assert.True(match.Exit == 0, match.Err);
        Assert.Contains(web + ",", await File.ReadAllTextAsync(pairs), StringComparison.Ordinal);
    }

    private static string Quoted(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [Fact]
    public async Task FilesStaylineCreates_DatabaseJournalDataFolderBackupAndOutputs_AreOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var data = Path.Combine(_dir, "stayline-data");
        var db = Path.Combine(data, "stayline.db");
        Assert.Equal(0, (await Run("db", "migrate", "--db", db)).Exit);
        var backup = Path.Combine(_dir, "backups", "copy.db");
        Assert.Equal(0, (await Run("backup", backup, "--db", db)).Exit);
        var report = Path.Combine(_dir, "people.csv");
        Assert.Equal(0, (await Run("report", "people", "--out", report, "--db", db)).Exit);
        // The -wal and -shm files exist while a connection is open.
        await using var open = new SqliteConnection($"Data Source={db};Pooling=False");
        await open.OpenAsync();
        await using (var write = open.CreateCommand())
        {
            write.CommandText = "CREATE TABLE t (x); DROP TABLE t;";
            await write.ExecuteNonQueryAsync();
        }

        // Uploads, drafts and the reminder outbox are made with the plain calls below, under the same umask.
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "outbox")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "message.eml"), "x");

        foreach (var dir in new[] { data, Path.GetDirectoryName(backup)!, folder })
        {
            Assert.Equal((dir, OwnerOnlyFiles.FolderMode), (dir, File.GetUnixFileMode(dir)));
        }

        foreach (var file in new[] { db, db + "-wal", db + "-shm", backup, report, Path.Combine(folder, "message.eml") })
        {
            Assert.Equal((file, OwnerOnlyFiles.FileMode), (file, File.GetUnixFileMode(file)));
        }
    }

    [Fact]
    public void PrivateFolder_OursButOpenToOthers_IsTightenedAndNewOneIsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var open = Path.Combine(_dir, "open");
        Directory.CreateDirectory(open);
        File.SetUnixFileMode(open, (UnixFileMode)0b111_111_111);

        OwnerOnlyFiles.PrivateFolder(open);
        var fresh = OwnerOnlyFiles.PrivateFolder(Path.Combine(_dir, "fresh", "uploads"));

        Assert.Equal(OwnerOnlyFiles.FolderMode, File.GetUnixFileMode(open));
        Assert.Equal(OwnerOnlyFiles.FolderMode, File.GetUnixFileMode(fresh));
    }

    [Fact]
    public async Task UploadFolder_Default_IsBesideTheDefaultDatabaseNotInTheSharedTempFolder()
    {
        await using var app = await TestApp.StartAsync();
        var jobs = app.Services.GetRequiredService<Stayline.Features.Import.ImportJobs>();

        Assert.Equal(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(StaylineDatabase.DefaultSqlitePath))!, "uploads"), jobs.UploadFolder);
    }

    [Fact]
    public async Task OpenDatabase_MadeWorldReadableBefore_IsTightened()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var db = Path.Combine(_dir, "old.db");
        Assert.Equal(0, (await Run("db", "migrate", "--db", db)).Exit);
        File.SetUnixFileMode(db, OwnerOnlyFiles.FileMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        Assert.Equal(0, (await Run("db", "migrate", "--db", db)).Exit);

        Assert.Equal(OwnerOnlyFiles.FileMode, File.GetUnixFileMode(db));
    }
}
