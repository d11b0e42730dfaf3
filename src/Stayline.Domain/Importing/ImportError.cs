using System.Globalization;
using System.Text.Json.Serialization;
using Stayline.Domain.Common;

namespace Stayline.Domain.Importing;

/// <summary>
/// A problem with one row of an import: the spreadsheet row (the header is row 1), the column as the
/// file names it, the value found, and what is wrong. Row 0 means the file as a whole.
/// </summary>
/// <param name="Sentence">What is wrong, translatable on a page (<see cref="Common.Sentence"/>).</param>
public sealed record ImportError(int Row, string? Column, string? Value, Sentence Sentence)
{
    /// <summary>The English sentence (CLI, API, logs, the report's CSV).</summary>
    [JsonIgnore]
    public string Message => Sentence.ToString();

    public override string ToString()
    {
        var where = Row > 0 ? string.Create(CultureInfo.InvariantCulture, $"row {Row}") : "file";
        if (Column is not null)
        {
            where += $", column \"{Column}\"";
        }

        if (!string.IsNullOrEmpty(Value))
        {
            where += $", value \"{Shorten(Value)}\"";
        }

        return $"{where}: {Message}";
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";
}
