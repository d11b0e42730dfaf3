using Stayline.Domain.Custody;
using Stayline.Features.Facilities;

namespace Stayline.Tests.Features.Facilities;

/// <summary>
/// The shipped county table against 28 U.S.C. 81-131: for every state with several districts, the number of counties
/// each district's subsection lists, and counties (with divisions where the statute names them) checked by hand.
/// </summary>
public class CountyDistrictTableTests
{
    private static CountyDistricts Table => FacilityReference.Counties;

    /// <summary>Counties (parishes; Virginia's and Missouri's independent cities) each district's subsection lists.</summary>
    private static readonly Dictionary<string, int> StatuteCounts = new(StringComparer.Ordinal)
    {
        ["N.D. Ala."] = 31,
        ["M.D. Ala."] = 23,
        ["S.D. Ala."] = 13,
        ["E.D. Ark."] = 41,
        ["W.D. Ark."] = 34,
        ["N.D. Cal."] = 15,
        ["E.D. Cal."] = 34,
        ["C.D. Cal."] = 7,
        ["S.D. Cal."] = 2,
        ["N.D. Fla."] = 23,
        ["M.D. Fla."] = 35,
        ["S.D. Fla."] = 9,
        ["N.D. Ga."] = 46,
        ["M.D. Ga."] = 70,
        ["S.D. Ga."] = 43,
        ["N.D. Ill."] = 18,
        ["C.D. Ill."] = 46,
        ["S.D. Ill."] = 38,
        ["N.D. Ind."] = 32,
        ["S.D. Ind."] = 60,
        ["N.D. Iowa"] = 52,
        ["S.D. Iowa"] = 47,
        ["E.D. Ky."] = 67,
        ["W.D. Ky."] = 53,
        ["E.D. La."] = 13,
        ["M.D. La."] = 9,
        ["W.D. La."] = 42,
        ["E.D. Mich."] = 34,
        ["W.D. Mich."] = 49,
        ["N.D. Miss."] = 37,
        ["S.D. Miss."] = 45,
        ["E.D. Mo."] = 49,
        ["W.D. Mo."] = 66,
        ["N.D.N.Y."] = 32,
        ["S.D.N.Y."] = 8,
        ["E.D.N.Y."] = 5,
        ["W.D.N.Y."] = 17,
        ["E.D.N.C."] = 44,
        ["M.D.N.C."] = 24,
        ["W.D.N.C."] = 32,
        ["N.D. Ohio"] = 40,
        ["S.D. Ohio"] = 48,
        ["N.D. Okla."] = 11,
        ["E.D. Okla."] = 26,
        ["W.D. Okla."] = 40,
        ["E.D. Pa."] = 9,
        ["M.D. Pa."] = 33,
        ["W.D. Pa."] = 25,
        ["E.D. Tenn."] = 41,
        ["M.D. Tenn."] = 32,
        ["W.D. Tenn."] = 22,
        ["N.D. Tex."] = 100,
        ["S.D. Tex."] = 43,
        ["E.D. Tex."] = 43,
        ["W.D. Tex."] = 68,
        ["E.D. Va."] = 64,
        ["W.D. Va."] = 69,
        ["E.D. Wash."] = 20,
        ["W.D. Wash."] = 19,
        ["N.D. W. Va."] = 32,
        ["S.D. W. Va."] = 23,
        ["E.D. Wis."] = 28,
        ["W.D. Wis."] = 44,
    };

    /// <summary>Counties (parishes, independent cities) per state, from the Census Bureau's count of county equivalents.</summary>
    private static readonly Dictionary<string, int> CountiesPerState = new(StringComparer.Ordinal)
    {
        ["AL"] = 67,
        ["AR"] = 75,
        ["CA"] = 58,
        ["FL"] = 67,
        ["GA"] = 159,
        ["IL"] = 102,
        ["IN"] = 92,
        ["IA"] = 99,
        ["KY"] = 120,
        ["LA"] = 64,
        ["MI"] = 83,
        ["MS"] = 82,
        ["MO"] = 115,
        ["NY"] = 62,
        ["NC"] = 100,
        ["OH"] = 88,
        ["OK"] = 77,
        ["PA"] = 67,
        ["TN"] = 95,
        ["TX"] = 254,
        ["VA"] = 133,
        ["WA"] = 39,
        ["WV"] = 55,
        ["WI"] = 72,
    };

