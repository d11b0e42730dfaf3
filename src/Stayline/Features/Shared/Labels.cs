using System.Globalization;
using System.Text;
using System.Text.Json;
using Stayline.Domain.Common;
using Stayline.Domain.Matters;

namespace Stayline.Features.Shared;

/// <summary>
/// The one place where code names become words on screen: enum members ("AFileReceived" → "A-file received"),
/// field names ("BirthDatePrecision" → "Birth date precision") and the values of an audit record.
/// </summary>
public static class Labels
{
    /// <summary>Whole words a plain split would get wrong (abbreviations); "Category" stays a word.</summary>
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["foia"] = "FOIA",
        ["ij"] = "IJ",
        ["bia"] = "BIA",
        ["cat"] = "CAT",
        ["dhs"] = "DHS",
        ["eoir"] = "EOIR",
        ["ice"] = "ICE",
        ["api"] = "API",
        ["uscis"] = "USCIS",
        ["cbp"] = "CBP",
        ["ecas"] = "ECAS",
    };

    /// <summary>The names of every enum member of the domain and data model: only these are turned into words when they
    /// appear as values (a family name such as "McDonald" is shown as written).</summary>
    private static readonly HashSet<string> EnumNames = new[] { typeof(MatterKind).Assembly, typeof(Data.StaylineDbContext).Assembly }
        .SelectMany(a => a.GetTypes()).Where(t => t.IsEnum).SelectMany(Enum.GetNames).ToHashSet(StringComparer.Ordinal);

    public static string Of(Enum value) => value switch
    {
        MatterKind kind => kind.DisplayName(),
        Adjudicator a => a switch
        {
            Adjudicator.ImmigrationJudge => "Immigration court",
            Adjudicator.Board => "Board of Immigration Appeals",
            Adjudicator.DistrictCourt => "District court",
            Adjudicator.CourtOfAppeals => "Court of appeals",
            _ => "DHS",
        },
        HearingKind k => k switch
        {
            HearingKind.Master => "Master calendar hearing",
            HearingKind.Individual => "Individual (merits) hearing",
            HearingKind.Bond => "Bond hearing",
            _ => "Other hearing",
        },
        HearingOutcome.Continued => "Continued to another day",
        ReliefKind.CatWithholding => "CAT withholding",
        DhsCustodyDecision.Unknown => "Not recorded",
        DhsCustodyDecision.NoBond => "No bond (detain)",
        DhsCustodyDecision.BondSet => "Bond set by DHS",
        BondDecision.Pending => "Not decided yet",
        BondDecision.NoJurisdiction => "No jurisdiction (e.g. mandatory detention)",
        BoardBondOutcome.Pending => "No Board decision",
        ReliefKind.CatDeferral => "CAT deferral",
        ProtectedGrounds g => string.Join(", ", Enum.GetValues<ProtectedGrounds>().Where(x => x != ProtectedGrounds.None && g.HasFlag(x)).Select(x => Words(x.ToString()))),
        _ => Words(value.ToString()),
    };

    /// <summary>
    /// An enum member in the page reader's language: the resource "Enum.{Type}.{Member}" (Strings.ar/.es.resx). English
    /// is <see cref="Of"/> itself (its resource entry only mirrors it, checked by a test), so stored text, CSV and the API,
    /// which use <see cref="Of"/>, never change with the reader.
    /// </summary>
    public static string Local(Enum value)
    {
        if (Infrastructure.Localization.Current == "en")
        {
            return Of(value);
        }

        // A combination of grounds is listed ground by ground; a single ground is a member like any other (splitting it
        // again would call this method on itself for ever).
        if (value is ProtectedGrounds g && !Enum.IsDefined(g))
        {
            // Arabic lists are separated by the Arabic comma.
            return string.Join(Infrastructure.Localization.Current == "ar" ? "، " : ", ",
                Enum.GetValues<ProtectedGrounds>().Where(x => x != ProtectedGrounds.None && g.HasFlag(x)).Select(x => Local(x)));
        }

        return Resources.Strings.Get($"Enum.{value.GetType().Name}.{value}") is var s && !s.StartsWith("Enum.", StringComparison.Ordinal) ? s : Of(value);
    }

    /// <summary>An enum's members as the options of a select, in the reader's language; the values are the members'
    /// numbers, as Html.GetEnumSelectList gives them, so a posted form binds the same way.</summary>
    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Options<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>()
        .Select(v => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(Local(v), Convert.ToInt64(v, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)));

    /// <summary>A member given by name (a query's column, e.g. the protection state), in the reader's language.</summary>
    public static string Local<TEnum>(string name)
        where TEnum : struct, Enum => Enum.TryParse<TEnum>(name, out var v) ? Local(v) : Words(name);

    /// <summary><see cref="OutcomeOf"/> in the reader's language (the amount stays in dollars).</summary>
    public static string LocalOutcomeOf(Hearing h) => h.Outcome == HearingOutcome.Granted && h.BondAmount is { } amount
        ? string.Format(CultureInfo.InvariantCulture, Resources.Strings.Get("Labels.BondGranted"), amount.ToString("C0", CultureInfo.GetCultureInfo("en-US")))
        : Local(h.Outcome);

    /// <summary>A hearing's outcome, with the bond set when bond was granted.</summary>
    public static string OutcomeOf(Hearing h) => h.Outcome == HearingOutcome.Granted && h.BondAmount is { } amount
        ? "Bond granted: " + amount.ToString("C0", CultureInfo.GetCultureInfo("en-US"))
        : Of(h.Outcome);

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

        var words = sb.ToString().Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = Abbreviations.GetValueOrDefault(words[i]) ?? words[i];
        }

        return string.Join(' ', words).Replace("A file", "A-file", StringComparison.Ordinal).Replace("A number", "A-number", StringComparison.Ordinal);
    }

    /// <summary>An audit record's change in words: "Field: before → after" for an update, "Field: value" otherwise;
    /// null when there is nothing to show.</summary>
    public static string? Change(string? before, string? after) => ChangeSaid(before, after)?.ToString();

    /// <summary><see cref="Change"/> as a sentence: the audit page says it in the reader's language (field names from
    /// <see cref="Field"/>, yes/no/empty and the members of enums in their words; values typed by users as written).</summary>
    public static Sentence? ChangeSaid(string? before, string? after)
    {
        var b = Fields(before);
        var a = Fields(after);
        if (a is null && b is null)
        {
            return (after ?? before) is { } text ? Sentence.Verbatim(text) : null;
        }

        var parts = a is not null && b is not null
            ? a.Where(kv => !Hidden(kv.Key) && Show(b.GetValueOrDefault(kv.Key)) != Show(kv.Value))
                .Select(kv => Sentence.Of($"{Field(kv.Key)}: {Said(b.GetValueOrDefault(kv.Key))} → {Said(kv.Value)}"))
            : (a ?? b)!.Where(kv => !Hidden(kv.Key) && kv.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                .Select(kv => Sentence.Of($"{Field(kv.Key)}: {Said(kv.Value)}"));
        var list = parts.ToList();
        return list.Count == 0 ? null : Sentences.Semicolons(list);
    }

    /// <summary>A field of a record ("BirthDatePrecision") as words inside a sentence: "Birth date precision" in English, the
    /// resource "Field.BirthDatePrecision" for an Arabic or Spanish reader (English words where nobody translated it).</summary>
    public static object Field(string name) => Sentences.Word("Field." + name, Words(name));

    /// <summary>A kind of record ("CustodyEpisode") in the reader's words: the resource "Entity.CustodyEpisode", else
    /// "Custody episode".</summary>
    public static string Entity(string type) => Infrastructure.Localization.Current != "en" && Resources.Strings.Get("Entity." + type) is var s
        && s != "Entity." + type ? s : Words(type);

    /// <summary>Enum members by name, for the values of an audit record (the record does not say which enum: a name several
    /// enums share is said as the first of them that has a translation).</summary>
    private static readonly Dictionary<string, Enum[]> Members = new[] { typeof(MatterKind).Assembly, typeof(Data.StaylineDbContext).Assembly }
        .SelectMany(a => a.GetTypes()).Where(t => t.IsEnum).SelectMany(t => Enum.GetValues(t).Cast<Enum>())
        .GroupBy(v => v.ToString(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    private static string LocalMember(string name) => Members[name].Select(m => Resources.Strings.Get($"Enum.{m.GetType().Name}.{m}"))
        .FirstOrDefault(l => !l.StartsWith("Enum.", StringComparison.Ordinal)) ?? Words(name);

    /// <summary>One value of an audit record inside a sentence: printed as <see cref="Show"/>; said in the reader's words
    /// when it is yes, no, empty or an enum member.</summary>
    private static object Said(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => Sentences.Word("Aud.Empty", "(empty)"),
        JsonValueKind.True => Sentences.Word("Aud.Yes", "yes"),
        JsonValueKind.False => Sentences.Word("Aud.No", "no"),
        JsonValueKind.String when e.GetString() is { } s && Members.ContainsKey(s) => Sentences.Localised(Words(s), () => LocalMember(s)),
        _ => Show(e),
    };

    /// <summary>Bookkeeping a reader does not need (the person is in its own column).</summary>
    public static bool Hidden(string field) => field is "Id" or "PersonId" or "Version" or "SortName";

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
        JsonValueKind.String when e.GetString() is { } s && EnumNames.Contains(s) => Words(s),
        JsonValueKind.String => e.GetString() ?? "",
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        _ => e.GetRawText(),
    };
}
