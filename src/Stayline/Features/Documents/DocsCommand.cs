using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayline.Cli;
using Stayline.Data;
using Stayline.Domain.Documents;
using Stayline.Domain.People;

namespace Stayline.Features.Documents;

/// <summary>
/// `docs templates | fields | generate | upload | download`: drafting from templates on the command line.
/// </summary>
internal static class DocsCommand
{
    public static Command Create()
    {
        var docs = new Command("docs", "Document templates and bulk drafting");
        docs.Subcommands.Add(Templates());
        docs.Subcommands.Add(Fields());
        docs.Subcommands.Add(Generate());
        docs.Subcommands.Add(Upload());
        docs.Subcommands.Add(Download());
        return docs;
    }

    private static Command Templates()
    {
        var command = new Command("templates", "List template ids (newest version of each)");
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, output, _, ct2) =>
        {
            await using var scope = services.CreateAsyncScope();
            var templates = await scope.ServiceProvider.GetRequiredService<DocumentService>().TemplatesAsync(ct2);
            foreach (var t in templates)
            {
                await output.WriteLineAsync($"{t.Key,-26} v{t.Version,-3} {t.Name}");
            }

            return 0;
        }, ct: ct));
        return command;
    }

    private static Command Fields()
    {
        var command = new Command("fields", "List the merge fields a template can use");
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            foreach (var (field, meaning) in PersonMergeFields.Catalogue)
            {
                output.WriteLine($"{{{{{field}}}}}  {meaning}");
            }

            output.WriteLine("Blocks: {{#each LIST}}...{{/each}}, {{#if FIELD}}...{{else}}...{{/if}}, {{#unless FIELD}}...{{/unless}}. A missing value prints [MISSING: what].");
            return 0;
        });
        return command;
    }

    private static Command Generate()
    {
        var template = new Option<string>("--template") { Description = "Template id (see `docs templates`)", Required = true };
        var aNumbers = new Option<FileInfo?>("--a-numbers") { Description = "File with one A-number per line (default: everyone)" };
        var outPath = new Option<string>("--out") { Description = "Output directory, or a .zip file", Required = true };
        var pdf = new Option<bool>("--pdf") { Description = "Also convert to PDF with LibreOffice (when installed)" };
        var noStore = new Option<bool>("--no-store") { Description = "Do not keep the drafts on the people's files" };
        var command = new Command("generate", "Generate one DOCX per person; a zip or a directory; lists what each draft lacks")
            { template, aNumbers, outPath, pdf, noStore };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, output, error, ct2) =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var service = scope.ServiceProvider.GetRequiredService<DocumentService>();
            var t = await service.TemplateAsync(parse.GetValue(template)!, ct2);
            if (t is null)
            {
                await error.WriteLineAsync($"No template \"{parse.GetValue(template)}\". Known: {string.Join(", ", (await service.TemplatesAsync(ct2)).Select(x => x.Key))}.");
                return 1;
            }

            List<long>? ids = null;
            if (parse.GetValue(aNumbers) is { } file)
            {
                var (found, problems) = await ReadSelectionAsync(db, file, ct2);
                if (problems.Count > 0)
                {
                    foreach (var p in problems)
                    {
                        await error.WriteLineAsync(p);
                    }

                    return 1;
                }

                ids = found;
            }

            if (ids is { Count: 0 } || (ids is null && !await db.People.AnyAsync(ct2)))
            {
                await error.WriteLineAsync("No one matched: nothing was drafted.");
                return 1;
            }

            var items = await service.GenerateAsync(t, ids, store: !parse.GetValue(noStore), ct2);
            var target = parse.GetValue(outPath)!;
            var written = await DraftArchive.WriteAsync(items, target, ct2);
            var lacking = items.Where(i => i.Draft.Missing.Count > 0).ToList();
            foreach (var i in lacking)
            {
                await output.WriteLineAsync($"{i.ANumber ?? "(no A-number)"} {i.FullName}: missing {string.Join("; ", i.Draft.Missing)}");
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Generated {items.Count:N0} drafts from {t.Key} v{t.Version} into {target}; {items.Count - lacking.Count:N0} complete, {lacking.Count:N0} lack something (listed above and in missing.csv)."));
            if (parse.GetValue(pdf))
            {
                if (target.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                {
                    await error.WriteLineAsync("PDF conversion writes into a directory: give --out DIR with --pdf.");
                }
                else if (await PdfConverter.ConvertAsync(written, target, ct2) is { } problem)
                {
                    await error.WriteLineAsync(problem);
                }
                else
                {
                    await output.WriteLineAsync($"PDFs written to {target}.");
                }
            }

            return 0;
        }, ct: ct));
        return command;
    }

    /// <summary>Reads one A-number per line; every bad or unknown line is reported (with its number) before anything is generated.</summary>
    internal static async Task<(List<long> Ids, List<string> Problems)> ReadSelectionAsync(StaylineDbContext db, FileInfo file, CancellationToken ct)
    {
        var problems = new List<string>();
        if (!file.Exists)
        {
            return ([], [$"{file.FullName}: no such file."]);
        }

        var wanted = new List<(int Line, string Raw, string Digits)>();
        var lineNo = 0;
        foreach (var line in await File.ReadAllLinesAsync(file.FullName, ct))
        {
            lineNo++;
            var raw = line.Trim();
            if (raw.Length == 0 || raw.StartsWith('#'))
            {
                continue;
            }

            if (ANumber.TryParse(raw, out var a, out var why))
            {
                wanted.Add((lineNo, raw, a.Value.Digits));
            }
            else
            {
                problems.Add($"{file.Name} line {lineNo}: \"{raw}\" is not an A-number ({why}).");
            }
        }

        var digits = wanted.Select(w => w.Digits).Distinct().ToList();
        var known = await db.People.AsNoTracking().Where(p => p.ANumber != null && digits.Contains(p.ANumber))
            .Select(p => new { p.Id, p.ANumber }).ToDictionaryAsync(p => p.ANumber!, p => p.Id, ct);
        problems.AddRange(wanted.Where(w => !known.ContainsKey(w.Digits)).Select(w => $"{file.Name} line {w.Line}: {w.Raw} is not in the database."));
        return (wanted.Where(w => known.ContainsKey(w.Digits)).Select(w => known[w.Digits]).Distinct().ToList(), problems);
    }

    private static Command Upload()
    {
        var template = new Option<string>("--template") { Description = "Template id (a new id creates a template)", Required = true };
        var file = new Option<FileInfo>("--file") { Description = "The .docx file", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (required for a new template)" };
        var command = new Command("upload", "Store a new version of a template from a .docx file") { template, file, name };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, output, error, ct2) =>
        {
            var f = parse.GetValue(file)!;
            if (!f.Exists)
            {
                await error.WriteLineAsync($"{f.FullName}: no such file.");
                return 1;
            }

            await using var scope = services.CreateAsyncScope();
            var (saved, errors) = await scope.ServiceProvider.GetRequiredService<DocumentService>()
                .UploadAsync(parse.GetValue(template)!, parse.GetValue(name), await File.ReadAllBytesAsync(f.FullName, ct2), ct2);
            foreach (var e in errors)
            {
                await error.WriteLineAsync($"{f.Name}: {e}");
            }

            if (saved is not null)
            {
                await output.WriteLineAsync($"Stored {saved.Key} v{saved.Version} ({saved.Name}).");
            }

            return saved is null ? 1 : 0;
        }, ct: ct));
        return command;
    }

    private static Command Download()
    {
        var template = new Option<string>("--template") { Description = "Template id", Required = true };
        var outFile = new Option<string>("--out") { Description = "Where to write the .docx", Required = true };
        var command = new Command("download", "Write the newest version of a template to a .docx file (to edit in Word)") { template, outFile };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, output, error, ct2) =>
        {
            await using var scope = services.CreateAsyncScope();
            var t = await scope.ServiceProvider.GetRequiredService<DocumentService>().TemplateAsync(parse.GetValue(template)!, ct2);
            if (t is null)
            {
                await error.WriteLineAsync($"No template \"{parse.GetValue(template)}\".");
                return 1;
            }

            await File.WriteAllBytesAsync(parse.GetValue(outFile)!, t.Content, ct2);
            await output.WriteLineAsync($"Wrote {t.Key} v{t.Version} to {parse.GetValue(outFile)}.");
            return 0;
        }, ct: ct));
        return command;
    }
}
