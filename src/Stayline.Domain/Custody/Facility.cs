using Stayline.Domain.Common;

namespace Stayline.Domain.Custody;

/// <summary>
/// A detention centre. Habeas jurisdiction follows the district of confinement (Rumsfeld v. Padilla, 542 U.S. 426
/// (2004)), so every facility carries its county, the district and division that county lies in, and the circuit.
/// </summary>
public sealed class Facility : People.IVersioned
{
    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>ICE field office (area of responsibility), e.g. "Detroit Field Office".</summary>
    public string? FieldOffice { get; private set; }
    public string? Street { get; private set; }
    public string? City { get; private set; }
    public string? State { get; private set; }
    public string? Zip { get; private set; }
    public string? County { get; private set; }
    /// <summary>Federal judicial district in Bluebook form, e.g. "E.D. Mich.".</summary>
    public string? District { get; private set; }
    /// <summary>Statutory division of the district, e.g. "Southern Division"; null where the statute names none.</summary>
    public string? Division { get; private set; }
    /// <summary>Court of appeals circuit in Bluebook form, e.g. "6th", "2d", "D.C.".</summary>
    public string? Circuit { get; private set; }
    public FacilityType Type { get; private set; }
    /// <summary>ICE's detention facility code, as government lists write it.</summary>
    public string? IceCode { get; private set; }
    /// <summary>Other names of the facility, one per line, so that government lists import.</summary>
    public string? Aliases { get; private set; }
    /// <summary>Why the county or district needs an admin's check (null: nothing to check).</summary>
    public string? ReviewNote { get; private set; }
    public string? Source { get; private set; }
    public int Version { get; set; }

    private Facility()
    {
    }

    public static (Facility? Facility, IReadOnlyList<FieldError> Errors) Create(FacilityInput input, CountyDistricts? counties = null)
    {
        var f = new Facility();
        var errors = f.Update(input, counties);
        return errors.Count == 0 ? (f, errors) : (null, errors);
    }

    /// <summary>
    /// Validates and applies the input. A district left empty is derived from the county through
    /// <paramref name="counties"/> (the statute's table), and the circuit from the state.
    /// </summary>
    public IReadOnlyList<FieldError> Update(FacilityInput input, CountyDistricts? counties = null)
    {
        var v = new Validation();
        v.Require(!string.IsNullOrWhiteSpace(input.Name), nameof(FacilityInput.Name), $"A facility needs a name.");
        var state = input.State?.Trim().ToUpperInvariant();
        var stateKnown = string.IsNullOrEmpty(state) || FederalDistricts.CircuitOf(state) is not null;
        v.Require(stateKnown, nameof(FacilityInput.State), $"\"{input.State}\" is not a two-letter U.S. state or territory code.");
        FederalDistrict? district = null;
        if (Blank(input.District) is { } typed)
        {
            district = FederalDistricts.FindLoose(typed);
            v.Require(district is not null, nameof(FacilityInput.District),
                $"\"{typed}\" is not a federal district; write it as the Bluebook does, e.g. \"E.D. Mich.\", \"D.N.J.\", \"S.D.N.Y.\".");
            v.Require(district is null || string.IsNullOrEmpty(state) || !stateKnown || district.State == state, nameof(FacilityInput.District),
                $"{district?.Name} is a district of {district?.State}, not of {state}.");
        }

        var circuit = Blank(input.Circuit);
        v.Require(circuit is null || FederalDistricts.All.Any(d => d.Circuit == circuit), nameof(FacilityInput.Circuit),
            $"\"{circuit}\" is not a circuit; write \"1st\", \"2d\", \"3d\", \"4th\" ... \"11th\" or \"D.C.\".");
        if (!v.IsValid)
        {
            return v.Errors;
        }

        Name = input.Name!.Trim();
        FieldOffice = Blank(input.FieldOffice);
        Street = Blank(input.Street);
        City = Blank(input.City);
        State = string.IsNullOrEmpty(state) ? null : state;
        Zip = Blank(input.Zip);
        County = Blank(input.County);
        Type = input.Type;
        IceCode = Blank(input.IceCode)?.ToUpperInvariant();
        Aliases = NormaliseAliases(input.Aliases);
        Source = Blank(input.Source) ?? Source;

        var routed = State is not null && County is not null ? counties?.Find(State, County) : null;
        var part = routed is null ? null : CountyDistricts.PartOf(routed);
        var inPart = part is not null && NamesOf(Name, Aliases, null).Append(City ?? "").Any(n => part.Names.Any(place => n.Contains(place, StringComparison.OrdinalIgnoreCase)));
        var countyDistrict = routed?.District;
        if (inPart)
        {
            routed = routed! with { District = part!.District, Division = null };
        }

        District = district?.Name ?? routed?.District ?? (State is null ? null : FederalDistricts.SingleDistrictOf(State));
        // The statute's division goes with the statute's district; a hand-typed division stands when it is the only word.
        Division = Blank(input.Division) ?? (routed is not null && routed.District == District ? routed.Division : null);
        Circuit = circuit ?? (District is not null ? FederalDistricts.Find(District)?.Circuit : null) ?? (State is null ? null : FederalDistricts.CircuitOf(State));
        ReviewNote = Blank(input.ReviewNote) ?? ReviewFor(routed, district) ?? (part is null || district is not null ? null
            : inPart
                ? $"Routed to {part.District}, not {countyDistrict}: the part of {County} County holding {part.Place} is in that district ({part.Citation}). Check that this facility is there."
                : $"Part of {County} County (around {part.Place}) is in {part.District} ({part.Citation}); the rest is in {District}. Check which part this facility is in.");
        return v.Errors;
    }

