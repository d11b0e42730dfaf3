namespace Stayline.Domain.Custody;

/// <summary>One federal judicial district: its Bluebook abbreviation, state or territory, and court of appeals.</summary>
public sealed record FederalDistrict(string Name, string State, string Circuit);

/// <summary>
/// The 94 district courts (28 U.S.C. 81-131, 48 U.S.C. 1424 (Guam), 1611 (Virgin Islands), 1821 (Northern Mariana
/// Islands)) and the circuit of each state or territory (28 U.S.C. 41). Names are in Bluebook form, which is how
/// captions and case citations write them.
/// </summary>
public static class FederalDistricts
{
    private static readonly (string Circuit, string States)[] CircuitStates =
    [
        ("1st", "ME MA NH RI PR"),
        ("2d", "CT NY VT"),
        ("3d", "DE NJ PA VI"),
        ("4th", "MD NC SC VA WV"),
        ("5th", "LA MS TX"),
        ("6th", "KY MI OH TN"),
        ("7th", "IL IN WI"),
        ("8th", "AR IA MN MO NE ND SD"),
        ("9th", "AK AZ CA HI ID MT NV OR WA GU MP"),
        ("10th", "CO KS NM OK UT WY"),
        ("11th", "AL FL GA"),
        ("D.C.", "DC"),
    ];

    private static readonly (string State, string Districts)[] StateDistricts =
    [
        ("AL", "N.D. Ala.|M.D. Ala.|S.D. Ala."), ("AK", "D. Alaska"), ("AZ", "D. Ariz."), ("AR", "E.D. Ark.|W.D. Ark."),
        ("CA", "N.D. Cal.|E.D. Cal.|C.D. Cal.|S.D. Cal."), ("CO", "D. Colo."), ("CT", "D. Conn."), ("DE", "D. Del."), ("DC", "D.D.C."),
        ("FL", "N.D. Fla.|M.D. Fla.|S.D. Fla."), ("GA", "N.D. Ga.|M.D. Ga.|S.D. Ga."), ("HI", "D. Haw."), ("ID", "D. Idaho"),
        ("IL", "N.D. Ill.|C.D. Ill.|S.D. Ill."), ("IN", "N.D. Ind.|S.D. Ind."), ("IA", "N.D. Iowa|S.D. Iowa"), ("KS", "D. Kan."),
        ("KY", "E.D. Ky.|W.D. Ky."), ("LA", "E.D. La.|M.D. La.|W.D. La."), ("ME", "D. Me."), ("MD", "D. Md."), ("MA", "D. Mass."),
        ("MI", "E.D. Mich.|W.D. Mich."), ("MN", "D. Minn."), ("MS", "N.D. Miss.|S.D. Miss."), ("MO", "E.D. Mo.|W.D. Mo."),
        ("MT", "D. Mont."), ("NE", "D. Neb."), ("NV", "D. Nev."), ("NH", "D.N.H."), ("NJ", "D.N.J."), ("NM", "D.N.M."),
        ("NY", "N.D.N.Y.|S.D.N.Y.|E.D.N.Y.|W.D.N.Y."), ("NC", "E.D.N.C.|M.D.N.C.|W.D.N.C."), ("ND", "D.N.D."),
        ("OH", "N.D. Ohio|S.D. Ohio"), ("OK", "N.D. Okla.|E.D. Okla.|W.D. Okla."), ("OR", "D. Or."), ("PA", "E.D. Pa.|M.D. Pa.|W.D. Pa."),
        ("PR", "D.P.R."), ("RI", "D.R.I."), ("SC", "D.S.C."), ("SD", "D.S.D."), ("TN", "E.D. Tenn.|M.D. Tenn.|W.D. Tenn."),
        ("TX", "N.D. Tex.|S.D. Tex.|E.D. Tex.|W.D. Tex."), ("UT", "D. Utah"), ("VT", "D. Vt."), ("VA", "E.D. Va.|W.D. Va."),
        ("WA", "E.D. Wash.|W.D. Wash."), ("WV", "N.D. W. Va.|S.D. W. Va."), ("WI", "E.D. Wis.|W.D. Wis."), ("WY", "D. Wyo."),
        ("GU", "D. Guam"), ("VI", "D.V.I."), ("MP", "D.N. Mar. I."),
    ];

    private static readonly Dictionary<string, string> CircuitByState = CircuitStates
        .SelectMany(c => c.States.Split(' ').Select(s => (s, c.Circuit))).ToDictionary(x => x.s, x => x.Circuit, StringComparer.Ordinal);

    /// <summary>Every district, in statute order by state.</summary>
    public static IReadOnlyList<FederalDistrict> All { get; } = StateDistricts
        .SelectMany(s => s.Districts.Split('|').Select(d => new FederalDistrict(d, s.State, CircuitByState[s.State]))).ToList();

    private static readonly Dictionary<string, FederalDistrict> ByName = All.ToDictionary(d => d.Name, StringComparer.Ordinal);

    private static readonly Dictionary<string, FederalDistrict> ByLooseName = All.ToDictionary(d => Loose(d.Name), StringComparer.Ordinal);

    public static FederalDistrict? Find(string name) => ByName.GetValueOrDefault(name.Trim());

    /// <summary>A district written without Bluebook spacing or periods ("ED Mich", "e.d. mich."); null when none matches.</summary>
    public static FederalDistrict? FindLoose(string name) => Find(name) ?? ByLooseName.GetValueOrDefault(Loose(name));

    public static string? CircuitOf(string state) => CircuitByState.GetValueOrDefault(state.ToUpperInvariant());

    /// <summary>The districts of a state or territory (empty when the code is unknown).</summary>
    public static IReadOnlyList<FederalDistrict> OfState(string state) =>
        All.Where(d => d.State == state.ToUpperInvariant()).ToList();

    /// <summary>The only district of a state that has one; null where there are several.</summary>
    public static string? SingleDistrictOf(string state) => OfState(state) is [var only] ? only.Name : null;

    private static string Loose(string s) => new(s.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
}
