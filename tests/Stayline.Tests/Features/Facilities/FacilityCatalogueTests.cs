using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Custody;
using Stayline.Features.Facilities;
using Stayline.Tests.Features.People;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Facilities;

public class FacilityCatalogueTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListFacilities_SeededCatalogue_RoutesEveryFacilityThroughTheCountyTable(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var list = (await app.Api("viewer").GetFromJsonAsync<List<FacilityDto>>("/api/v1/facilities", PeopleApiTests.Json))!;

        Assert.Equal(117, list.Count);
        FacilityDto F(string name, string? state = null) => list.Single(f => f.Name == name && (state is null || f.State == state));
        Assert.Equal(("Calhoun", "W.D. Mich.", "Southern Division", "6th", "Detroit Field Office"), Row(F("Calhoun County Correctional Center")));
        Assert.Equal(("Monroe", "E.D. Mich.", "Southern Division", "6th", "Detroit Field Office"), Row(F("Monroe County Jail")));
        Assert.Equal(("Chippewa", "W.D. Mich.", "Northern Division", "6th", "Detroit Field Office"), Row(F("Chippewa County Correctional Facility")));
        Assert.Equal(("Kings", "E.D.N.Y.", null, "2d", "New York City Field Office"), Row(F("MDC Brooklyn")));
        Assert.Equal(("Essex", "D.N.J.", null, "3d", "Newark Field Office"), Row(F("Delaney Hall Detention Facility")));
        Assert.Equal(("Philadelphia", "E.D. Pa.", null, "3d", "Philadelphia Field Office"), Row(F("FDC Philadelphia")));
        Assert.Equal(("Stewart", "M.D. Ga.", "Columbus Division", "11th", "Atlanta Field Office"), Row(F("Stewart Detention Center")));
        Assert.Equal(("Pinal", "D. Ariz.", null, "9th", "Phoenix Field Office"), Row(F("Eloy Detention Center")));
        Assert.Equal(("Miami-Dade", "S.D. Fla.", null, "11th", "Miami Field Office"), Row(F("Krome North Service Processing Center")));
        Assert.Equal(("Phelps", "E.D. Mo.", "Eastern Division", "8th", "Chicago Field Office"), Row(F("Phelps County Jail", "MO")));
        Assert.Equal(("Phelps", "D. Neb.", null, "8th", "St. Paul Field Office"), Row(F("Phelps County Jail", "NE")));
        Assert.Equal(("Polk", "E.D. Tex.", "Lufkin Division", "5th", "Houston Field Office"), Row(F("IAH Polk Adult Detention Facility")));
        Assert.Equal("D.N. Mar. I.", F("CNMI Department of Corrections").District);
        Assert.Equal(FacilityType.IceOwned, F("Port Isabel Service Processing Center").Type);
        Assert.Contains("Northwest Detention Center", F("Northwest ICE Processing Center (NWIPC)").Aliases);

        // Only Guantanamo has no district; the doubtful ones say why for an admin.
        Assert.Equal(["Naval Station Guantanamo Bay (JTF Camp Six and Migrant Ops Center Main A)"], list.Where(f => f.District is null).Select(f => f.Name));
        Assert.Equal(["Abyon | Farmville Detention Center", "Moshannon Valley Processing Center", "Naval Station Guantanamo Bay (JTF Camp Six and Migrant Ops Center Main A)"],
            list.Where(f => f.ReviewNote is not null).Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Contains("Cumberland County (W.D. Va.)", F("Abyon | Farmville Detention Center").ReviewNote);
        Assert.All(list.Where(f => f.District is not null), f => Assert.Equal(FederalDistricts.Find(f.District!)!.Circuit, f.Circuit));
    }

    private static (string?, string?, string?, string?, string?) Row(FacilityDto f) => (f.County, f.District, f.Division, f.Circuit, f.FieldOffice);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EditFacility_NewCounty_RoutesTheDistrictAndIsAudited(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInAsync("admin");
        var response = await TestApp.PostFormAsync(admin, "/Facilities/Edit", "/Facilities/Edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "Kent County Jail",
            ["Input.City"] = "Grand Rapids",
            ["Input.State"] = "mi",
            ["Input.County"] = "Kent County",
            ["Input.Type"] = nameof(FacilityType.CountyJail),
            ["Input.Aliases"] = "Kent Co. Jail\nKCCF",
            ["Input.IceCode"] = "kentmi",
        });
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var kent = await db.Facilities.SingleAsync(f => f.Name == "Kent County Jail");
        Assert.Equal(("W.D. Mich.", "Southern Division", "6th", "KENTMI", FacilityType.CountyJail, (string?)null), (kent.District, kent.Division, kent.Circuit, kent.IceCode, kent.Type, kent.ReviewNote));
        Assert.Equal(["Kent County Jail", "Kent Co. Jail", "KCCF", "KENTMI"], Facility.NamesOf(kent.Name, kent.Aliases, kent.IceCode));
        var audit = await db.AuditEvents.SingleAsync(a => a.EntityType == "Facility" && a.Action == "create" && a.EntityId == kent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TestApp.Email("admin"), audit.UserName);
        Assert.Contains("W.D. Mich.", audit.After);
    }

    [Theory]
    [InlineData("E.D. Mich", "MI", "Wayne", "E.D. Mich.", null)]
    [InlineData("Eastern District of Michigan", "MI", "Wayne", null, "is not a federal district")]
    [InlineData("S.D.N.Y.", "MI", "Wayne", null, "S.D.N.Y. is a district of NY, not of MI")]
    [InlineData("W.D. Mich.", "MI", "Wayne", "W.D. Mich.", "differs from the county's district")]
    public void Update_TypedDistrict_IsCheckedAgainstTheStatute(string typed, string state, string county, string? district, string? message)
    {
        var (facility, errors) = Facility.Create(new FacilityInput("X", null, null, null, state, null, typed, null) { County = county }, FacilityReference.Counties);
        Assert.Equal(district, facility?.District);
        var said = errors.Select(e => e.Message).Append(facility?.ReviewNote ?? "").ToList();
        if (message is not null)
        {
            Assert.Contains(said, m => m.Contains(message, StringComparison.Ordinal));
        }
        else
        {
            Assert.All(said, m => Assert.Equal("", m));
        }
    }

    [Fact]
    public void Create_CountyMissingInAMultiDistrictState_FlagsItAndLeavesTheDistrictEmpty()
    {
        var (facility, _) = Facility.Create(new FacilityInput("Somewhere Jail", null, null, "Detroit", "MI", null, null, null), FacilityReference.Counties);
        Assert.Null(facility!.District);
        Assert.Equal("6th", facility.Circuit);
        Assert.Contains("No county recorded", facility.ReviewNote);
    }
    [Fact]
    public void Create_ButnerInDurhamCounty_RoutesToTheEasternDistrictByStatute_TheRestOfTheCountyToTheMiddle()
    {
        // 28 U.S.C. 113(a) puts the portion of Durham County holding FCI Butner in E.D.N.C.; the county list sends Durham to M.D.N.C.
        var (butner, _) = Facility.Create(new FacilityInput("FCI Butner Medium II", null, null, "Butner", "NC", null, null, null) { County = "Durham" },
            FacilityReference.Counties);
        var (jail, _) = Facility.Create(new FacilityInput("Durham County Detention Center", null, null, "Durham", "NC", null, null, null) { County = "Durham" },
            FacilityReference.Counties);
        var (typed, _) = Facility.Create(new FacilityInput("FCC Butner", null, null, "Butner", "NC", null, "E.D.N.C.", null) { County = "Durham County" },
            FacilityReference.Counties);

        Assert.Equal(("E.D.N.C.", "4th"), (butner!.District, butner.Circuit));
        Assert.Contains("Routed to E.D.N.C., not M.D.N.C.", butner.ReviewNote, StringComparison.Ordinal);
        Assert.Equal("M.D.N.C.", jail!.District);
        Assert.Contains("Part of Durham County (around Butner) is in E.D.N.C. (28 U.S.C. 113(a)", jail.ReviewNote, StringComparison.Ordinal);
        Assert.Equal(("E.D.N.C.", (string?)null), (typed!.District, typed.ReviewNote));
    }

    [Theory]
    [InlineData("Camp Mackall Detention Site", "Richmond", "E.D.N.C.", "Routed to E.D.N.C., not M.D.N.C.")]
    [InlineData("Fort Liberty Holding Facility", "Hoke", "E.D.N.C.", "Routed to E.D.N.C., not M.D.N.C.")]
    [InlineData("Fort Bragg Soft-Sided Facility", "Moore County", "E.D.N.C.", "Routed to E.D.N.C., not M.D.N.C.")]
    [InlineData("Scotland County Jail", "Scotland", "M.D.N.C.", "Part of Scotland County (around Fort Bragg) is in E.D.N.C.")]
    [InlineData("Fort Bragg Holding Facility", "Cumberland", "E.D.N.C.", null)]
    public void Create_FortBraggAndCampMackall_RouteToTheEasternDistrictSince2021_TheRestOfTheirCountiesToTheMiddle(string name, string county, string district, string? note)
    {
        // 28 U.S.C. 113(a) as amended by Pub. L. 117-26: the parts of Hoke, Moore, Scotland and Richmond Counties within
        // the Fort Bragg Military Reservation and Camp Mackall are in E.D.N.C.; the rest of those counties in M.D.N.C.
        // Cumberland County (most of the base) is wholly in E.D.N.C.
        var (facility, errors) = Facility.Create(new FacilityInput(name, null, null, null, "NC", null, null, null) { County = county }, FacilityReference.Counties);

        Assert.Empty(errors);
        Assert.Equal(district, facility!.District);
        if (note is null)
        {
            Assert.DoesNotContain("Fort Bragg", facility.ReviewNote ?? "", StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(note, facility.ReviewNote, StringComparison.Ordinal);
            Assert.Contains("Pub. L. 117-26", facility.ReviewNote, StringComparison.Ordinal);
        }
    }
}
