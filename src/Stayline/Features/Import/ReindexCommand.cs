using System.CommandLine;
using System.Globalization;
using Stayline.Cli;
using Stayline.Data;

namespace Stayline.Features.Import;

/// <summary>`db reindex`: recompute the name-token search index, e.g. after an upgrade changed the name keys.</summary>
internal static class ReindexCommand
{
    public static Command Create()
    {
        var command = new Command("reindex", "Recompute every person's search tokens (name keys) in one transaction; run after an upgrade that changes name keys");
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, output, _, token) =>
        {
            var (people, tokens) = await PeopleBulkWriter.ReindexAsync(services.GetRequiredService<StaylineDbContext>(), token);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Reindexed {people:N0} people: {tokens:N0} search tokens."));
            return 0;
        }, migrate: true, ct));
        return command;
    }
}