    [Fact]
    public void EveryMultiDistrictState_IsInTheTable_WithEachDistrictsStatuteCount()
    {
        var multi = FederalDistricts.All.GroupBy(d => d.State).Where(g => g.Count() > 1).Select(g => g.Key).Order().ToList();
        Assert.Equal(CountiesPerState.Keys.Order(), multi);
        foreach (var district in FederalDistricts.All.Where(d => multi.Contains(d.State)))
        {
            Assert.True(StatuteCounts.TryGetValue(district.Name, out var expected), $"{district.Name} has no count");
            Assert.Equal((district.Name, expected), (district.Name, Table.OfDistrict(district.Name).Count));
        }

        Assert.Equal(StatuteCounts.Count, Table.Rows.Select(r => r.District).Distinct().Count());
    }

    [Fact]
    public void EveryState_ListsEachCountyOnce_AndEveryCountyOfTheState()
    {
        foreach (var (state, count) in CountiesPerState)
        {
            var keys = Table.Rows.Where(r => r.State == state).Select(r => CountyDistricts.Key(state, r.County)).ToList();
            Assert.Equal((state, count), (state, keys.Distinct().Count()));
            Assert.Equal((state, count), (state, keys.Count));
            Assert.All(Table.Rows.Where(r => r.State == state), r => Assert.Equal(state, FederalDistricts.Find(r.District)!.State));
        }
    }

