using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Stayline.Cli;
using Stayline.Data;
using Stayline.Domain.Importing;

namespace Stayline.Features.Import;

/// <summary>`import people FILE`, `import list`, `import undo ID`.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A .csv (any of , ; tab |; UTF-8 or Windows-1252) or .xlsx list of people" };
        var source = new Option<string?>("--source") { Description = "Where the list comes from (e.g. \"ICE list\"); its column mapping is remembered" };
        var mapping = new Option<string?>("--mapping") { Description = "A JSON ({\"Header\": \"field\"}) or CSV (header,field) file mapping columns to fields" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check and preview; write nothing" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var maxMib = new Option<long>("--max-mib") { Description = "Refuse files larger than this many MiB", DefaultValueFactory = _ => ImportFiles.DefaultMaxBytes >> 20 };
        var org = new Option<string?>("--org") { Description = "The organisation new people become clients of (default: the coordinating organisation)" };
        var timings = new Option<bool>("--timings") { Description = "Print how long each phase took (to standard error)" };
        var people = new Command("people", "Import a list of people: create, update the linked person, or queue for review; all or nothing")
        {
            file, source, mapping, dryRun, json, maxMib, org, timings,
        };
        people.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, output, error, ct2) =>
        {
            var path = parse.GetValue(file)!;
            IReadOnlyDictionary<string, ImportField>? map = null;
            if (parse.GetValue(mapping) is { } mappingPath)
            {
                var (parsed, problem) = MappingFile.Read(mappingPath);
                if (problem is not null)
                {
                    await error.WriteLineAsync(problem);
                    return 1;
                }

                map = parsed;
            }

            await using var scope = services.CreateAsyncScope();
            var (organisation, orgError) = await Organisations.OrganisationService.ResolveAsync(
                scope.ServiceProvider.GetRequiredService<StaylineDbContext>(), parse.GetValue(org), ct2);
            if (orgError is not null)
            {
                await error.WriteLineAsync(orgError);
                return 1;
            }

            var service = scope.ServiceProvider.GetRequiredService<ImportService>();
            var options = new ImportOptions
            {
                OrganisationId = organisation,
                Source = parse.GetValue(source) ?? "import",
                FileName = Path.GetFileName(path),
                Mapping = map,
                DryRun = parse.GetValue(dryRun),
                MaxBytes = parse.GetValue(maxMib) << 20,
                Timings = parse.GetValue(timings) ? new PhaseClock() : null,
            };
            var asJson = parse.GetValue(json);
            ImportReport report;
            try
            {
                report = ShowProgress(asJson, output)
                    ? await RunWithProgressAsync(service, path, options, ct2)
                    : await service.RunAsync(path, options, null, ct2);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not Npgsql.NpgsqlException and not Microsoft.Data.Sqlite.SqliteException)
            {
                // The details for whoever reports it, then a last line that says what happened.
                await error.WriteLineAsync("details: " + ex);
                await error.WriteLineAsync(ex is OutOfMemoryException
                    ? $"{options.FileName}: the import failed and nothing was written: out of memory reading the file. Split the list into smaller files."
                    : $"{options.FileName}: the import failed and nothing was written (an internal error; the details are above).");
                return 1;
            }
            foreach (var line in options.Timings?.Lines() ?? [])
            {
                await error.WriteLineAsync(line);
            }

            if (asJson)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(report, ImportService.Json));
            }
            else
            {
                await WriteReportAsync(report, output, error);
            }

            return report.Errors.Count > 0 ? 1 : 0;
        }, ct: ct));

        var list = new Command("list", "List imports, newest first");
        list.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, output, _, ct2) =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            foreach (var b in await db.ImportBatches.AsNoTracking().OrderByDescending(b => b.Id).Take(100).ToListAsync(ct2))
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{b.Id}\t{b.At:yyyy-MM-dd HH:mm}\t{b.Source}\t{b.FileName}\t{b.Rows} rows: {b.Created} new, {b.Updated} updated, {b.Unchanged} unchanged, {b.Review} review\t{b.UserName}{(b.UndoneAt is null ? "" : "\tundone")}"));
            }

            return 0;
        }, ct: ct));

        var id = new Argument<long>("id") { Description = "The import's number (see `import list`)" };
        var undo = new Command("undo", "Undo an import in one transaction (refused if later work depends on it)") { id };
        undo.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, output, error, ct2) =>
        {
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ImportUndo>().UndoAsync(parse.GetValue(id), ct2);
            await (result.Done ? output : error).WriteLineAsync(result.Message);
            return result.Done ? 0 : 1;
        }, ct: ct));
        return new Command("import", "Import lists of people from CSV or Excel") { people, list, undo };
    }

    // A progress bar only for a person watching a terminal: not into a file, a pipe, a test's writer or JSON.
    private static bool ShowProgress(bool json, TextWriter output) =>
        !json && !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out) && AnsiConsole.Profile.Capabilities.Interactive;

    private static async Task<ImportReport> RunWithProgressAsync(ImportService service, string path, ImportOptions options, CancellationToken ct)
    {
        ImportReport? report = null;
        await AnsiConsole.Progress().AutoClear(true).StartAsync(async ctx =>
        {
            var tasks = new Dictionary<ImportPhase, ProgressTask>
            {
                [ImportPhase.Reading] = ctx.AddTask("Reading", maxValue: 1),
                [ImportPhase.Linking] = ctx.AddTask("Linking", maxValue: 1),
                [ImportPhase.Writing] = ctx.AddTask("Writing", maxValue: 1),
            };
            var progress = new Progress<ImportProgress>(p =>
            {
                foreach (var (phase, task) in tasks)
                {
                    task.Value = phase < p.Phase ? 1 : phase == p.Phase ? p.Fraction : 0;
                }
            });
            report = await service.RunAsync(path, options, progress, ct);
            foreach (var task in tasks.Values)
            {
                task.Value = 1;
            }
        });
        return report!;
    }

    private static async Task WriteReportAsync(ImportReport report, TextWriter output, TextWriter error)
    {
        if (report.Format is not null)
        {
            await output.WriteLineAsync($"{report.FileName}: {report.Format}");
        }

        for (var i = 0; i < report.Fields.Count; i++)
        {
            await output.WriteLineAsync($"  column \"{report.Header[i]}\" -> {Shared.Labels.Of(report.Fields[i])}");
        }

        foreach (var w in report.Warnings)
        {
            await output.WriteLineAsync("warning: " + w);
        }

        foreach (var p in report.Preview.Take(20))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  row {p.Row}: {p.Action} {p.Name} {p.ANumber} {p.BirthDate}{(p.PersonId is { } id ? $" -> person {id} ({p.PersonName}, score {p.Score:0.00})" : "")}"));
        }

        foreach (var e in report.Errors)
        {
            await error.WriteLineAsync(e.ToString());
        }

        foreach (var w in report.RowWarnings)
        {
            await output.WriteLineAsync("check " + w);
        }

        await (report.Errors.Count > 0 ? error : output).WriteLineAsync(report.Summary);
    }
}

