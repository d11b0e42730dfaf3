using System.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Features.Demo;
using Stayline.Infrastructure;

namespace Stayline.Cli;

internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Address(es) to listen on, separated by ';' (default {DefaultUrl}: this machine only)",
            DefaultValueFactory = _ => DefaultUrl,
        };
        var demo = new Option<bool>("--demo") { Description = "On an empty database, first fill it with the synthetic demo crisis" };
        var command = new Command("serve", "Run the web application") { urls, demo };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var builder = StaylineApp.CreateBuilder(parse.GetValue(CliHost.Database));
            builder.WebHost.UseUrls(parse.GetValue(urls)!);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            var app = StaylineApp.Build(builder);
            var database = app.Services.GetRequiredService<StaylineDatabase>();
            try
            {
                await DatabaseSetup.EnsureReadyAsync(app.Services, migrate: false, ct);
            }
            catch (DatabaseSetup.NotMigratedException ex)
            {
                await error.WriteLineAsync(ex.Message);
                return 1;
            }

            await output.WriteLineAsync($"Database: {database.Describe()}");
            if (parse.GetValue(demo))
            {
                await DemoCommand.FillIfEmptyAsync(app.Services, DemoCommand.DefaultPeople, output, ct);
            }
            else
            {
                await using var scope = app.Services.CreateAsyncScope();
                if (!await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().Users.AnyAsync(ct))
                {
                    await output.WriteLineAsync("No users yet. Create the first admin with: ./stayline user add --email you@example.org --role admin");
                }
            }

            await app.StartAsync(ct);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                await output.WriteLineAsync($"Stayline is listening on {address}");
            }

            await output.WriteLineAsync("Press Ctrl+C to stop.");
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