    [Theory]
    [InlineData("MI", "Wayne", "E.D. Mich.", "Southern Division")]
    [InlineData("MI", "Kent", "W.D. Mich.", "Southern Division")]
    [InlineData("MI", "Saginaw", "E.D. Mich.", "Northern Division")]
    [InlineData("MI", "Chippewa", "W.D. Mich.", "Northern Division")]
    [InlineData("MI", "Calhoun", "W.D. Mich.", "Southern Division")]
    [InlineData("MI", "St. Clair", "E.D. Mich.", "Southern Division")]
    [InlineData("NY", "Kings", "E.D.N.Y.", null)]
    [InlineData("NY", "Bronx", "S.D.N.Y.", null)]
    [InlineData("NY", "Orange", "S.D.N.Y.", null)]
    [InlineData("NY", "Genesee", "W.D.N.Y.", null)]
    [InlineData("NY", "Clinton", "N.D.N.Y.", null)]
    [InlineData("NY", "St. Lawrence", "N.D.N.Y.", null)]
    [InlineData("AL", "Jefferson", "N.D. Ala.", "Southern Division")]
    [InlineData("AL", "Montgomery", "M.D. Ala.", "Northern Division")]
    [InlineData("AL", "Mobile", "S.D. Ala.", "Southern Division")]
    [InlineData("AL", "DeKalb", "N.D. Ala.", "Middle Division")]
    [InlineData("AR", "Pulaski", "E.D. Ark.", "Central Division")]
    [InlineData("AR", "Washington", "W.D. Ark.", "Fayetteville Division")]
    [InlineData("AR", "Garland", "W.D. Ark.", "Hot Springs Division")]
    [InlineData("CA", "San Bernardino", "C.D. Cal.", "Eastern Division")]
    [InlineData("CA", "Kern", "E.D. Cal.", null)]
    [InlineData("CA", "Imperial", "S.D. Cal.", null)]
    [InlineData("CA", "San Francisco", "N.D. Cal.", null)]
    [InlineData("FL", "Miami-Dade", "S.D. Fla.", null)]
    [InlineData("FL", "Baker", "M.D. Fla.", null)]
    [InlineData("FL", "Glades", "M.D. Fla.", null)]
    [InlineData("FL", "Madison", "N.D. Fla.", null)]
    [InlineData("GA", "Stewart", "M.D. Ga.", "Columbus Division")]
    [InlineData("GA", "Charlton", "S.D. Ga.", "Waycross Division")]
    [InlineData("GA", "Fulton", "N.D. Ga.", "Atlanta Division")]
    [InlineData("GA", "Jeff Davis", "S.D. Ga.", "Brunswick Division")]
    [InlineData("IL", "Cook", "N.D. Ill.", "Eastern Division")]
    [InlineData("IL", "Winnebago", "N.D. Ill.", "Western Division")]
    [InlineData("IL", "Sangamon", "C.D. Ill.", null)]
    [InlineData("IL", "St. Clair", "S.D. Ill.", null)]
    [InlineData("IN", "Clark", "S.D. Ind.", "New Albany Division")]
    [InlineData("IN", "Lake", "N.D. Ind.", "Hammond Division")]
    [InlineData("IN", "Marion", "S.D. Ind.", "Indianapolis Division")]
    [InlineData("IA", "Polk", "S.D. Iowa", "Central Division")]
    [InlineData("IA", "Linn", "N.D. Iowa", "Cedar Rapids Division")]
    [InlineData("KY", "Boone", "E.D. Ky.", null)]
    [InlineData("KY", "Jefferson", "W.D. Ky.", null)]
    [InlineData("KY", "Grayson", "W.D. Ky.", null)]
    [InlineData("LA", "Orleans", "E.D. La.", null)]
    [InlineData("LA", "East Baton Rouge", "M.D. La.", null)]
    [InlineData("LA", "La Salle Parish", "W.D. La.", null)]
    [InlineData("MS", "Adams", "S.D. Miss.", "Western Division")]
    [InlineData("MS", "Noxubee", "S.D. Miss.", "Northern Division")]
    [InlineData("MS", "Lee", "N.D. Miss.", "Aberdeen Division")]
    [InlineData("MS", "Winston", "N.D. Miss.", "Aberdeen Division")]
    [InlineData("MS", "DeSoto", "N.D. Miss.", "Oxford Division")]
    [InlineData("MS", "Yalobusha", "N.D. Miss.", "Oxford Division")]
    [InlineData("MS", "Attala", "N.D. Miss.", "Greenville Division")]
    [InlineData("MS", "Bolivar", "N.D. Miss.", "Greenville Division")]
    [InlineData("MO", "St. Louis City", "E.D. Mo.", "Eastern Division")]
    [InlineData("MO", "Ste. Genevieve", "E.D. Mo.", "Southeastern Division")]
    [InlineData("MO", "Greene", "W.D. Mo.", "Southern Division")]
    [InlineData("MO", "Jackson", "W.D. Mo.", "Western Division")]
    [InlineData("NC", "Wake", "E.D.N.C.", null)]
    [InlineData("NC", "Alamance", "M.D.N.C.", null)]
    [InlineData("NC", "Mecklenburg", "W.D.N.C.", null)]
    [InlineData("OH", "Cuyahoga", "N.D. Ohio", "Eastern Division")]
    [InlineData("OH", "Williams", "N.D. Ohio", "Western Division")]
    [InlineData("OH", "Butler", "S.D. Ohio", "Western Division")]
    [InlineData("OH", "Franklin", "S.D. Ohio", "Eastern Division")]
    [InlineData("OK", "Tulsa", "N.D. Okla.", null)]
    [InlineData("OK", "Muskogee", "E.D. Okla.", null)]
    [InlineData("OK", "Oklahoma", "W.D. Okla.", null)]
    [InlineData("PA", "Philadelphia", "E.D. Pa.", null)]
    [InlineData("PA", "Pike", "M.D. Pa.", null)]
    [InlineData("PA", "Allegheny", "W.D. Pa.", null)]
    [InlineData("TN", "Davidson", "M.D. Tenn.", "Nashville Division")]
    [InlineData("TN", "Shelby", "W.D. Tenn.", "Western Division")]
    [InlineData("TN", "Knox", "E.D. Tenn.", "Northern Division")]
    [InlineData("TX", "Harris", "S.D. Tex.", "Houston Division")]
    [InlineData("TX", "Johnson", "N.D. Tex.", "Dallas Division")]
    [InlineData("TX", "El Paso", "W.D. Tex.", "El Paso Division")]
    [InlineData("TX", "Polk", "E.D. Tex.", "Lufkin Division")]
    [InlineData("TX", "Cameron", "S.D. Tex.", "Brownsville Division")]
    [InlineData("TX", "Frio", "W.D. Tex.", "San Antonio Division")]
    [InlineData("VA", "Caroline", "E.D. Va.", null)]
    [InlineData("VA", "Richmond city", "E.D. Va.", null)]
    [InlineData("VA", "Roanoke", "W.D. Va.", null)]
    [InlineData("VA", "Arlington", "E.D. Va.", null)]
    [InlineData("WA", "Pierce", "W.D. Wash.", null)]
    [InlineData("WA", "Spokane", "E.D. Wash.", null)]
    [InlineData("WV", "Kanawha", "S.D. W. Va.", null)]
    [InlineData("WV", "Monongalia", "N.D. W. Va.", null)]
    [InlineData("WI", "Milwaukee", "E.D. Wis.", null)]
    [InlineData("WI", "Dane", "W.D. Wis.", null)]
    [InlineData("NY", "Ulster", "N.D.N.Y.", null)]
    [InlineData("NY", "Sullivan", "S.D.N.Y.", null)]
    [InlineData("NY", "Suffolk", "E.D.N.Y.", null)]
    [InlineData("NY", "Schuyler", "W.D.N.Y.", null)]
    [InlineData("NY", "Tompkins", "N.D.N.Y.", null)]
    [InlineData("NC", "Robeson", "E.D.N.C.", null)]
    [InlineData("NC", "Forsyth", "M.D.N.C.", null)]
    [InlineData("NC", "Durham", "M.D.N.C.", null)]
    [InlineData("NC", "Hoke", "M.D.N.C.", null)]
    [InlineData("NC", "Union", "W.D.N.C.", null)]
    [InlineData("WV", "Braxton", "N.D. W. Va.", null)]
    [InlineData("WV", "Wood", "S.D. W. Va.", null)]
    [InlineData("WV", "Greenbrier", "S.D. W. Va.", null)]
    [InlineData("WV", "Pocahontas", "N.D. W. Va.", null)]
    [InlineData("WA", "Klickitat", "E.D. Wash.", null)]
    [InlineData("WA", "Skamania", "W.D. Wash.", null)]
    [InlineData("WI", "Florence", "E.D. Wis.", null)]
    [InlineData("WI", "Marquette", "E.D. Wis.", null)]
    [InlineData("WI", "Adams", "W.D. Wis.", null)]
    [InlineData("LA", "Assumption", "E.D. La.", null)]
    [InlineData("LA", "St. Helena", "M.D. La.", null)]
    [InlineData("LA", "Iberia", "W.D. La.", null)]
    [InlineData("OK", "Pawnee", "N.D. Okla.", null)]
    [InlineData("OK", "Carter", "E.D. Okla.", null)]
    [InlineData("OK", "Kay", "W.D. Okla.", null)]
    [InlineData("MO", "DeKalb", "W.D. Mo.", "Saint Joseph Division")]
    [InlineData("MO", "Vernon", "W.D. Mo.", "Southwestern Division")]
    [InlineData("MO", "Pettis", "W.D. Mo.", "Central Division")]
    [InlineData("TN", "Van Buren", "E.D. Tenn.", "Winchester Division")]
    [InlineData("TN", "Sequatchie", "E.D. Tenn.", "Southern Division")]
    [InlineData("TN", "Jefferson", "E.D. Tenn.", "Northern Division")]
    [InlineData("TN", "Hancock", "E.D. Tenn.", "Northeastern Division")]
    [InlineData("IA", "Clinton", "S.D. Iowa", "Davenport Division")]
    [InlineData("IA", "Johnson", "S.D. Iowa", "Davenport Division")]
    [InlineData("IA", "Cedar", "N.D. Iowa", "Cedar Rapids Division")]
    [InlineData("IA", "Carroll", "N.D. Iowa", "Central Division")]
    [InlineData("TX", "Kleberg", "S.D. Tex.", "Corpus Christi Division")]
    [InlineData("TX", "DeWitt", "S.D. Tex.", "Victoria Division")]
    [InlineData("TX", "Brazos", "S.D. Tex.", "Houston Division")]
    [InlineData("TX", "McMullen", "S.D. Tex.", "Laredo Division")]
    [InlineData("IN", "Grant", "N.D. Ind.", "Fort Wayne Division")]
    [InlineData("TX", "Throckmorton", "N.D. Tex.", "Abilene Division")]
    [InlineData("TX", "Deaf Smith", "N.D. Tex.", "Amarillo Division")]
    [InlineData("TX", "Palo Pinto", "N.D. Tex.", "Fort Worth Division")]
    [InlineData("TX", "Liberty", "E.D. Tex.", "Beaumont Division")]
    [InlineData("TX", "Van Zandt", "E.D. Tex.", "Tyler Division")]
    [InlineData("TX", "Upshur", "E.D. Tex.", "Marshall Division")]
    // Checked against the text of 28 U.S.C. 84(c), 94, 95, 105(a), 123(c) and 124 on 4 December 2026 (see the data README).
    [InlineData("IA", "Black Hawk", "N.D. Iowa", "Eastern Division")]
    [InlineData("IA", "Woodbury", "N.D. Iowa", "Western Division")]
    [InlineData("IA", "O'Brien", "N.D. Iowa", "Western Division")]
    [InlineData("IA", "Cerro Gordo", "N.D. Iowa", "Central Division")]
    [InlineData("IA", "Tama", "N.D. Iowa", "Cedar Rapids Division")]
    [InlineData("IA", "Lee", "S.D. Iowa", "Eastern Division")]
    [InlineData("IA", "Pottawattamie", "S.D. Iowa", "Western Division")]
    [InlineData("IA", "Page", "S.D. Iowa", "Western Division")]
    [InlineData("IA", "Union", "S.D. Iowa", "Southern Division")]
    [InlineData("IA", "Wapello", "S.D. Iowa", "Ottumwa Division")]
    [InlineData("MO", "Franklin", "E.D. Mo.", "Eastern Division")]
    [InlineData("MO", "St. Louis", "E.D. Mo.", "Eastern Division")]
    [InlineData("MO", "Pike", "E.D. Mo.", "Northern Division")]
    [InlineData("MO", "Schuyler", "E.D. Mo.", "Northern Division")]
    [InlineData("MO", "Cape Girardeau", "E.D. Mo.", "Southeastern Division")]
    [InlineData("MO", "Pemiscot", "E.D. Mo.", "Southeastern Division")]
    [InlineData("TX", "Lubbock", "N.D. Tex.", "Lubbock Division")]
    [InlineData("TX", "Yoakum", "N.D. Tex.", "Lubbock Division")]
    [InlineData("TX", "Tom Green", "N.D. Tex.", "San Angelo Division")]
    [InlineData("TX", "Brown", "N.D. Tex.", "San Angelo Division")]
    [InlineData("TX", "Wichita", "N.D. Tex.", "Wichita Falls Division")]
    [InlineData("TX", "Hardeman", "N.D. Tex.", "Wichita Falls Division")]
    [InlineData("TX", "Travis", "W.D. Tex.", "Austin Division")]
    [InlineData("TX", "Somervell", "W.D. Tex.", "Waco Division")]
    [InlineData("TX", "Bexar", "W.D. Tex.", "San Antonio Division")]
    [InlineData("TX", "Zavala", "W.D. Tex.", "Del Rio Division")]
    [InlineData("TX", "Reeves", "W.D. Tex.", "Pecos Division")]
    [InlineData("TX", "Ector", "W.D. Tex.", "Midland-Odessa Division")]
    [InlineData("TX", "Lamar", "E.D. Tex.", "Sherman Division")]
    [InlineData("TX", "Hopkins", "E.D. Tex.", "Sherman Division")]
    [InlineData("TX", "Cooke", "E.D. Tex.", "Sherman Division")]
    [InlineData("TX", "Red River", "E.D. Tex.", "Texarkana Division")]
    [InlineData("TX", "Bowie", "E.D. Tex.", "Texarkana Division")]
    [InlineData("IN", "Tippecanoe", "N.D. Ind.", "Hammond Division")]
    [InlineData("IN", "Porter", "N.D. Ind.", "Hammond Division")]
    [InlineData("IN", "St. Joseph", "N.D. Ind.", "South Bend Division")]
    [InlineData("IN", "Wabash", "N.D. Ind.", "South Bend Division")]
    [InlineData("IN", "Vigo", "S.D. Ind.", "Terre Haute Division")]
    [InlineData("IN", "Daviess", "S.D. Ind.", "Evansville Division")]
    [InlineData("IN", "Floyd", "S.D. Ind.", "New Albany Division")]
    [InlineData("IN", "Dearborn", "S.D. Ind.", "New Albany Division")]
    [InlineData("TN", "Dyer", "W.D. Tenn.", "Eastern Division")]
    [InlineData("TN", "Tipton", "W.D. Tenn.", "Western Division")]
    [InlineData("CA", "Los Angeles", "C.D. Cal.", "Western Division")]
    [InlineData("CA", "Orange", "C.D. Cal.", "Southern Division")]
    [InlineData("CA", "Riverside", "C.D. Cal.", "Eastern Division")]
    // 28 U.S.C. 127 names no divisions for either district of Virginia (the courts' divisions are their own rules).
    [InlineData("VA", "Prince Edward", "E.D. Va.", null)]
    [InlineData("VA", "Virginia Beach city", "E.D. Va.", null)]
    [InlineData("VA", "Cumberland", "W.D. Va.", null)]
    [InlineData("VA", "Bristol city", "W.D. Va.", null)]
    public void Find_CountyFromTheStatute_RoutesToItsDistrictAndDivision(string state, string county, string district, string? division)
    {
        var row = Table.Find(state, county);
        Assert.NotNull(row);
        Assert.Equal((district, division), (row.District, row.Division));
    }

