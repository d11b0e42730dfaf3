using System.Globalization;

namespace Stayline.Domain.Common;

/// <summary>
/// A sentence for a person to read, kept as its composite format and the values inserted into it. Printed, it is the
/// English sentence (CLI, API, logs, stored text); on a page the format is the resource key of its translation, so
/// an Arabic or Spanish reader gets the same sentence in their language with the same values.
/// </summary>
/// <remarks>Built from an interpolated string (<c>$"Transfer date {on:yyyy-MM-dd} is in the future."</c>): methods take
/// <see cref="FormattableString"/>, never <see cref="string"/>, because C# would pick a string overload and format the
/// sentence before the format could be kept.</remarks>
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

    public IReadOnlyList<object?> Values => _values;

    public static Sentence Of(FormattableString sentence) => new(sentence.Format, sentence.GetArguments());

    /// <summary>Text that is not translated (a message from a library, a value typed by a user).</summary>
    public static Sentence Verbatim(string text) => new("{0}", [text]);

    public static implicit operator Sentence(FormattableString sentence) => Of(sentence);

    /// <summary>The English sentence, formatted as the interpolated string would have been.</summary>
    public override string ToString() => string.Format(CultureInfo.CurrentCulture, Format, _values);

    /// <summary>Two sentences are equal when they print the same (however each was built).</summary>
    public bool Equals(Sentence? other) => other is not null && ToString() == other.ToString();

    public override bool Equals(object? obj) => obj is Sentence s && Equals(s);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
