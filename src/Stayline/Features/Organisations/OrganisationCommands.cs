using System.CommandLine;
using System.Globalization;
using Stayline.Cli;
using Stayline.Data;

namespace Stayline.Features.Organisations;

/// <summary>`org add|list`. The command line acts for the whole install: it sees every organisation's people.</summary>
internal static class OrganisationCommands
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "The organisation's name (unique)", Required = true };
        var coordinating = new Option<bool>("--coordinating")
        {
            Description = "Make it the coordinating organisation (its admins see every organisation's people; the previous one becomes a partner)",
        };
        var add = new Command("add", "Add an organisation (a partner clinic or firm, or with --coordinating the coordinating organisation)") { name, coordinating };
        add.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, output, error, ct2) =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var (organisation, problem) = await OrganisationService.AddAsync(db, parse.GetValue(name), parse.GetValue(coordinating),
                services.GetRequiredService<TimeProvider>().GetUtcNow(), ct2);
            if (organisation is null)
            {
                await error.WriteLineAsync(problem?.ToString());
                return 1;
            }

            await output.WriteLineAsync(organisation.IsCoordinating
                ? $"Added {organisation.Name} (id {organisation.Id}), now the coordinating organisation."
                : string.Create(CultureInfo.InvariantCulture, $"Added {organisation.Name} (id {organisation.Id})."));
            return 0;
        }, ct: ct));

        var list = new Command("list", "List organisations: id, name, coordinating, users, people");
        list.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, output, _, ct2) =>
        {
            await using var scope = services.CreateAsyncScope();
            var rows = await OrganisationService.ListAsync(scope.ServiceProvider.GetRequiredService<StaylineDbContext>(), ct2);
            await output.WriteLineAsync("id\tname\tcoordinating\tusers\tpeople");
            foreach (var r in rows)
            {
                await output.WriteLineAsync(string.Join('\t', r.Id.ToString(CultureInfo.InvariantCulture), r.Name, r.IsCoordinating ? "yes" : "no",
                    r.Users.Count.ToString(CultureInfo.InvariantCulture), r.People.ToString(CultureInfo.InvariantCulture)));
            }

            return 0;
        }, ct: ct));
        return new Command("org", "Manage organisations (the coordinating organisation and its partners)") { add, list };
    }
}
