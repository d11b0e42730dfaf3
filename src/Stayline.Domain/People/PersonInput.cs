namespace Stayline.Domain.People;

public sealed record PersonInput(
    string? ANumber,
    string? GivenName,
    string? FamilyName,
    string? NativeName,
    DateOnly? BirthDate,
    BirthDatePrecision BirthDatePrecision,
    string? Citizenship,
    string? Languages,
    bool ConsentGiven,
    DateOnly? ConsentDate);
