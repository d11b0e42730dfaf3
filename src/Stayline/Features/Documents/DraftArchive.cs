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
        if (target.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            if (Path.GetDirectoryName(Path.GetFullPath(target)) is { } dir)
            {
                Directory.CreateDirectory(dir);
            }

            await File.WriteAllBytesAsync(target, Zip(items), ct);
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

        await File.WriteAllTextAsync(Path.Combine(target, "missing.csv"), MissingReport(items), ct);
        return paths;
    }

    /// <summary>The drafts and missing.csv as one zip.</summary>
    public static byte[] Zip(IReadOnlyList<GeneratedItem> items)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var item in items)
            {
                using var entry = zip.CreateEntry(item.FileName, CompressionLevel.NoCompression).Open();
                entry.Write(item.Draft.Docx); // DOCX is already deflated inside.
            }

            using var report = zip.CreateEntry("missing.csv").Open();
            report.Write(Encoding.UTF8.GetBytes(MissingReport(items)));
        }

        return stream.ToArray();
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
