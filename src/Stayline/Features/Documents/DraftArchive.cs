using System.IO.Compression;
using System.Text;

using Stayline.Tables;

namespace Stayline.Features.Documents;

/// <summary>Where bulk drafts go: one DOCX per person plus missing.csv, in a zip or a directory.</summary>
public static class DraftArchive
{
    /// <summary>Writes the drafts and missing.csv to a zip or a directory; returns the DOCX paths written to a directory.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<GeneratedItem> items, string target, CancellationToken ct)
    {
        var report = MissingReport(items);
        if (target.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            if (Path.GetDirectoryName(Path.GetFullPath(target)) is { } dir)
            {
                Directory.CreateDirectory(dir);
            }

            await using var stream = File.Create(target);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
            foreach (var item in items)
            {
                await using var entry = await zip.CreateEntry(item.FileName, CompressionLevel.NoCompression).OpenAsync(ct);
                await entry.WriteAsync(item.Draft.Docx, ct); // DOCX is already deflated inside.
            }

            await using (var entry = await zip.CreateEntry("missing.csv").OpenAsync(ct))
            {
                await entry.WriteAsync(Encoding.UTF8.GetBytes(report), ct);
            }

            return [];
        }

        Directory.CreateDirectory(target);
        var paths = new List<string>();
        foreach (var item in items)
        {
            var path = Path.Combine(target, item.FileName);
            await File.WriteAllBytesAsync(path, item.Draft.Docx, ct);
            paths.Add(path);
        }

        await File.WriteAllTextAsync(Path.Combine(target, "missing.csv"), report, ct);
        return paths;
    }

    private static string MissingReport(IReadOnlyList<GeneratedItem> items)
    {
        var table = new Table(["a_number", "name", "file", "missing"]);
        foreach (var i in items)
        {
            table.Add(i.ANumber, i.FullName, i.FileName, string.Join("; ", i.Draft.Missing));
        }

        return TableWriter.Csv(table);
    }
}
