using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Custody;

namespace Stayline.Features.Facilities;

/// <summary>
/// The data shipped with Stayline about facilities and courts (Features/Facilities/Data): the ICE facility list,
/// the county, type and other names of each listed facility, and the statute's county-to-district table.
/// </summary>
public static class FacilityReference
{
    public const string SeedSource = "ICE facility list, Aug. 2025 (seed)";

    private static readonly Lazy<CountyDistricts> Table = new(() => new CountyDistricts(
        ReadCsv("county-districts.csv").Select(r => new CountyDistrict(r["state"], r["county"], r["district"], r["division"] is { Length: > 0 } d ? d : null))));

    /// <summary>County to district and division, 28 U.S.C. 81-131.</summary>
    public static CountyDistricts Counties => Table.Value;

    /// <summary>The facilities of the ICE list, each with its county routed to a district.</summary>
    public static IReadOnlyList<FacilityInput> SeedInputs()
    {
        var places = ReadCsv("ice-facilities-2025-08-places.csv").ToDictionary(r => (r["name"], r["city"], r["state"]));
        var list = new List<FacilityInput>();
        foreach (var f in ReadCsv("ice-facilities-2025-08.csv"))
        {
            var place = places.GetValueOrDefault((f["name"], f["city"], f["state"]));
            list.Add(new FacilityInput(f["name"], f["field_office"], f["street"], f["city"], f["state"], f["zip"], null, null, SeedSource)
            {
                County = place?["county"],
                Type = place is not null && Enum.TryParse<FacilityType>(place["type"], out var t) ? t : FacilityType.Unknown,
                Aliases = place?["aliases"],
                ReviewNote = place?["note"] is { Length: > 0 } note ? note : null,
            });
        }

        return list;
    }

    public static IEnumerable<Facility> SeedFacilities()
    {
        foreach (var input in SeedInputs())
        {
            var (facility, errors) = Facility.Create(input, Counties);
            if (facility is not null && errors.Count == 0)
            {
                yield return facility;
            }
        }
    }

    /// <summary>
    /// Gives seeded facilities of an older installation (no county yet) the county, type and other names of the
    /// shipped list, so their district is routed. A facility an admin already gave a county is left as it is.
    /// </summary>
    public static async Task<int> FillBlanksAsync(StaylineDbContext db, CancellationToken ct)
    {
        var blank = await db.Facilities.Where(f => f.County == null && f.Source == SeedSource).ToListAsync(ct);
        if (blank.Count == 0)
        {
            return 0;
        }

        var seeds = SeedInputs().GroupBy(s => (s.Name, s.City, s.State)).ToDictionary(g => g.Key, g => g.First());
        var changed = 0;
        foreach (var f in blank)
        {
            if (seeds.GetValueOrDefault((f.Name, f.City, f.State)) is not { } seed)
            {
                continue;
            }

            var input = f.ToInput() with { };
            var errors = f.Update(input with
            {
                County = seed.County,
                Type = f.Type == FacilityType.Unknown ? seed.Type : f.Type,
                Aliases = f.Aliases ?? seed.Aliases,
                ReviewNote = seed.ReviewNote,
            }, Counties);
            changed += errors.Count == 0 ? 1 : 0;
        }

        await db.SaveChangesAsync(ct);
        return changed;
    }

    private static IEnumerable<Dictionary<string, string>> ReadCsv(string fileName) => Tables.ShippedTable.Read(fileName);
}
