using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stayline.Domain.Common;

/// <summary>
/// A sentence for a person to read, kept as its composite format and the values inserted into it. Printed, it is the
/// English sentence (CLI, API, logs, stored text); on a page the format is the resource key of its translation, so
/// an Arabic or Spanish reader gets the same sentence in their language with the same values.
/// </summary>
/// <remarks>Built from an interpolated string (<c>$"Transfer date {on:yyyy-MM-dd} is in the future."</c>): methods take
/// <see cref="FormattableString"/>, never <see cref="string"/>, because C# would pick a string overload and format the
/// sentence before the format could be kept.</remarks>
[JsonConverter(typeof(SentenceJsonConverter))]
public sealed class Sentence : IEquatable<Sentence>
{
    private readonly object?[] _values;

    private Sentence(string format, object?[] values)
    {
        Format = format;
        _values = values;
    }

    /// <summary>The composite format (<c>"Transfer date {0:yyyy-MM-dd} is in the future."</c>): the translation's key.</summary>
    public string Format { get; }

    /// <summary>The resource key of a <see cref="Term"/> (an enum member's label); null when the key is <see cref="Format"/>.</summary>
    public string? Key { get; private init; }

    public IReadOnlyList<object?> Values => _values;

    public static Sentence Of(FormattableString sentence) => new(sentence.Format, sentence.GetArguments());

    /// <summary>Text that is not translated (a message from a library, a value typed by a user).</summary>
    public static Sentence Verbatim(string text) => new("{0}", [text]);

    /// <summary>A word with a resource key of its own (an enum member: "Enum.PersonEventKind.Detained"): printed, the English
    /// given; said, the resource in the reader's language. Kept with its key when stored, so a stored sentence says it
    /// again in whatever language it is read.</summary>
    public static Sentence Term(string key, string english) => new("{0}", [english]) { Key = key };

    /// <summary>A sentence read back from where it was stored (<see cref="ToJson"/>).</summary>
    public static Sentence FromJson(string json) => JsonSerializer.Deserialize<Sentence>(json)!;

    /// <summary>The format and the values, each with its type, so the sentence can be said again after it is read back.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    internal static Sentence FromParts(string format, object?[] values, string? key = null) => new(format, values) { Key = key };

    public static implicit operator Sentence(FormattableString sentence) => Of(sentence);

    /// <summary>The English sentence, formatted as the interpolated string would have been.</summary>
    public override string ToString() => string.Format(CultureInfo.CurrentCulture, Format, _values);

    /// <summary>Two sentences are equal when they print the same (however each was built).</summary>
    public bool Equals(Sentence? other) => other is not null && ToString() == other.ToString();

    public override bool Equals(object? obj) => obj is Sentence s && Equals(s);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}

/// <summary>Stores a <see cref="Sentence"/> as <c>{"f":format,"v":[[type,value],...]}</c> (and <c>"k":key</c> for a term): dates, numbers and inner
/// sentences keep their type so they are formatted in the reader's culture; anything else is kept as its English text.</summary>
internal sealed class SentenceJsonConverter : JsonConverter<Sentence>
{
    public override Sentence Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // Text stored before it was kept as a sentence (an import report's column warnings) reads back as that text.
        if (reader.TokenType == JsonTokenType.String)
        {
            return Sentence.Verbatim(reader.GetString() ?? "");
        }

        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        var values = root.GetProperty("v").EnumerateArray().Select(Value).ToArray();
        return Sentence.FromParts(root.GetProperty("f").GetString()!, values, root.TryGetProperty("k", out var key) ? key.GetString() : null);
    }

    private static object? Value(JsonElement e)
    {
        var kind = e[0].GetString();
        var v = e[1];
        return kind switch
        {
            "null" => null,
            "date" => DateOnly.ParseExact(v.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            "int" => v.GetInt32(),
            "long" => v.GetInt64(),
            "decimal" => v.GetDecimal(),
            "double" => v.GetDouble(),
            "sentence" => Sentence.FromJson(v.GetRawText()),
            _ => v.GetString(),
        };
    }

    public override void Write(Utf8JsonWriter writer, Sentence value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("f", value.Format);
        if (value.Key is not null)
        {
            writer.WriteString("k", value.Key);
        }

        writer.WriteStartArray("v");
        foreach (var v in value.Values)
        {
            writer.WriteStartArray();
            switch (v)
            {
                case null: writer.WriteStringValue("null"); writer.WriteNullValue(); break;
                case DateOnly d: writer.WriteStringValue("date"); writer.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
                case int i: writer.WriteStringValue("int"); writer.WriteNumberValue(i); break;
                case long l: writer.WriteStringValue("long"); writer.WriteNumberValue(l); break;
                case decimal m: writer.WriteStringValue("decimal"); writer.WriteNumberValue(m); break;
                case double x: writer.WriteStringValue("double"); writer.WriteNumberValue(x); break;
                case Sentence s: writer.WriteStringValue("sentence"); Write(writer, s, options); break;
                default: writer.WriteStringValue("text"); writer.WriteStringValue(Convert.ToString(v, CultureInfo.InvariantCulture)); break;
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
