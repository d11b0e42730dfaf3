using System.Globalization;
using System.Text;

namespace Stayline.Domain.Matching;

/// <summary>Optional fields a list may carry besides name, birth date, A-number and country (issue 13, item 4).</summary>
public enum ExtraField
{
    City,
    Email,
    Phone,
    BirthPlace,
    FatherName,
    MotherName,
}

/// <summary>Agreement of one optional field; <see cref="Missing"/> when either record lacks it (adds no weight).</summary>
public enum ExtraLevel
{
    Exact,
    /// <summary>A typing or transliteration difference: Bagdad/Baghdad, robert255@/roberta25@, one phone digit.</summary>
    Close,
    Different,
    Missing,
}

/// <summary>
/// The optional fields of one record, normalised once. Every field may be empty; an empty field is missing,
/// never a disagreement.
/// </summary>
public sealed class PersonExtras
{
    public const int FieldCount = 6;

    /// <summary>Longest value kept per field: a field is a place, an address or a name, not a document.</summary>
    public const int MaxLength = 200;

    public PersonExtras(string? city = null, string? email = null, string? phone = null, string? birthPlace = null, string? fatherName = null, string? motherName = null)
    {
        City = ParsedName.Parse(Clip(city));
        Email = NormaliseEmail(email);
        Phone = NormalisePhone(phone);
        BirthPlace = ParsedName.Parse(Clip(birthPlace));
        FatherName = ParsedName.Parse(Clip(fatherName));
        MotherName = ParsedName.Parse(Clip(motherName));
    }

    public ParsedName City { get; }

    /// <summary>Lower case, trimmed; empty when the value has no '@'.</summary>
    public string Email { get; }

    /// <summary>The last 9 digits (country codes and trunk prefixes vary between lists); empty below 6 digits.</summary>
    public string Phone { get; }

    public ParsedName BirthPlace { get; }

    public ParsedName FatherName { get; }

    public ParsedName MotherName { get; }

    public bool IsEmpty => City.Tokens.Count == 0 && Email.Length == 0 && Phone.Length == 0 && BirthPlace.Tokens.Count == 0
        && FatherName.Tokens.Count == 0 && MotherName.Tokens.Count == 0;

    public static ExtraLevel Compare(ExtraField field, PersonExtras? a, PersonExtras? b)
    {
        if (a is null || b is null)
        {
            return ExtraLevel.Missing;
        }

        return field switch
        {
            ExtraField.City => ComparePlaces(a.City, b.City),
            ExtraField.BirthPlace => ComparePlaces(a.BirthPlace, b.BirthPlace),
            ExtraField.Email => CompareEmails(a.Email, b.Email),
            ExtraField.Phone => ComparePhones(a.Phone, b.Phone),
            ExtraField.FatherName => ComparePersonNames(a.FatherName, b.FatherName),
            ExtraField.MotherName => ComparePersonNames(a.MotherName, b.MotherName),
            _ => ExtraLevel.Missing,
        };
    }

    private static string? Clip(string? s) => s is { Length: > MaxLength } ? s[..MaxLength] : s;

    // Places are names too: the transliteration rules that make Bagdad and Baghdad, Mosul and Mawsil one word apply.
    private static ExtraLevel ComparePlaces(ParsedName a, ParsedName b)
    {
        if (a.Tokens.Count == 0 || b.Tokens.Count == 0)
        {
            return ExtraLevel.Missing;
        }

        var c = NameComparer.Compare(a, b);
        return c.Score >= 0.99 ? ExtraLevel.Exact : c.Score >= 0.8 ? ExtraLevel.Close : ExtraLevel.Different;
    }

    // A parent's name: the same name written two ways is Close; one that conflicts (another word in its place) is Different.
    private static ExtraLevel ComparePersonNames(ParsedName a, ParsedName b)
    {
        if (a.Tokens.Count == 0 || b.Tokens.Count == 0)
        {
            return ExtraLevel.Missing;
        }

        var c = NameComparer.Compare(a, b, partial: true);
        return c.Conflicting > 0 ? ExtraLevel.Different : c.Agreement >= 0.99 ? ExtraLevel.Exact : c.Agreement >= 0.8 ? ExtraLevel.Close : ExtraLevel.Different;
    }

    private static ExtraLevel CompareEmails(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return ExtraLevel.Missing;
        }

        if (a == b)
        {
            return ExtraLevel.Exact;
        }

        var at = a.IndexOf('@', StringComparison.Ordinal);
        var bt = b.IndexOf('@', StringComparison.Ordinal);
        var sameLocal = a.AsSpan(0, at).SequenceEqual(b.AsSpan(0, bt));
        var sameDomain = a.AsSpan(at).SequenceEqual(b.AsSpan(bt));

        // One mailbox re-typed: the same local part at another provider, or two typing errors in the local part.
        return sameLocal || (sameDomain && EditDistanceAtMost(a.AsSpan(0, at), b.AsSpan(0, bt), 2)) ? ExtraLevel.Close : ExtraLevel.Different;
    }

    private static ExtraLevel ComparePhones(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return ExtraLevel.Missing;
        }

        if (a == b)
        {
            return ExtraLevel.Exact;
        }

        return a.Length == b.Length && EditDistanceAtMost(a, b, 1) ? ExtraLevel.Close : ExtraLevel.Different;
    }

    /// <summary>Damerau-Levenshtein (adjacent swaps count 1) distance at most <paramref name="max"/>; inputs are short.</summary>
    public static bool EditDistanceAtMost(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max || a.Length > 64 || b.Length > 64)
        {
            return false;
        }

        Span<int> prev2 = stackalloc int[b.Length + 1];
        Span<int> prev = stackalloc int[b.Length + 1];
        Span<int> cur = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, prev2[j - 2] + 1);
                }

                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > max)
            {
                return false;
            }

            var t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }

        return prev[b.Length] <= max;
    }

    private static string NormaliseEmail(string? email)
    {
        var s = Clip(email)?.Trim().ToLowerInvariant() ?? string.Empty;
        var at = s.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < s.Length - 1 ? s : string.Empty;
    }

    private static string NormalisePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return string.Empty;
        }

        var digits = new StringBuilder(16);
        foreach (var c in Clip(phone)!)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (char.IsDigit(c))
            {
                // Arabic-Indic digits (٠١٢...) as written on an Iraqi form.
                digits.Append((char)('0' + (int)char.GetNumericValue(c)));
            }
        }

        if (digits.Length < 6)
        {
            return string.Empty;
        }

        var s = digits.ToString();
        return s.Length > 9 ? s[^9..] : s.ToString(CultureInfo.InvariantCulture);
    }
}
