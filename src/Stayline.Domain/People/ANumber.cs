using System.Diagnostics.CodeAnalysis;
using Stayline.Domain.Common;

namespace Stayline.Domain.People;

/// <summary>
/// Alien registration number: "A" followed by 8 or 9 digits. Stored as 9 digits (8-digit numbers get a
/// leading zero) so that "A12345678", "A012-345-678" and "012345678" are the same person.
/// </summary>
public readonly record struct ANumber
{
    public string Digits { get; }

    private ANumber(string digits) => Digits = digits;

    /// <summary>Formatted the way EOIR and ICE print it: A012-345-678.</summary>
    public string Display => $"A{Digits[..3]}-{Digits[3..6]}-{Digits[6..]}";

    public override string ToString() => Display;

    public static bool TryParse(string? text, [NotNullWhen(true)] out ANumber? value, out Sentence? error)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = Sentence.Of($"A-number is empty.");
            return false;
        }

        Span<char> digits = stackalloc char[16];
        var count = 0;
        var trimmed = text.Trim();
        var start = 0;
        if (trimmed[0] is 'A' or 'a')
        {
            start = 1;
        }

        for (var i = start; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c is '-' or ' ' or '.' or '#')
            {
                continue;
            }

            if (c is < '0' or > '9')
            {
                error = Sentence.Of($"A-number \"{text}\" contains \"{c}\"; expected A followed by 8 or 9 digits.");
                return false;
            }

            if (count == digits.Length)
            {
                error = Sentence.Of($"A-number \"{text}\" has too many digits; expected 8 or 9.");
                return false;
            }

            digits[count++] = c;
        }

        if (count is not (8 or 9))
        {
            error = Sentence.Of($"A-number \"{text}\" has {count} digits; expected 8 or 9.");
            return false;
        }

        var nine = count == 8 ? "0" + new string(digits[..count]) : new string(digits[..count]);
        if (nine == "000000000")
        {
            error = Sentence.Of($"A-number \"{text}\" is all zeros.");
            return false;
        }

        value = new ANumber(nine);
        error = null;
        return true;
    }

    public static ANumber Parse(string text) =>
        TryParse(text, out var value, out var error) ? value.Value : throw new FormatException(error!.ToString());

    /// <summary>Accepts the stored 9-digit form only (for values read back from the database).</summary>
    /// <summary>The display form of a stored A-number, or null when the person has none.</summary>
    public static string? DisplayOf(string? stored) => stored is null ? null : FromStored(stored).Display;

    public static ANumber FromStored(string nineDigits) =>
        nineDigits.Length == 9 && nineDigits.All(char.IsAsciiDigit)
            ? new ANumber(nineDigits)
            : throw new FormatException($"Stored A-number \"{nineDigits}\" is not 9 digits.");
}