    /// <summary>Every name a government list may use for this facility: its name, its aliases and its ICE code.</summary>
    public static IEnumerable<string> NamesOf(string name, string? aliases, string? iceCode)
    {
        yield return name;
        foreach (var a in (aliases ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return a;
        }

        if (!string.IsNullOrWhiteSpace(iceCode))
        {
            yield return iceCode;
        }
    }

    public FacilityInput ToInput() => new(Name, FieldOffice, Street, City, State, Zip, District, Circuit, Source)
    {
        County = County,
        Division = Division,
        Type = Type,
        IceCode = IceCode,
        Aliases = Aliases,
        ReviewNote = ReviewNote,
    };

    private string? ReviewFor(CountyDistrict? routed, FederalDistrict? typed)
    {
        if (State is null)
        {
            return "No U.S. state or territory: the district cannot be derived. Record where habeas petitions for this facility are filed.";
        }

        if (District is null)
        {
            return County is null
                ? $"No county recorded: {State} has several districts, so the district cannot be derived. Record the county."
                : $"\"{County}\" is not a county of {State} in the statute's table (28 U.S.C. 81-131). Check the spelling.";
        }

        if (typed is not null && routed is not null && routed.District != typed.Name)
        {
            return $"The district entered ({typed.Name}) differs from the county's district in the statute ({routed.District} for {County}). Check which is right.";
        }

        return null;
    }

    private static string? NormaliseAliases(string? aliases)
    {
        var list = (aliases ?? "").Split(['\n', '\r', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return list.Count == 0 ? null : string.Join('\n', list);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>Who runs a facility: it decides who the immediate custodian (the respondent) is.</summary>
public enum FacilityType
{
    Unknown,
    /// <summary>An ICE-owned service processing center.</summary>
    IceOwned,
    /// <summary>A privately operated contract facility (CDF, IGSA run by a company).</summary>
    Contract,
    /// <summary>A county or city jail holding people under an agreement with ICE.</summary>
    CountyJail,
    /// <summary>A Bureau of Prisons institution (FCI, FDC, MDC).</summary>
    FederalPrison,
    /// <summary>A state, territorial or military facility.</summary>
    Other,
}

public sealed record FacilityInput(
    string? Name,
    string? FieldOffice,
    string? Street,
    string? City,
    string? State,
    string? Zip,
    string? District,
    string? Circuit,
    string? Source = null)
{
    public string? County { get; init; }
    public string? Division { get; init; }
    public FacilityType Type { get; init; }
    public string? IceCode { get; init; }
    public string? Aliases { get; init; }
    public string? ReviewNote { get; init; }
}

/// <summary>Federal courts of appeals by state or territory (28 U.S.C. 41).</summary>
public static class Circuits
{
    public static string? ForState(string state) => FederalDistricts.CircuitOf(state);

    /// <summary>The federal district of a state that has only one (28 U.S.C. 81-131); null where there are several.</summary>
    public static string? SingleDistrict(string state) => FederalDistricts.SingleDistrictOf(state);
}
