using Stayline.Domain.Common;

namespace Stayline.Domain.Custody;

/// <summary>A detention centre. The federal circuit decides where a petition for review or habeas is heard.</summary>
public sealed class Facility : People.IVersioned
{
    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public string? FieldOffice { get; private set; }
    public string? Street { get; private set; }
    public string? City { get; private set; }
    public string? State { get; private set; }
    public string? Zip { get; private set; }
    /// <summary>Federal judicial district, e.g. "E.D. Mich.".</summary>
    public string? District { get; private set; }
    /// <summary>Court of appeals circuit, e.g. "6th".</summary>
    public string? Circuit { get; private set; }
    public string? Source { get; private set; }
    public int Version { get; set; }

    private Facility()
    {
    }

    public static (Facility? Facility, IReadOnlyList<FieldError> Errors) Create(FacilityInput input)
    {
        var f = new Facility();
        var errors = f.Update(input);
        return errors.Count == 0 ? (f, errors) : (null, errors);
    }

    public IReadOnlyList<FieldError> Update(FacilityInput input)
    {
        var v = new Validation();
        v.Require(!string.IsNullOrWhiteSpace(input.Name), nameof(FacilityInput.Name), "A facility needs a name.");
        var state = input.State?.Trim().ToUpperInvariant();
        v.Require(string.IsNullOrEmpty(state) || Circuits.ForState(state) is not null, nameof(FacilityInput.State),
            $"\"{input.State}\" is not a two-letter U.S. state or territory code.");
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
        District = Blank(input.District);
        Circuit = Blank(input.Circuit) ?? (State is null ? null : Circuits.ForState(State));
        District ??= State is null ? null : Circuits.SingleDistrict(State);
        Source = Blank(input.Source) ?? Source;
        return v.Errors;
    }

    public FacilityInput ToInput() => new(Name, FieldOffice, Street, City, State, Zip, District, Circuit, Source);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
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
    string? Source = null);

/// <summary>Federal courts of appeals by state or territory (28 U.S.C. 41).</summary>
public static class Circuits
{
    private static readonly Dictionary<string, string> ByState = Build();

    public static string? ForState(string state) => ByState.GetValueOrDefault(state.ToUpperInvariant());

    /// <summary>The federal district of a state that has only one (28 U.S.C. 81-131); null where there are several.</summary>
    public static string? SingleDistrict(string state) => SingleDistricts.GetValueOrDefault(state.ToUpperInvariant());

    private static readonly Dictionary<string, string> SingleDistricts = new(StringComparer.Ordinal)
    {
        ["AK"] = "D. Alaska",
        ["AZ"] = "D. Ariz.",
        ["CO"] = "D. Colo.",
        ["CT"] = "D. Conn.",
        ["DE"] = "D. Del.",
        ["DC"] = "D.D.C.",
        ["HI"] = "D. Haw.",
        ["ID"] = "D. Idaho",
        ["KS"] = "D. Kan.",
        ["ME"] = "D. Me.",
        ["MD"] = "D. Md.",
        ["MA"] = "D. Mass.",
        ["MN"] = "D. Minn.",
        ["MT"] = "D. Mont.",
        ["NE"] = "D. Neb.",
        ["NV"] = "D. Nev.",
        ["NH"] = "D.N.H.",
        ["NJ"] = "D.N.J.",
        ["NM"] = "D.N.M.",
        ["ND"] = "D.N.D.",
        ["OR"] = "D. Or.",
        ["RI"] = "D.R.I.",
        ["SC"] = "D.S.C.",
        ["SD"] = "D.S.D.",
        ["UT"] = "D. Utah",
        ["VT"] = "D. Vt.",
        ["WY"] = "D. Wyo.",
        ["PR"] = "D.P.R.",
    };

    private static Dictionary<string, string> Build()
    {
        var table = new (string Circuit, string States)[]
        {
            ("1st", "ME MA NH RI PR"),
            ("2nd", "CT NY VT"),
            ("3rd", "DE NJ PA VI"),
            ("4th", "MD NC SC VA WV"),
            ("5th", "LA MS TX"),
            ("6th", "KY MI OH TN"),
            ("7th", "IL IN WI"),
            ("8th", "AR IA MN MO NE ND SD"),
            ("9th", "AK AZ CA HI ID MT NV OR WA GU MP"),
            ("10th", "CO KS NM OK UT WY"),
            ("11th", "AL FL GA"),
            ("D.C.", "DC"),
        };
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (circuit, states) in table)
        {
            foreach (var s in states.Split(' '))
            {
                map[s] = circuit;
            }
        }

        return map;
    }
}
