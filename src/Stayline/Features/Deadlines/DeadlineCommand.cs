using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Stayline.Domain.Deadlines;

namespace Stayline.Features.Deadlines;

/// <summary>
/// <c>stayline deadline RULE TRIGGER_DATE [--json]</c> and <c>stayline deadline --csv FILE</c>. Needs no database
/// and builds no host, so a batch of 100,000 rows costs little more than starting the process.
/// </summary>
internal static class DeadlineCommand
{
    public static Command Create()
    {
        var rule = new Argument<string?>("rule")
        {
            Description = $"Rule id: {string.Join(", ", DeadlineRules.Ids)}",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var trigger = new Argument<string?>("trigger-date")
        {
            Description = "The day of the triggering event, yyyy-MM-dd",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = new Option<bool>("--json") { Description = "Print the computation as JSON" };
        var csv = new Option<string?>("--csv")
        {
            Description = "Read rows rule,trigger from FILE (with that header) and write rule,trigger,due,citation",
            HelpName = "FILE",
        };
        var command = new Command("deadline", "Compute a filing deadline from a rule and its trigger date") { rule, trigger, json, csv };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var ruleId = parseResult.GetValue(rule);
            var triggerText = parseResult.GetValue(trigger);
            if (parseResult.GetValue(csv) is { } file)
            {
                if (ruleId is not null || parseResult.GetValue(json))
                {
                    error.WriteLine("--csv takes only a file: give either RULE TRIGGER_DATE or --csv FILE.");
                    return 1;
                }

                return RunCsv(file, output, error);
            }

            if (ruleId is null || triggerText is null)
            {
                error.WriteLine("Give RULE and TRIGGER_DATE (e.g. stayline deadline mtr-ij 2025-09-28), or --csv FILE.");
                error.WriteLine($"Valid rules: {string.Join(", ", DeadlineRules.Ids)}.");
                return 1;
            }

            return RunOne(ruleId, triggerText, parseResult.GetValue(json), output, error);
        });
        return command;
    }

    private static int RunOne(string ruleId, string triggerText, bool json, TextWriter output, TextWriter error)
    {
        var ok = true;
        if (!DeadlineRules.TryGet(ruleId, out var rule))
        {
            error.WriteLine($"Unknown rule \"{ruleId}\". Valid rules: {string.Join(", ", DeadlineRules.Ids)}.");
            ok = false;
        }

        if (!DeadlineCsv.TryParseTrigger(triggerText, out var trigger, out var dateError))
        {
            error.WriteLine("Bad " + dateError);
            ok = false;
        }

        if (!ok)
        {
            return 1;
        }

        var result = DeadlineCalculator.Compute(rule, trigger, CourtCalendar.Federal);
        if (json)
        {
            output.WriteLine(ToJson(result));
            return 0;
        }

        output.WriteLine(result.DueText);
        output.WriteLine($"{rule.Title}: {result.Explanation}");
        if (result.DueIfClosuresNotCounted is { } longer && longer != result.DueDate)
        {
            output.WriteLine($"If days closed by executive order are not counted: {Format(longer)}");
        }

        if (result.ExtendedDueDate is { } extended)
        {
            output.WriteLine($"With the extension ({rule.Extension!.Citation}): {Format(extended)}");
        }

        output.WriteLine($"Citation: {result.Citation}");
        output.WriteLine($"Rule: {rule.Explanation}");
        foreach (var exemption in rule.Exemptions)
        {
            output.WriteLine($"No time limit if: {exemption.Name} ({exemption.Citation}).");
        }

        return 0;
    }

    private static int RunCsv(string path, TextWriter output, TextWriter error)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"Cannot read \"{path}\": {e.Message}");
            return 1;
        }

        var (rows, errors) = DeadlineCsv.Read(text);
        if (errors.Count > 0)
        {
            foreach (var message in errors)
            {
                error.WriteLine(message);
            }

            error.WriteLine($"{path}: {(errors.Count == 1 ? "1 error" : $"{errors.Count} errors")}; nothing was written. Expected header \"{DeadlineCsv.InputHeader}\", "
                + $"rules {string.Join(", ", DeadlineRules.Ids)}, dates {DeadlineCsv.DateFormat}.");
            return 1;
        }

        DeadlineCsv.Write(rows, CourtCalendar.Federal, output);
        return 0;
    }

    private static string ToJson(DeadlineComputation result)
    {
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            writer.WriteStartObject();
            writer.WriteString("rule", result.RuleId);
            writer.WriteString("title", result.Rule.Title);
            writer.WriteString("outcome", result.Outcome.ToString());
            writer.WriteString("trigger", Format(result.TriggerDate));
            writer.WriteString("rawDue", Format(result.RawDueDate));
            writer.WriteString("due", Format(result.DueDate));
            writer.WriteNumber("periodDays", result.Rule.PeriodDays);
            writer.WriteString("counting", result.Rule.Counting == DeadlineCounting.BusinessDays ? "business-days" : "calendar-days");
            if (result.DueIfClosuresNotCounted is { } longer)
            {
                writer.WriteString("dueIfClosuresNotCounted", Format(longer));
            }

            if (result.ExtendedDueDate is { } extended)
            {
                writer.WriteString("dueWithExtension", Format(extended));
            }

            writer.WriteString("citation", result.Citation);
            writer.WriteString("explanation", result.Explanation);
            writer.WriteString("ruleExplanation", result.Rule.Explanation);
            writer.WriteStartArray("noTimeLimitIf");
            foreach (var exemption in result.Rule.Exemptions)
            {
                writer.WriteStartObject();
                writer.WriteString("id", exemption.Id);
                writer.WriteString("name", exemption.Name);
                writer.WriteString("citation", exemption.Citation);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string? Format(DateOnly? day) => day?.ToString(DeadlineCsv.DateFormat, CultureInfo.InvariantCulture);
}
