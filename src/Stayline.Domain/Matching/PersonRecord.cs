using Stayline.Domain.People;

namespace Stayline.Domain.Matching;

/// <summary>One source row about a person, as the linker sees it. The name is parsed once, here.</summary>
public sealed class PersonRecord
{
    /// <summary>How many people the records are: records that share an id are one person under other names (the
    /// aliases an import links against), so they do not make a partner look rarer.</summary>
    public static int PeopleIn(IReadOnlyList<PersonRecord> records)
    {
        var ids = new HashSet<string>(records.Count, StringComparer.Ordinal);
        foreach (var r in records)
        {
            ids.Add(r.Id);
        }

        return ids.Count;
    }

    public PersonRecord(string id, string? givenName, string? familyName, BirthDate birthDate, ANumber? aNumber, string? country)
    {
        Id = id;
        GivenName = givenName?.Trim() ?? string.Empty;
        FamilyName = familyName?.Trim() ?? string.Empty;
        BirthDate = birthDate;
        ANumber = aNumber;
        Country = NormaliseCountry(country);
        Given = ParsedName.Parse(GivenName);
        Family = ParsedName.Parse(FamilyName);
        Name = ParsedName.Combine(Given, Family);
    }

    public string Id { get; }

    /// <summary>City, e-mail, phone, place of birth, parents' names when the list has them; null when it has none.</summary>
    public PersonExtras? Extras { get; init; }

    public string GivenName { get; }

    public string FamilyName { get; }

    public BirthDate BirthDate { get; }

    public ANumber? ANumber { get; }

    /// <summary>Upper-case letters only ("Iraq", "IRAQ " and "iraq." agree); empty when unknown.</summary>
    public string Country { get; }

    /// <summary>Given and family name together, for order-robust comparison.</summary>
    public ParsedName Name { get; }

    public ParsedName Given { get; }

    public ParsedName Family { get; }

    private static string NormaliseCountry(string? country)
    {
        if (string.IsNullOrWhiteSpace(country))
        {
            return string.Empty;
        }

        Span<char> buffer = stackalloc char[Math.Min(country.Length, 64)];
        var n = 0;
        foreach (var c in country)
        {
            if (char.IsLetter(c) && n < buffer.Length)
            {
                buffer[n++] = char.ToUpperInvariant(c);
            }
        }

        return new string(buffer[..n]);
    }
}
