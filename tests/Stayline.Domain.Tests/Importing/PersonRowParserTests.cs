using Stayline.Domain.Importing;
using Stayline.Domain.People;

namespace Stayline.Domain.Tests.Importing;

public class PersonRowParserTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly FacilityCatalogue Facilities = new([(7, "Calhoun County Correctional Center"), (9, "St. Clair County Jail")]);

    [Theory]
    [InlineData("A-Number", ImportField.ANumber)]
    [InlineData("A#", ImportField.ANumber)]
    [InlineData("Alien Number", ImportField.ANumber)]
    [InlineData("LAST_NAME", ImportField.FamilyName)]
    [InlineData("Family name", ImportField.FamilyName)]
    [InlineData("Given", ImportField.GivenName)]
    [InlineData("Date of Birth", ImportField.BirthDate)]
    [InlineData("DOB", ImportField.BirthDate)]
    [InlineData("Country", ImportField.Citizenship)]
    [InlineData("Detention Facility", ImportField.Facility)]
    [InlineData("Shoe size", ImportField.Ignore)]
    [InlineData("Place of Birth", ImportField.BirthPlace)]
    [InlineData("Father's Name", ImportField.FatherName)]
    [InlineData("Mother", ImportField.MotherName)]
    [InlineData("City", ImportField.City)]
    [InlineData("E-mail", ImportField.Email)]
    [InlineData("Mobile", ImportField.Phone)]
    [InlineData("Phone", ImportField.Phone)]
    public void Resolve_CommonHeaders_MapToTheirField(string header, ImportField field) =>
        Assert.Equal(field, ColumnMapping.Resolve([header, "Name"], null).Fields[0]);

    [Fact]
    public void Resolve_TwoColumnsForOneField_IsAnError()
    {
        var mapping = ColumnMapping.Resolve(["Last Name", "Surname"], null);

        var error = Assert.Single(mapping.Errors);
        Assert.Contains("\"Last Name\" and \"Surname\" are both mapped to FamilyName", error.Message);
    }

    [Fact]
    public void Parse_Particulars_AreReadAndATooLongOneNamesItsColumn()
    {
        var mapping = ColumnMapping.Resolve(["Last Name", "First Name", "Place of birth", "Father's name", "Mother's name", "City", "Email", "Mobile"], null);
        var errors = new List<ImportError>();

        var person = PersonRowParser.Parse(2, mapping, ["Kassab", "Yousif", "Tel Keppe", " Hanna ", "", "Sterling Heights", "y.kassab@example.org", "+1 586 555 0100"],
            Facilities, Today, errors);
        var tooLong = PersonRowParser.Parse(3, mapping, ["Kassab", "Sami", "", new string('x', 201), "", "", "", ""], Facilities, Today, errors);

        Assert.NotNull(person);
        Assert.Equal(("Tel Keppe", "Hanna", (string?)null, "Sterling Heights", "y.kassab@example.org", "+1 586 555 0100"),
            (person.Input.BirthPlace, person.Input.FatherName, person.Input.MotherName, person.Input.City, person.Input.Email, person.Input.Phone));
        Assert.Null(tooLong);
        var error = Assert.Single(errors);
        Assert.Equal((3, "Father's name"), (error.Row, error.Column));
        Assert.Contains("Father's name is longer than 200 characters", error.Message);
    }

    [Theory]
    [InlineData("KASSAB, Yousif Hanna", "Yousif Hanna", "KASSAB")]
    [InlineData("Yousif Hanna Kassab", "Yousif Hanna", "Kassab")]
    [InlineData("Kassab", null, "Kassab")]
    public void SplitFullName_CommaOrLastWord(string full, string? given, string family) =>
        Assert.Equal((given, family), PersonRowParser.SplitFullName(full));

    [Theory]
    [InlineData("A 012-345-678", "1971-03-02", "st clair county jail", "A012-345-678", "1971-03-02", BirthDatePrecision.Exact, 9L)]
    [InlineData("12345678", "03/14/1971", "", "A012-345-678", "1971-03-14", BirthDatePrecision.Exact, null)]
    [InlineData("", "14.03.1971", "CALHOUN COUNTY CORRECTIONAL CENTER", null, "1971-03-14", BirthDatePrecision.Exact, 7L)]
    [InlineData("", "1971", "", null, "1971-01-01", BirthDatePrecision.YearOnly, null)]
    [InlineData("", "01/01/1971", "", null, "1971-01-01", BirthDatePrecision.SuspectedPlaceholder, null)]
    public void Parse_GoodRow_GivesTheInput(string a, string dob, string facility, string? aNumber, string birth, BirthDatePrecision precision, long? facilityId)
    {
        var mapping = ColumnMapping.Resolve(["A-Number", "Last Name", "First Name", "DOB", "Facility"], null);
        var errors = new List<ImportError>();

        var person = PersonRowParser.Parse(2, mapping, [a, "Kassab", "Yousif", dob, facility], Facilities, Today, errors);

        Assert.Empty(errors);
        Assert.NotNull(person);
        Assert.Equal(aNumber, person.Input.ANumber);
        Assert.Equal(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), person.Input.BirthDate);
        Assert.Equal(precision, BirthDates.Infer(person.Input.BirthDate, person.Input.BirthDatePrecision));
        Assert.Equal(facilityId, person.FacilityId);
    }

    [Fact]
    public void Parse_FacilityNotInTheCatalogue_HoldsTheRowInsteadOfAnError()
    {
        var mapping = ColumnMapping.Resolve(["A-Number", "Last Name", "First Name", "DOB", "Facility"], null);
        var errors = new List<ImportError>();

        var person = PersonRowParser.Parse(5, mapping, ["A012345678", "Kassab", "Yousif", "1971-03-02", "Nowhere Jail"], Facilities, Today, errors);

        Assert.Empty(errors);
        Assert.Equal(("Nowhere Jail", (long?)null), (person!.HeldFacility, person.FacilityId));
    }

    [Theory]
    [InlineData("A12", "1971-03-02", "", "A-Number", "A12", "has 2 digits")]
    [InlineData("", "31/31/1971", "", "DOB", "31/31/1971", "not a")]
    [InlineData("", "2027-01-01", "", "DOB", "2027-01-01", "in the future")]
    public void Parse_BadValue_NamesRowColumnAndValue(string a, string dob, string facility, string column, string value, string message)
    {
        var mapping = ColumnMapping.Resolve(["A-Number", "Last Name", "First Name", "DOB", "Facility"], null);
        var errors = new List<ImportError>();

        var person = PersonRowParser.Parse(5, mapping, [a, "Kassab", "Yousif", dob, facility], Facilities, Today, errors);

        Assert.Null(person);
        var error = Assert.Single(errors);
        Assert.Equal((5, column, value), (error.Row, error.Column, error.Value));
        Assert.Contains(message, error.Message);
        Assert.StartsWith($"row 5, column \"{column}\", value \"{value}\"", error.ToString());
    }

    /// <summary>A row with several wrong values names each of them in the one preview (a wrong A-number had hidden the rest).</summary>
    [Theory]
    [InlineData("A12", "2031-05-05", "Kassab", new[] { "A-Number", "DOB" })]
    [InlineData("A12", "1890-06-06", "Kassab", new[] { "A-Number", "DOB" })]
    [InlineData("A12", "31/31/1971", "", new[] { "A-Number", "DOB", "Last Name" })]
    [InlineData("A012345678", "2031-05-05", "", new[] { "DOB", "Last Name" })]
    public void Parse_SeveralBadValues_EachNamed(string a, string dob, string family, string[] columns)
    {
        var mapping = ColumnMapping.Resolve(["A-Number", "Last Name", "First Name", "DOB"], null);
        var errors = new List<ImportError>();

        var person = PersonRowParser.Parse(4, mapping, [a, family, family.Length == 0 ? "" : "Dina", dob], Facilities, Today, errors);

        Assert.Null(person);
        Assert.Equal(columns.Order(), errors.Select(e => e.Column!).Order());
        Assert.All(errors, e => Assert.Equal(4, e.Row));
    }
}
