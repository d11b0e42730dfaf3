using System.CommandLine;
using System.Globalization;
using Stayline.Cli;
using Stayline.Data;
using Stayline.Infrastructure;

namespace Stayline.Features.Protection;

/// <summary>`stayline recompute [--as-of DATE]`: protection and deadlines of everyone, in one transaction.</summary>
internal static class RecomputeCommand
{
    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of") { Description = "Evaluate as of this day (yyyy-MM-dd; default today)" };
        var command = new Command("recompute", "Recompute protection from removal and deadlines for all people") { asOf };
        command.SetAction(async (parse, ct) =>
        {
            // Bad arguments are refused before the database is touched.
            DateOnly? given = null;
            if (parse.GetValue(asOf) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync($"--as-of: \"{text}\" is not a date in the form yyyy-MM-dd.");
                    return 1;
                }

                given = parsed;
            }

            return await CliHost.RunAsync(parse, (services, output, error, ct2) => RunAsync(services, output, given, ct2), ct: ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, TextWriter output, DateOnly? given, CancellationToken ct2)
    {
        var day = given ?? services.GetRequiredService<TimeProvider>().Today();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var stats = await services.GetRequiredService<ProtectionRecompute>().RecomputeAllAsync(db, day, ct2);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Recomputed {stats.People:N0} people and {stats.Deadlines:N0} deadlines as of {day:yyyy-MM-dd} in {watch.Elapsed.TotalSeconds:N1} s; "
            + $"{stats.PeopleChanged:N0} people changed ({stats.ProtectionRowsWritten:N0} protection rows and {stats.DeadlineRowsWritten:N0} deadline rows written)."));
        return 0;
    }
}
