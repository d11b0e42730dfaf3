using Stayline.Domain.Hotline;
using Stayline.Domain.People;

namespace Stayline.Features.Hotline;

/// <summary>One refusal of a field: the resource key of its message and the limit it names, if any.</summary>
public sealed record HotlineFieldError(string Field, string Key, int? Limit = null);

/// <summary>The public form's fields as posted (names as in the form), checked before anything is stored.</summary>
public sealed record HotlineForm(string? DetaineeName, string? ANumber, string? CallerName, string? CallerPhone, string? Facility, string? Notes)
{
    /// <summary>Field names of the form, as the browser posts them.</summary>
    public static readonly IReadOnlyList<string> Fields = ["detaineeName", "aNumber", "callerName", "callerPhone", "facility", "notes"];

    /// <summary>Every problem of the form at once (the caller fixes them in one go); the A-number is checked with <see cref="Domain.People.ANumber"/>.</summary>
    public IReadOnlyList<HotlineFieldError> Validate(out ANumber? aNumber)
    {
        var errors = new List<HotlineFieldError>();
        aNumber = null;
        Text("detaineeName", DetaineeName, HotlineReport.MaxName, required: true, multiLine: false, errors);
        Text("callerName", CallerName, HotlineReport.MaxName, required: true, multiLine: false, errors);
        if (Text("callerPhone", CallerPhone, HotlineReport.MaxPhone, required: true, multiLine: false, errors)
            && (CallerPhone!.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.')) || CallerPhone!.Count(char.IsAsciiDigit) < 7))
        {
            errors.Add(new HotlineFieldError("callerPhone", "Hotline.Error.Phone"));
        }

        if (Text("aNumber", ANumber, HotlineReport.MaxANumber, required: false, multiLine: false, errors) && !string.IsNullOrWhiteSpace(ANumber))
        {
            if (Domain.People.ANumber.TryParse(ANumber, out var parsed, out _))
            {
                aNumber = parsed;
            }
            else
            {
                errors.Add(new HotlineFieldError("aNumber", "Hotline.Error.ANumber"));
            }
        }

        Text("facility", Facility, HotlineReport.MaxFacility, required: false, multiLine: false, errors);
        Text("notes", Notes, HotlineReport.MaxNotes, required: false, multiLine: true, errors);
        return errors;
    }

    /// <summary>True when the field holds acceptable text (an empty optional field included).</summary>
    private static bool Text(string field, string? value, int max, bool required, bool multiLine, List<HotlineFieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(new HotlineFieldError(field, "Hotline.Error.Required"));
                return false;
            }

            return true;
        }

        if (value.Trim().Length > max)
        {
            errors.Add(new HotlineFieldError(field, "Hotline.Error.TooLong", max));
            return false;
        }

        // Control characters have no place in a name or a phone number (and only line breaks and tabs in notes).
        if (value.Any(c => char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t')))
        {
            errors.Add(new HotlineFieldError(field, "Hotline.Error.Characters"));
            return false;
        }

        return true;
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
