using System.Reflection;

namespace Stayline.Tables;

/// <summary>The tables shipped inside Stayline (embedded CSV files under Features/*/Data), each with its source in '#' lines.</summary>
internal static class ShippedTable
{
    /// <summary>The one reader of the shipped CSV files: rows as column-name dictionaries; lines starting with # are comments.</summary>
    public static IEnumerable<Dictionary<string, string>> Read(string fileName)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        string text;
        using (var stream = new StreamReader(assembly.GetManifestResourceStream(resource)!))
        {
            // The shipped tables carry their source in lines starting with '#' (the one CSV reader keeps such rows as
            // data): they become blank lines, which it skips, so the line numbers in its errors stay the file's.
            text = string.Join('\n', stream.ReadToEnd().Split('\n').Select(l => l.StartsWith('#') ? "" : l));
        }

        using var csv = new CsvReader(new StringReader(text), ',');
        var header = csv.ReadHeader(out var headerError) ?? throw new InvalidDataException($"{fileName}: {headerError}");
        while (csv.Read(out var fields, out var error))
        {
            if (error is not null)
            {
                throw new InvalidDataException($"{fileName} line {csv.Line}: {error}");
            }

            yield return header.Select((h, i) => (h, v: i < fields.Length ? fields[i] : "")).ToDictionary(x => x.h, x => x.v, StringComparer.Ordinal);
        }
    }
}