/// <summary>A saved column mapping: JSON {"Header": "field"} or CSV lines "header,field".</summary>
internal static class MappingFile
{
    public static (Dictionary<string, ImportField>? Mapping, string? Error) Read(string path)
    {
        if (!File.Exists(path))
        {
            return (null, $"Mapping file {path} not found.");
        }

        var text = File.ReadAllText(path).Trim();
        var pairs = new List<(string Header, string Field)>();
        if (text.StartsWith('{'))
        {
            try
            {
                pairs.AddRange(JsonSerializer.Deserialize<Dictionary<string, string>>(text)!.Select(kv => (kv.Key, kv.Value)));
            }
            catch (JsonException ex)
            {
                return (null, $"Mapping file {path} is not valid JSON: {ex.Message}");
            }
        }
        else
        {
            using var reader = new Tables.CsvReader(new StringReader(text));
            var first = reader.ReadHeader(out var problem);
            if (first is not null && ColumnMapping.NormaliseHeader(first[0]) != "header")
            {
                pairs.Add((first[0], first.Count > 1 ? first[1] : ""));
            }

            while (problem is null && reader.Read(out var fields, out problem))
            {
                if (problem is null && fields.Length >= 2)
                {
                    pairs.Add((fields[0], fields[1]));
                }
            }

            if (problem is not null)
            {
                return (null, string.Create(CultureInfo.InvariantCulture, $"Mapping file {path} row {reader.Row}: {problem}"));
            }
        }

        var map = new Dictionary<string, ImportField>(StringComparer.Ordinal);
        foreach (var (header, field) in pairs)
        {
            if (!ColumnMapping.TryParseField(field, out var f))
            {
                return (null, $"Mapping file {path}: \"{field}\" (for column \"{header}\") is not a field; use one of {string.Join(", ", Enum.GetNames<ImportField>())}.");
            }

            map[header] = f;
        }

        return (map, null);
    }
}
