namespace Stayline.Domain.People;

/// <summary>
/// A person's own fields as a form, an import row or the API gives them. The last six are optional particulars that
/// identify someone on a list beside name and birth date (issue 13 item 4): place of birth, the father's and mother's
/// names (Iraqi and many other documents give them), the city they live in, an e-mail address and a phone number.
/// </summary>
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
    DateOnly? ConsentDate,
    string? BirthPlace = null,
    string? FatherName = null,
    string? MotherName = null,
    string? City = null,
    string? Email = null,
    string? Phone = null)
{
    /// <summary>
    /// This input with the blanks filled from another record of the same person (an import row, a merged duplicate):
    /// a value already here is never overwritten, whatever the other says; a birth date known only to the year (or a
    /// 1 January placeholder) gives way to an exact date of the same year; consent given on either side stays given.
    /// The one rule for imports, review decisions and merges.
    /// </summary>
    public PersonInput WithBlanksFilledFrom(PersonInput other)
    {
        var betterDate = BirthDate is null
            || BirthDatePrecision != BirthDatePrecision.Exact && other.BirthDatePrecision == BirthDatePrecision.Exact && other.BirthDate?.Year == BirthDate?.Year;
        // The same day again changes nothing (its precision stays as the person's record has it).
        var takeDate = betterDate && other.BirthDate is not null && other.BirthDate != BirthDate;
        return this with
        {
            ANumber = ANumber ?? other.ANumber,
            NativeName = NativeName ?? other.NativeName,
            BirthDate = takeDate ? other.BirthDate : BirthDate,
            BirthDatePrecision = takeDate ? other.BirthDatePrecision : BirthDatePrecision,
            Citizenship = Citizenship ?? other.Citizenship,
            Languages = Languages ?? other.Languages,
            ConsentGiven = ConsentGiven || other.ConsentGiven,
            ConsentDate = ConsentGiven ? ConsentDate : other.ConsentDate,
            BirthPlace = BirthPlace ?? other.BirthPlace,
            FatherName = FatherName ?? other.FatherName,
            MotherName = MotherName ?? other.MotherName,
            City = City ?? other.City,
            Email = Email ?? other.Email,
            Phone = Phone ?? other.Phone,
        };
    }
}
