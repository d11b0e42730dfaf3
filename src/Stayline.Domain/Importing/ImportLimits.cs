using System.Globalization;

namespace Stayline.Domain.Importing;

/// <summary>
/// What one row of a list may hold. A person's row is well under a kilobyte; the limits are far above any real
/// list and keep one bad or hostile file from taking the server's memory: a longer value is reported as an error
/// of its row and only its first characters are kept.
/// </summary>
public static class ImportLimits
{
    /// <summary>Characters of one value (a cell): Excel's own limit for a cell.</summary>
    public const int MaxValueChars = 32_767;

    /// <summary>Values in one row: Excel's number of columns.</summary>
    public const int MaxValues = 16_384;

    /// <summary>Characters of one row, all its values together.</summary>
    public const int MaxRowChars = 1 << 20;

    public static string ValueTooLong(int column) => string.Create(CultureInfo.InvariantCulture,
        $"The value in column {column} is longer than {MaxValueChars:N0} characters (the most a cell holds); an unclosed quote?");

    public static string TooManyValues() => string.Create(CultureInfo.InvariantCulture,
        $"The row has more than {MaxValues:N0} values (the most a sheet has columns).");

    public static string RowTooLong() => string.Create(CultureInfo.InvariantCulture,
        $"The row is longer than {MaxRowChars:N0} characters; only its start was read.");
}
