using Stayline.Domain.Custody;
using Stayline.Domain.Importing;

namespace Stayline.Domain.Tests.Custody;

public class FacilityNamesTests
{
    [Theory]
    [InlineData("Northwest ICE Processing Center (NWIPC)")]
    [InlineData("NORTHWEST DETENTION CENTER")]
    [InlineData("nwdc-tac")]
    public void TryFind_NameAliasOrIceCode_FindsTheFacility(string listed)
    {
        // As the import builds its catalogue: every name a government list may use, the catalogue's own name first.
        var names = Facility.NamesOf("Northwest ICE Processing Center (NWIPC)", "Northwest Detention Center\nTacoma ICE Processing Center", "NWDC-TAC");
        var catalogue = new FacilityCatalogue(names.Select(n => (7L, n)));

        Assert.True(catalogue.TryFind(listed, out var id));
        Assert.Equal(7L, id);
    }

    [Theory]
    [InlineData("MI", "E.D. Mich.|W.D. Mich.", "6th")]
    [InlineData("NY", "N.D.N.Y.|S.D.N.Y.|E.D.N.Y.|W.D.N.Y.", "2d")]
    [InlineData("NJ", "D.N.J.", "3d")]
    [InlineData("DC", "D.D.C.", "D.C.")]
    [InlineData("MP", "D.N. Mar. I.", "9th")]
    public void OfState_DistrictsAndCircuit_InBluebookForm(string state, string districts, string circuit)
    {
        Assert.Equal(districts.Split('|'), FederalDistricts.OfState(state).Select(d => d.Name));
        Assert.Equal(circuit, FederalDistricts.CircuitOf(state));
    }

    [Fact]
    public void All_NinetyFourDistrictCourts() => Assert.Equal(94, FederalDistricts.All.Count);

    [Theory]
    [InlineData("ED Mich", "E.D. Mich.")]
    [InlineData("s.d.n.y.", "S.D.N.Y.")]
    [InlineData("D.N.J", "D.N.J.")]
    public void FindLoose_WithoutBluebookSpacing_FindsTheDistrict(string written, string district) =>
        Assert.Equal(district, FederalDistricts.FindLoose(written)?.Name);
}
