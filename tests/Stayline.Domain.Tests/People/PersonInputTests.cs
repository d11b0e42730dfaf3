using Stayline.Domain.People;

namespace Stayline.Domain.Tests.People;

/// <summary>The one "fill the blanks" rule of imports, review decisions and merges, worked case by case.</summary>
public class PersonInputTests
{
    private static PersonInput Of(DateOnly? born = null, BirthDatePrecision precision = BirthDatePrecision.Exact, string? aNumber = null,
        string? father = null, string? phone = null, bool consent = false, DateOnly? consentOn = null) =>
        new(aNumber, "Yousif", "Kassab", null, born, born is null ? BirthDatePrecision.Unknown : precision, null, null, consent, consentOn,
            FatherName: father, Phone: phone);

    public static TheoryData<string, PersonInput, PersonInput, PersonInput> Cases() => new()
    {
        {
            "blanks filled from the other record",
            Of(),
            Of(new DateOnly(1971, 3, 2), aNumber: "A012345678", father: "Hanna", phone: "586 555 0100"),
            Of(new DateOnly(1971, 3, 2), aNumber: "A012345678", father: "Hanna", phone: "586 555 0100")
        },
        {
            "what the person's record says is never overwritten",
            Of(new DateOnly(1971, 3, 2), aNumber: "A012345678", father: "Hanna"),
            Of(new DateOnly(1971, 4, 2), aNumber: "A099999999", father: "Yousif", phone: "586 555 0100"),
            Of(new DateOnly(1971, 3, 2), aNumber: "A012345678", father: "Hanna", phone: "586 555 0100")
        },
        {
            "a year-only date gives way to an exact day of that year",
            Of(new DateOnly(1971, 1, 1), BirthDatePrecision.YearOnly),
            Of(new DateOnly(1971, 3, 2)),
            Of(new DateOnly(1971, 3, 2))
        },
        {
            "a 1 January placeholder gives way to an exact day of that year",
            Of(new DateOnly(1966, 1, 1), BirthDatePrecision.SuspectedPlaceholder),
            Of(new DateOnly(1966, 8, 14)),
            Of(new DateOnly(1966, 8, 14))
        },
        {
            "but not to a day of another year",
            Of(new DateOnly(1966, 1, 1), BirthDatePrecision.YearOnly),
            Of(new DateOnly(1967, 8, 14)),
            Of(new DateOnly(1966, 1, 1), BirthDatePrecision.YearOnly)
        },
        {
            "the same day again keeps the record's precision (nothing changes)",
            Of(new DateOnly(1966, 1, 1), BirthDatePrecision.SuspectedPlaceholder),
            Of(new DateOnly(1966, 1, 1)),
            Of(new DateOnly(1966, 1, 1), BirthDatePrecision.SuspectedPlaceholder)
        },
        {
            "a year-only date from the other record does not replace an exact one",
            Of(new DateOnly(1971, 3, 2)),
            Of(new DateOnly(1971, 1, 1), BirthDatePrecision.YearOnly),
            Of(new DateOnly(1971, 3, 2))
        },
        {
            "consent given on the other record is kept with its date",
            Of(),
            Of(consent: true, consentOn: new DateOnly(2017, 6, 20)),
            Of(consent: true, consentOn: new DateOnly(2017, 6, 20))
        },
        {
            "consent given here keeps its own date",
            Of(consent: true, consentOn: new DateOnly(2017, 6, 20)),
            Of(consent: true, consentOn: new DateOnly(2017, 7, 1)),
            Of(consent: true, consentOn: new DateOnly(2017, 6, 20))
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void WithBlanksFilledFrom_KeepsWhatIsKnownAndFillsWhatIsNot(string because, PersonInput person, PersonInput other, PersonInput expected)
    {
        Assert.True(expected == person.WithBlanksFilledFrom(other), because);
    }
}
