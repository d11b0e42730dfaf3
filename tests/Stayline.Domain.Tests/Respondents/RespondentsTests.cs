using Stayline.Domain.Custody;
using Stayline.Domain.Respondents;

namespace Stayline.Domain.Tests.Respondents;

public class RespondentsTests
{
    private static readonly Facility Calhoun = Facility.Create(new FacilityInput("Calhoun County Correctional Center", "Detroit Field Office",
        "185 E. Michigan Street", "Battle Creek", "MI", "49014", "W.D. Mich.", null, "test")).Facility!;

    private static OfficeHolder Term(Office office, string name, string from, string? to, long? facilityId = null, string? fieldOffice = null, string? title = null) =>
        OfficeHolder.Create(new OfficeHolderInput(office, name, title, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), facilityId, fieldOffice)).Holder!;

    // The shipped table's shape: a term's last day is its successor's first.
    private static readonly OfficeHolder[] Secretaries =
    [
        Term(Office.HomelandSecuritySecretary, "John F. Kelly", "2017-01-20", "2017-07-31"),
        Term(Office.HomelandSecuritySecretary, "Elaine C. Duke", "2017-07-31", "2017-12-06", title: "Acting Secretary of Homeland Security"),
        Term(Office.HomelandSecuritySecretary, "Kirstjen M. Nielsen", "2017-12-06", null),
    ];

    [Theory]
    [InlineData("2017-07-30", "John F. Kelly, Secretary of Homeland Security")]
    [InlineData("2017-07-31", "Elaine C. Duke, Acting Secretary of Homeland Security")] // the day of the change names the successor
    [InlineData("2017-08-01", "Elaine C. Duke, Acting Secretary of Homeland Security")]
    [InlineData("2017-12-05", "Elaine C. Duke, Acting Secretary of Homeland Security")]
    [InlineData("2017-12-06", "Kirstjen M. Nielsen, Secretary of Homeland Security")]
    [InlineData("2031-01-01", "Kirstjen M. Nielsen, Secretary of Homeland Security")] // open term: still in office
    [InlineData("2017-01-19", null)]                                                  // before any recorded term
    public void For_Date_NamesWhoHeldTheOfficeThatDay(string on, string? expected)
    {
        var set = Stayline.Domain.Respondents.Respondents.For(Calhoun, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), Secretaries, []);

        Assert.Equal(expected, set.Of(Office.HomelandSecuritySecretary)!.Caption);
    }

    [Fact]
    public void For_WardenOfAnotherFacilityOrEndedTerm_IsNotNamedAndTheGapSaysWhatIsMissing()
    {
        var holders = new[]
        {
            Term(Office.Warden, "Other Warden", "2017-01-01", null, facilityId: Calhoun.Id + 1),
            Term(Office.Warden, "Jane Doe", "2016-01-01", "2017-05-31", facilityId: Calhoun.Id),
        };

        var set = Stayline.Domain.Respondents.Respondents.For(Calhoun, new DateOnly(2017, 6, 11), holders, []);

        var warden = set.Of(Office.Warden)!;
        Assert.Null(warden.Caption);
        Assert.Equal("name of the warden or administrator of Calhoun County Correctional Center", warden.Missing);
    }

    [Fact]
    public void For_FieldOfficeDirector_MatchesTheFacilitysFieldOfficeIgnoringCase()
    {
        var holders = new[]
        {
            Term(Office.FieldOfficeDirector, "Rebecca Adducci", "2013-01-01", null, fieldOffice: "detroit field office"),
            Term(Office.FieldOfficeDirector, "Someone Else", "2013-01-01", null, fieldOffice: "Chicago Field Office"),
        };

        var set = Stayline.Domain.Respondents.Respondents.For(Calhoun, new DateOnly(2017, 6, 11), holders, []);

        Assert.Equal("Rebecca Adducci, Field Office Director", set.Of(Office.FieldOfficeDirector)!.Caption);
    }

    [Fact]
    public void For_OverlappingTerms_NamesTheLaterStart()
    {
        var holders = new[]
        {
            Term(Office.Warden, "Old Warden", "2010-01-01", null, facilityId: Calhoun.Id),
            Term(Office.Warden, "New Warden", "2017-03-01", null, facilityId: Calhoun.Id, title: "Facility Administrator"),
        };

        var set = Stayline.Domain.Respondents.Respondents.For(Calhoun, new DateOnly(2017, 6, 11), holders, []);

        Assert.Equal("New Warden, Facility Administrator", set.Of(Office.Warden)!.Caption);
    }

    [Fact]
    public void For_DistrictRule_WinsOverTheDefault_AndNoRuleNamesEveryOffice()
    {
        var custodianOnly = RespondentRule.Create("W.D. Mich.", false, false, false, "judge's standing order").Rule!;
        var everyone = RespondentRule.Create("*", true, true, true, "default").Rule!;
        var elsewhere = RespondentRule.Create("D.N.J.", false, false, false, "not this district").Rule!;
        var day = new DateOnly(2017, 6, 11);

        Assert.Equal([Office.Warden], Offices(Stayline.Domain.Respondents.Respondents.For(Calhoun, day, [], [everyone, custodianOnly])));
        Assert.Equal(4, Offices(Stayline.Domain.Respondents.Respondents.For(Calhoun, day, [], [everyone, elsewhere])).Count);
        Assert.Equal(4, Offices(Stayline.Domain.Respondents.Respondents.For(Calhoun, day, [], [])).Count);
        Assert.Equal("judge's standing order", Stayline.Domain.Respondents.Respondents.For(Calhoun, day, [], [everyone, custodianOnly]).Rule!.Source);
    }

    [Theory]
    [InlineData("ED Mich", "E.D. Mich.")]
    [InlineData("*", "*")]
    public void RuleCreate_District_IsWrittenInBluebookForm(string typed, string stored) =>
        Assert.Equal(stored, RespondentRule.Create(typed, true, true, true, null).Rule!.District);

    [Fact]
    public void RuleCreate_UnknownDistrict_NamesTheValue()
    {
        var (rule, errors) = RespondentRule.Create("E.D. Narnia", true, true, true, null);

        Assert.Null(rule);
        Assert.Contains("\"E.D. Narnia\" is not a federal district", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Office.Warden, "Jane", "2017-01-01", null, null, null, "FacilityId")]
    [InlineData(Office.FieldOfficeDirector, "Jane", "2017-01-01", null, null, " ", "FieldOffice")]
    [InlineData(Office.AttorneyGeneral, " ", "2017-01-01", null, null, null, "Name")]
    [InlineData(Office.AttorneyGeneral, "Jane", null, null, null, null, "From")]
    [InlineData(Office.AttorneyGeneral, "Jane", "2017-01-02", "2017-01-01", null, null, "To")]
    public void TermCreate_BadInput_NamesTheField(Office office, string name, string? from, string? to, long? facilityId, string? fieldOffice, string field)
    {
        static DateOnly? Day(string? s) => s is null ? null : DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var (holder, errors) = OfficeHolder.Create(new OfficeHolderInput(office, name, null, Day(from), Day(to), facilityId, fieldOffice));

        Assert.Null(holder);
        Assert.Equal(field, Assert.Single(errors).Field);
    }

    private static List<Office> Offices(RespondentSet set) => set.Named.Select(r => r.Office).ToList();
}
