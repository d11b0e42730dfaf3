namespace Stayline.Domain.People;

/// <summary>Another spelling of a person's name (from a list, a court record, the family).</summary>
public sealed class PersonName
{
    public long Id { get; private set; }
    public long PersonId { get; private set; }
    public string GivenName { get; private set; }
    public string FamilyName { get; private set; }
    public string? Source { get; private set; }

    internal PersonName(string givenName, string familyName, string? source)
    {
        GivenName = givenName;
        FamilyName = familyName;
        Source = source;
    }

    public string FullName => $"{GivenName} {FamilyName}".Trim();
}