    [Fact]
    public void Find_WholeDivisionAsTheStatuteListsIt_MatchesExactly()
    {
        // 28 U.S.C. 102(a)(1), Eastern District of Michigan, Southern Division.
        Assert.Equal(["Genesee", "Jackson", "Lapeer", "Lenawee", "Livingston", "Macomb", "Monroe", "Oakland", "Saint Clair", "Sanilac", "Shiawassee", "Washtenaw", "Wayne"],
            Table.Rows.Where(r => r.District == "E.D. Mich." && r.Division == "Southern Division").Select(r => r.County).Order(StringComparer.Ordinal));
        // 28 U.S.C. 112(c): the Eastern District of New York.
        Assert.Equal(["Kings", "Nassau", "Queens", "Richmond", "Suffolk"], Table.OfDistrict("E.D.N.Y.").Select(r => r.County).Order(StringComparer.Ordinal));
        // 28 U.S.C. 104(a)(3) as enacted by Pub. L. 112-188: the Greenville Division of the Northern District of Mississippi.
        Assert.Equal(["Attala", "Bolivar", "Carroll", "Coahoma", "Grenada", "Humphreys", "Leflore", "Montgomery", "Sunflower", "Washington"],
            Table.Rows.Where(r => r.District == "N.D. Miss." && r.Division == "Greenville Division").Select(r => r.County).Order(StringComparer.Ordinal));
        // 28 U.S.C. 112(d): the Western District of New York.
        Assert.Equal(["Allegany", "Cattaraugus", "Chautauqua", "Chemung", "Erie", "Genesee", "Livingston", "Monroe", "Niagara", "Ontario", "Orleans", "Schuyler", "Seneca", "Steuben", "Wayne", "Wyoming", "Yates"],
            Table.OfDistrict("W.D.N.Y.").Select(r => r.County).Order(StringComparer.Ordinal));
        // 28 U.S.C. 113(b): the Middle District of North Carolina (the statute spells Forsyth "Forsythe").
        Assert.Equal(["Alamance", "Cabarrus", "Caswell", "Chatham", "Davidson", "Davie", "Durham", "Forsyth", "Guilford", "Hoke", "Lee", "Montgomery", "Moore", "Orange", "Person", "Randolph", "Richmond", "Rockingham", "Rowan", "Scotland", "Stanly", "Stokes", "Surry", "Yadkin"],
            Table.OfDistrict("M.D.N.C.").Select(r => r.County).Order(StringComparer.Ordinal));
        // 28 U.S.C. 129(b): the Southern District of West Virginia.
        Assert.Equal(["Boone", "Cabell", "Clay", "Fayette", "Greenbrier", "Jackson", "Kanawha", "Lincoln", "Logan", "Mason", "McDowell", "Mercer", "Mingo", "Monroe", "Nicholas", "Putnam", "Raleigh", "Roane", "Summers", "Wayne", "Wirt", "Wood", "Wyoming"],
            Table.OfDistrict("S.D. W. Va.").Select(r => r.County).Order(StringComparer.Ordinal));
        // 28 U.S.C. 84(d): the Southern District of California.
        Assert.Equal(["Imperial", "San Diego"], Table.OfDistrict("S.D. Cal.").Select(r => r.County).Order(StringComparer.Ordinal));
        // 28 U.S.C. 124(c)(3): the Sherman Division of the Eastern District of Texas (the statute spells Cooke "Cook").
        Assert.Equal(["Collin", "Cooke", "Delta", "Denton", "Fannin", "Grayson", "Hopkins", "Lamar"],
            Table.Rows.Where(r => r.District == "E.D. Tex." && r.Division == "Sherman Division").Select(r => r.County).Order(StringComparer.Ordinal));
        // 28 U.S.C. 94(a)(3): the Hammond Division of the Northern District of Indiana.
        Assert.Equal(["Benton", "Carroll", "Jasper", "Lake", "Newton", "Porter", "Tippecanoe", "Warren", "White"],
            Table.Rows.Where(r => r.District == "N.D. Ind." && r.Division == "Hammond Division").Select(r => r.County).Order(StringComparer.Ordinal));
        // 28 U.S.C. 95(b)(5): the Davenport Division of the Southern District of Iowa.
        Assert.Equal(["Clinton", "Johnson", "Muscatine", "Scott", "Washington"],
            Table.Rows.Where(r => r.District == "S.D. Iowa" && r.Division == "Davenport Division").Select(r => r.County).Order(StringComparer.Ordinal));
        // 28 U.S.C. 95(a)(1): the Cedar Rapids Division of the Northern District of Iowa.
        Assert.Equal(["Benton", "Cedar", "Grundy", "Hardin", "Iowa", "Jones", "Linn", "Tama"],
            Table.Rows.Where(r => r.District == "N.D. Iowa" && r.Division == "Cedar Rapids Division").Select(r => r.County).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("AZ", "Pinal", "D. Ariz.")]
    [InlineData("NJ", "Essex", "D.N.J.")]
    [InlineData("MA", "Plymouth County", "D. Mass.")]
    public void Find_SingleDistrictState_RoutesEveryCountyToIt(string state, string county, string district) =>
        Assert.Equal(district, Table.Find(state, county)?.District);

    [Theory]
    [InlineData("MI", "Wayen")]
    [InlineData("NY", "")]
    [InlineData("ZZ", "Kings")]
    public void Find_UnknownCountyInAMultiDistrictState_IsNull(string state, string county) => Assert.Null(Table.Find(state, county));
}
