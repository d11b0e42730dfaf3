using System.Globalization;
using System.Text;
using System.Text.Json;
using Stayline.Domain.Matters;

namespace Stayline.Features.Shared;

/// <summary>
/// The one place where code names become words on screen: enum members ("AFileReceived" → "A-file received"),
/// field names ("BirthDatePrecision" → "Birth date precision") and the values of an audit record.
/// </summary>
public static class Labels
{
    /// <summary>Words a plain split would get wrong (abbreviations, hyphenated terms).</summary>
    private static readonly (string From, string To)[] Fixes =
    [
        ("A file", "A-file"), ("A number", "A-number"), ("Foia", "FOIA"), (" foia", " FOIA"), (" ij", " IJ"),
        (" bia", " BIA"), (" cat", " CAT"), ("Dhs", "DHS"), (" dhs", " DHS"), ("Eoir", "EOIR"), (" eoir", " EOIR"),
        ("Ice ", "ICE "), (" ice", " ICE"), ("Api", "API"),
    ];

    public static string Of(Enum value) => value switch
    {
        MatterKind kind => kind.DisplayName(),
        _ => Words(value.ToString()),
    };

    /// <summary>"BirthDatePrecision" → "Birth date precision"; "NotProtected" → "Not protected".</summary>
    public static string Words(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (i > 0 && char.IsUpper(c))
            {
                sb.Append(' ').Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(i == 0 ? char.ToUpper(c, CultureInfo.InvariantCulture) : c);
            }
        }

        var text = sb.ToString();
        foreach (var (from, to) in Fixes)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return text.EndsWith(" ij", StringComparison.Ordinal) ? text[..^3] + " (IJ)" : text;
    }

    /// <summary>An audit record's change in words: "Field: before → after" for an update, "Field: value" otherwise;
    /// null when there is nothing to show.</summary>
    public static string? Change(string? before, string? after)
    {
        var b = Fields(before);
        var a = Fields(after);
        if (a is null && b is null)
        {
            return after ?? before;
        }

        var parts = a is not null && b is not null
            ? a.Where(kv => !Hidden(kv.Key) && Show(b.GetValueOrDefault(kv.Key)) != Show(kv.Value))
                .Select(kv => $"{Words(kv.Key)}: {Show(b.GetValueOrDefault(kv.Key))} → {Show(kv.Value)}")
            : (a ?? b)!.Where(kv => !Hidden(kv.Key) && kv.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                .Select(kv => $"{Words(kv.Key)}: {Show(kv.Value)}");
        var text = string.Join("; ", parts);
        return text.Length == 0 ? null : text;
    }

    /// <summary>Bookkeeping a reader does not need (the person is in its own column).</summary>
    private static bool Hidden(string field) => field is "Id" or "PersonId" or "Version" or "SortName";

    private static Dictionary<string, JsonElement>? Fields(string? json)
    {
        if (json is null || !json.StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Show(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => "(empty)",
        JsonValueKind.String when e.GetString() is { } s && IsCodeName(s) => Words(s),
        JsonValueKind.String => e.GetString() ?? "",
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        _ => e.GetRawText(),
    };

    /// <summary>A stored enum value ("AFileReceived"): letters only, starting upper case, with a second capital.</summary>
    private static bool IsCodeName(string s) =>
        s.Length is > 2 and < 60 && char.IsUpper(s[0]) && s.All(char.IsAsciiLetterOrDigit) && s.Skip(1).Any(char.IsUpper);
}
