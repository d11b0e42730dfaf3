namespace Stayline.Domain.Custody;

/// <summary>One row of the statute's county lists: a county (parish, independent city) and its district and division.</summary>
public sealed record CountyDistrict(string State, string County, string District, string? Division);

/// <summary>
/// A part of a county that the statute puts in another district than the rest of the county, known by the place it
/// holds (a facility there names the place, or one of its other names, in its name, city or aliases).
/// </summary>
public sealed record CountyPart(string State, string County, string Place, string District, string Citation, IReadOnlyList<string>? OtherNames = null)
{
    /// <summary>The place's names a facility may carry: the statute's and the others (a renamed base, a second site).</summary>
    public IEnumerable<string> Names => OtherNames is null ? [Place] : OtherNames.Prepend(Place);
}

/// <summary>
/// Routes a county to its federal district and division (28 U.S.C. 81-131). States with one district route every
/// county to it; for the others only the listed counties route. County names are compared loosely
/// ("St. Clair", "Saint Clair", "ST CLAIR COUNTY", "DeKalb" and "De Kalb" are the same county).
/// </summary>
public sealed class CountyDistricts
{
    private readonly Dictionary<(string State, string Key), CountyDistrict> _byKey = [];

    // Names the statute has not caught up with.
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["FL:miamidade"] = "dade",
    };

    /// <summary>
    /// The statute's split counties that matter for detention: the federal prison complex at Butner, and the Fort Bragg
    /// military reservation and Camp Mackall (Pub. L. 117-26, 135 Stat. 299, 6 July 2021, moved their parts of four
    /// Middle District counties to the Eastern District; the base was called Fort Liberty from 2023 to 2025).
    /// </summary>
    public static IReadOnlyList<CountyPart> Parts { get; } =
    [
        new("NC", "Durham", "Butner", "E.D.N.C.", "28 U.S.C. 113(a): \"that portion of Durham County encompassing the Federal Correctional Institution, Butner\""),
        .. new[] { "Hoke", "Moore", "Richmond", "Scotland" }.Select(county => new CountyPart("NC", county, "Fort Bragg", "E.D.N.C.",
            "28 U.S.C. 113(a), as amended by Pub. L. 117-26 (2021): \"those portions of Hoke, Moore, Scotland, and Richmond counties encompassing the "
            + "Fort Bragg Military Reservation and Camp Mackall\"", ["Fort Liberty", "Camp Mackall"])),
    ];

    public IReadOnlyList<CountyDistrict> Rows { get; }

    /// <summary>The part of this county the statute assigns elsewhere, if any.</summary>
    public static CountyPart? PartOf(CountyDistrict county) =>
        Parts.FirstOrDefault(p => p.State == county.State && Key(p.State, p.County) == Key(county.State, county.County));

    public CountyDistricts(IEnumerable<CountyDistrict> rows)
    {
        Rows = rows.ToList();
        foreach (var r in Rows)
        {
            _byKey[(r.State, Key(r.State, r.County))] = r;
        }
    }

    /// <summary>The district (and division, when the statute names one) of a county; null when the county is not known.</summary>
    public CountyDistrict? Find(string state, string county)
    {
        state = state.Trim().ToUpperInvariant();
        if (_byKey.TryGetValue((state, Key(state, county)), out var row))
        {
            return row;
        }

        return FederalDistricts.SingleDistrictOf(state) is { } only && !string.IsNullOrWhiteSpace(county)
            ? new CountyDistrict(state, county.Trim(), only, null)
            : null;
    }

    /// <summary>The counties of one district, as the statute lists them.</summary>
    public IReadOnlyList<CountyDistrict> OfDistrict(string district) => Rows.Where(r => r.District == district).ToList();

    public static string Key(string state, string county)
    {
        var s = county.Trim().ToLowerInvariant();
        foreach (var suffix in new[] { " county", " parish", " borough", " census area" })
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal))
            {
                s = s[..^suffix.Length];
            }
        }

        s = s.StartsWith("saint ", StringComparison.Ordinal) ? "st " + s[6..]
            : s.StartsWith("st. ", StringComparison.Ordinal) ? "st " + s[4..]
            : s.StartsWith("ste. ", StringComparison.Ordinal) ? "st " + s[5..]
            : s.StartsWith("sainte ", StringComparison.Ordinal) ? "st " + s[7..]
            : s;
        var key = new string(s.Where(char.IsLetter).ToArray());
        return Renamed.GetValueOrDefault($"{state.ToUpperInvariant()}:{key}") ?? key;
    }
}
