using System.Globalization;
using System.Text;
using Stayline.Domain.Deadlines;

namespace Stayline.Features.Deadlines;

/// <summary>One valid input row of <c>deadline --csv</c>.</summary>
internal readonly record struct DeadlineCsvRow(DeadlineRule Rule, DateOnly Trigger);

/// <summary>
/// The batch form of <c>deadline</c>: reads <c>rule,trigger</c> rows (RFC 4180 quoting, BOM, CRLF or LF; extra
/// columns and blank lines ignored) and writes <c>rule,trigger,due,citation</c>. Every row is validated before
/// anything is written, so a file with one bad row produces no output at all, only the list of bad rows.
/// </summary>
internal static class DeadlineCsv
{
    public const string InputHeader = "rule,trigger";
    public const string OutputHeader = "rule,trigger,due,citation";
    public const string DateFormat = "yyyy-MM-dd";

    private const int FlushAt = 1 << 16;

    /// <summary>Parses the whole text; on any bad row returns the errors ("line N: ...") and no rows.</summary>
    public static (List<DeadlineCsvRow> Rows, List<string> Errors) Read(string text)
    {
        var rows = new List<DeadlineCsvRow>(Math.Max(16, text.Length / 24));
        var errors = new List<string>();
        var reader = new CsvReader(text);
        if (!reader.TryReadRecord(out var headerLine, out var header) || header.Count == 0)
        {
            errors.Add($"The file is empty: expected the header \"{InputHeader}\" on line 1.");
            return (rows, errors);
        }

        if (header.Count < 2 || !header.Field(0).SequenceEqual("rule") || !header.Field(1).SequenceEqual("trigger"))
        {
            errors.Add($"line {headerLine}: expected the header \"{InputHeader}\", found \"{header.Raw}\".");
            return (rows, errors);
        }

        while (reader.TryReadRecord(out var line, out var record))
        {
            if (record.IsBlank)
            {
                continue;
            }

            if (record.Count < 2)
            {
                errors.Add($"line {line}: expected 2 fields (rule,trigger), found 1: \"{record.Raw}\".");
                continue;
            }

            var ruleText = record.Field(0).Trim();
            var triggerText = record.Field(1).Trim();
            var hasRule = DeadlineRules.TryGet(ruleText, out var rule);
            if (!hasRule)
            {
                errors.Add($"line {line}: unknown rule \"{ruleText}\"; valid rules: {string.Join(", ", DeadlineRules.Ids)}.");
            }

            if (!TryParseTrigger(triggerText, out var trigger, out var dateError))
            {
                errors.Add($"line {line}: {dateError}");
            }
            else if (hasRule)
            {
                rows.Add(new DeadlineCsvRow(rule, trigger));
            }
        }

        if (reader.Error is { } syntax)
        {
            errors.Add(syntax);
        }

        if (errors.Count > 0)
        {
            rows.Clear();
        }

        return (rows, errors);
    }

    /// <summary>Parses a trigger date and checks the supported range; the error names the value and the expected form.</summary>
    public static bool TryParseTrigger(ReadOnlySpan<char> text, out DateOnly trigger, out string error)
    {
        if (!DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out trigger))
        {
            error = $"trigger date \"{text}\" is not a date in the form {DateFormat} (for example 2025-09-28).";
            return false;
        }

        if (!DeadlineCalculator.IsSupportedTrigger(trigger))
        {
            error = $"trigger date {text} is outside the supported range {Format(DeadlineCalculator.FirstTrigger)} to {Format(DeadlineCalculator.LastTrigger)}.";
            return false;
        }

