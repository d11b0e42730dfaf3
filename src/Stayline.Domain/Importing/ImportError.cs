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

    /// <summary>The whole line: where (row or file, column, value) and what is wrong, to be said on a page.</summary>
    [JsonIgnore]
    public Sentence Located
    {
        get
        {
            var value = string.IsNullOrEmpty(Value) ? null : Shorten(Value);
            return (Row > 0, Column, value) switch
            {
                (true, null, null) => Sentence.Of($"row {Row}: {Sentence}"),
                (true, { } c, null) => Sentence.Of($"row {Row}, column \"{c}\": {Sentence}"),
                (true, null, { } v) => Sentence.Of($"row {Row}, value \"{v}\": {Sentence}"),
                (true, { } c, { } v) => Sentence.Of($"row {Row}, column \"{c}\", value \"{v}\": {Sentence}"),
                (false, null, null) => Sentence.Of($"file: {Sentence}"),
                (false, { } c, null) => Sentence.Of($"file, column \"{c}\": {Sentence}"),
                (false, null, { } v) => Sentence.Of($"file, value \"{v}\": {Sentence}"),
                (false, { } c, { } v) => Sentence.Of($"file, column \"{c}\", value \"{v}\": {Sentence}"),
            };
        }
    }

    public override string ToString() => Located.ToString();

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";
}
