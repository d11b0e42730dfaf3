using Stayline.Domain.Board;

namespace Stayline.Domain.Tests.Board;

public class VolunteersTests
{
    private static BarAdmission District(string d) => BarAdmission.Create("u", AdmissionKind.FederalDistrict, d, null, null).Admission!;

    private static CasePost Post(string languages = "Arabic") =>
        new(1, 1, "E.D. Mich.", 7, CaseNeeds.Habeas, languages, DateTimeOffset.UnixEpoch, null, "coordinator");

    private static Volunteer V(string name, int? capacity, int load, string languages, params string[] districts) =>
        new(name, name, districts.Select(District).ToList(), Languages.Split(languages), capacity, load);

    [Fact]
    public void RefusalFor_StateBarOnlyOrOtherDistrict_NamesTheDistrict()
    {
        var stateOnly = new Volunteer("a", "A", [BarAdmission.Create("a", AdmissionKind.StateBar, "MI", "P1", null).Admission!], [], 5, 0);
        Assert.Equal("You are not admitted to the U.S. District Court for the E.D. Mich.; add that admission to your profile if you have it.",
            Volunteers.RefusalFor(stateOnly, Post()));
        Assert.NotNull(Volunteers.RefusalFor(V("b", 5, 0, "", "W.D. Mich."), Post()));
        Assert.Null(Volunteers.RefusalFor(V("c", 5, 4, "", "ED Mich"), Post()));
    }

    [Fact]
    public void RefusalFor_AtOrWithoutCapacity_SaysSo()
    {
        Assert.Equal("You are at capacity: 3 open cases of 3.", Volunteers.RefusalFor(V("a", 3, 3, "", "E.D. Mich."), Post()));
        Assert.StartsWith("Your profile has no capacity", Volunteers.RefusalFor(V("a", null, 0, "", "E.D. Mich."), Post()), StringComparison.Ordinal);
    }

    [Fact]
    public void Suggest_RanksAdmittedWithRoom_ByLanguageThenSpareThenLoad()
    {
        var people = new[]
        {
            V("NotAdmitted", 50, 0, "Arabic", "W.D. Mich."),
            V("Full", 2, 2, "Arabic", "E.D. Mich."),
            V("NoCapacity", null, 0, "Arabic", "E.D. Mich."),
            V("Roomy", 30, 1, "English", "E.D. Mich."),
            V("ArabicBusy", 5, 4, "Arabic", "E.D. Mich."),
            V("ArabicFree", 5, 1, "arabic, English", "E.D. Mich."),
            V("BothLanguages", 3, 2, "Arabic; Chaldean Neo-Aramaic", "E.D. Mich."),
            V("RoomyTwin", 31, 2, "English", "E.D. Mich."),
        };

        var ranked = Volunteers.Suggest(Post("Arabic, Chaldean Neo-Aramaic"), people).Select(s => s.Volunteer.Name);

        Assert.Equal(["BothLanguages", "ArabicFree", "ArabicBusy", "Roomy", "RoomyTwin"], ranked);
    }

    [Fact]
    public void ForSignature_PutsThePetitionsDistrictFirst_ThenCourts_ThenStateBars()
    {
        var all = new[]
        {
            BarAdmission.Create("u", AdmissionKind.StateBar, "mi", "P81234", new DateOnly(2009, 1, 1)).Admission!,
            BarAdmission.Create("u", AdmissionKind.FederalDistrict, "E.D. Mich.", null, new DateOnly(2010, 1, 1)).Admission!,
            BarAdmission.Create("u", AdmissionKind.FederalDistrict, "S.D.N.Y.", null, new DateOnly(2012, 1, 1)).Admission!,
        };

        Assert.Equal(["S.D.N.Y.", "E.D. Mich.", "MI"], Volunteers.ForSignature(all, "S.D.N.Y.").Select(a => a.Jurisdiction));
        Assert.Equal(["E.D. Mich.", "S.D.N.Y.", "MI"], Volunteers.ForSignature(all, null).Select(a => a.Jurisdiction));
    }

    [Theory]
    [InlineData(AdmissionKind.StateBar, "Michigan", "P1", "\"Michigan\" is not a two-letter state")]
    [InlineData(AdmissionKind.FederalDistrict, "E.D. Narnia", null, "\"E.D. Narnia\" is not a federal district")]
    [InlineData(AdmissionKind.StateBar, "MI", null, "needs its bar number")]
    public void Create_BadInput_NamesTheValue(AdmissionKind kind, string jurisdiction, string? number, string expected)
    {
        var (admission, errors) = BarAdmission.Create("u", kind, jurisdiction, number, null, 4);
        Assert.Null(admission);
        Assert.Contains(errors, e => e.Message.StartsWith("Admission 4: ", StringComparison.Ordinal) && e.Message.Contains(expected, StringComparison.Ordinal));
    }
}