        error = "";
        return true;
    }

    /// <summary>Computes and writes every row, in chunks so a large file costs few writes to the console.</summary>
    public static void Write(IReadOnlyList<DeadlineCsvRow> rows, ICourtCalendar calendar, TextWriter output)
    {
        var citations = DeadlineRules.All.ToDictionary(r => r, r => Reports.TableWriter.CsvField(r.Citation));
        var buffer = new StringBuilder(FlushAt + 256);
        buffer.Append(OutputHeader).Append('\n');
        Span<char> date = stackalloc char[10];
        foreach (var row in rows)
        {
            var due = DeadlineCalculator.DueDate(row.Rule, row.Trigger, calendar);
            buffer.Append(row.Rule.Id).Append(',');
            row.Trigger.TryFormat(date, out _, DateFormat, CultureInfo.InvariantCulture);
            buffer.Append(date).Append(',');
            due.TryFormat(date, out _, DateFormat, CultureInfo.InvariantCulture);
            buffer.Append(date).Append(',').Append(citations[row.Rule]).Append('\n');
            if (buffer.Length >= FlushAt)
            {
                output.Write(buffer);
                buffer.Clear();
            }
        }

        output.Write(buffer);
        output.Flush();
    }

    private static string Format(DateOnly day) => day.ToString(DateFormat, CultureInfo.InvariantCulture);
}

/// <summary>A minimal RFC 4180 reader over a string: fields are slices of the text unless quoting forces a copy.</summary>
internal sealed class CsvReader(string text)
{
    private readonly string text = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    private readonly CsvRecord record = new();
    private int position;
    private int line = 1;

    /// <summary>Set when the text ends inside a quoted field; reading stops there.</summary>
    public string? Error { get; private set; }

    public bool TryReadRecord(out int recordLine, out CsvRecord current)
    {
        recordLine = line;
        current = record;
        if (position >= text.Length || Error is not null)
        {
            return false;
        }

        record.Reset(text, position);
        while (true)
        {
            if (position < text.Length && text[position] == '"')
            {
                if (!ReadQuoted())
                {
                    Error = $"line {recordLine}: a quoted field is not closed before the end of the file.";
                    return false;
                }
            }
            else
            {
                var start = position;
                var end = text.AsSpan(position).IndexOfAny(",\r\n");
                position = end < 0 ? text.Length : position + end;
                record.Add(start, position - start, null);
            }

            if (position < text.Length && text[position] == ',')
            {
                position++;
                continue;
            }

            record.End(position);
            if (position < text.Length && text[position] == '\r')
            {
                position++;
            }

            if (position < text.Length && text[position] == '\n')
            {
                position++;
            }

            line++;
            return true;
        }
    }

    private bool ReadQuoted()
    {
        var value = new StringBuilder();
        position++;
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == '"')
            {
                if (position < text.Length && text[position] == '"')
                {
                    value.Append('"');
                    position++;
                    continue;
                }

                // Anything between the closing quote and the next separator is kept, as most spreadsheet tools do.
                var end = text.AsSpan(position).IndexOfAny(",\r\n");
                var tail = end < 0 ? text.Length - position : end;
                value.Append(text, position, tail);
                position += tail;
                record.Add(0, 0, value.ToString());
                return true;
            }

            if (c == '\n')
            {
                line++;
            }

            value.Append(c);
        }

        return false;
    }
}

/// <summary>The fields of the record last read; reused from record to record.</summary>
internal sealed class CsvRecord
{
    private readonly List<(int Start, int Length, string? Copy)> fields = new(4);
    private string text = "";
    private int start;
    private int end;

    public int Count => fields.Count;

    /// <summary>An empty line: one empty, unquoted field.</summary>
    public bool IsBlank => fields.Count == 1 && fields[0].Copy is null && fields[0].Length == 0;

    /// <summary>The record as it appears in the file, for error messages.</summary>
    public string Raw => text[start..end];

    public ReadOnlySpan<char> Field(int index)
    {
        var (fieldStart, length, copy) = fields[index];
        return copy is null ? text.AsSpan(fieldStart, length) : copy.AsSpan();
    }

    internal void Reset(string source, int at)
    {
        text = source;
        start = at;
        fields.Clear();
    }

    internal void Add(int fieldStart, int length, string? copy) => fields.Add((fieldStart, length, copy));

    internal void End(int at) => end = at;
}
