using System.Globalization;
using System.Text;
using Stayline.Domain.Deadlines;
using Stayline.Tables;

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
        using var reader = new CsvReader(new StringReader(text), ',');
        var header = reader.ReadHeader(out var headerError);
        if (headerError is not null)
        {
            errors.Add($"line {reader.Line}: {headerError}");
            return (rows, errors);
        }

        if (header is null)
        {
            errors.Add($"The file is empty: expected the header \"{InputHeader}\" on line 1.");
            return (rows, errors);
        }

        if (header.Count < 2 || header[0] != "rule" || header[1] != "trigger")
        {
            errors.Add($"line {reader.Line}: expected the header \"{InputHeader}\", found \"{string.Join(",", header)}\".");
            return (rows, errors);
        }

        while (reader.Read(out var record, out var syntax))
        {
            var line = reader.Line;
            if (syntax is not null)
            {
                errors.Add($"line {line}: {syntax}");
                continue;
            }

            if (record.Length < 2)
            {
                errors.Add($"line {line}: expected 2 fields (rule,trigger), found 1: \"{record[0]}\".");
                continue;
            }

            var ruleText = record[0].Trim();
            var triggerText = record[1].Trim();
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
        var citations = DeadlineRules.All.ToDictionary(r => r, r => TableWriter.CsvField(r.Citation));
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
