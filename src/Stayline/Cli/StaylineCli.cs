using System.CommandLine;

namespace Stayline.Cli;

/// <summary>The command-line tool: every command is listed here explicitly.</summary>
public static class StaylineCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Stayline: case management for mass immigration detention.");
        // One line per command; each feature owns its commands in Features/<Feature>/ (only serve, the host itself, lives here).
        root.Options.Add(CliHost.Database);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(Features.Database.DatabaseCommands.Db());
        root.Subcommands.Add(Features.Database.DatabaseCommands.Backup());
        root.Subcommands.Add(Features.Account.UserCommands.User());
        root.Subcommands.Add(Features.Account.UserCommands.Token());
        root.Subcommands.Add(Features.Organisations.OrganisationCommands.Create());
        root.Subcommands.Add(Features.Demo.DemoCommand.Create());
        root.Subcommands.Add(Features.Deadlines.DeadlineCommand.Create());
        root.Subcommands.Add(Features.Deadlines.CalendarCommand.Create());
        root.Subcommands.Add(Features.Matching.MatchCommand.Create());
        root.Subcommands.Add(Features.Matching.NamesCommand.Create());
        root.Subcommands.Add(Features.Documents.DocsCommand.Create());
        root.Subcommands.Add(Features.Reports.ReportCommand.Create());
        root.Subcommands.Add(Features.Protection.RecomputeCommand.Create());
        root.Subcommands.Add(Features.Deadlines.RemindersCommand.Create());
        root.Subcommands.Add(Features.Import.ImportCommand.Create());
        return root;
    }

    public static Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        Infrastructure.OwnerOnlyFiles.Apply();
        var config = new InvocationConfiguration();
        if (output is not null)
        {
            config.Output = output;
        }

        if (error is not null)
        {
            config.Error = error;
        }

        return Build().Parse(args).InvokeAsync(config);
    }
}
