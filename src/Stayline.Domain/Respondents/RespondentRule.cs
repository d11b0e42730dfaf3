using Stayline.Domain.Common;

namespace Stayline.Domain.Respondents;

/// <summary>
/// Which officials a petition filed in one district names besides the immediate custodian, with the source of that
/// practice. The row for <see cref="AnyDistrict"/> applies where a district has none of its own. Admins edit these
/// (audited): practice differs between districts and judges, and what a court expects is a lawyer's call.
/// </summary>
public sealed class RespondentRule : People.IVersioned
{
    /// <summary>The district of the default rule.</summary>
    public const string AnyDistrict = "*";

    public long Id { get; private set; }
    /// <summary>Bluebook form ("E.D. Mich.") or <see cref="AnyDistrict"/>.</summary>
    public string District { get; private set; } = AnyDistrict;
    public bool NameFieldOfficeDirector { get; private set; }
    public bool NameSecretary { get; private set; }
    public bool NameAttorneyGeneral { get; private set; }
    public string? Source { get; private set; }
    public int Version { get; set; }

    private RespondentRule()
    {
    }

    public static (RespondentRule? Rule, IReadOnlyList<FieldError> Errors) Create(string? district, bool fieldOfficeDirector, bool secretary,
        bool attorneyGeneral, string? source)
    {
        var rule = new RespondentRule();
        var errors = rule.Update(district, fieldOfficeDirector, secretary, attorneyGeneral, source);
        return errors.Count == 0 ? (rule, errors) : (null, errors);
    }

    public IReadOnlyList<FieldError> Update(string? district, bool fieldOfficeDirector, bool secretary, bool attorneyGeneral, string? source)
    {
        var name = district?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return [new FieldError("District", Sentence.Of($"Name the district (e.g. E.D. Mich.) or * for every district without its own rule."))];
        }

        if (name != AnyDistrict)
        {
            if (Custody.FederalDistricts.FindLoose(name) is not { } known)
            {
                return [new FieldError("District", Sentence.Of($"\"{name}\" is not a federal district; write it as a caption does, e.g. E.D. Mich., D.N.J., S.D.N.Y."))];
            }

            name = known.Name;
        }

        District = name;
        NameFieldOfficeDirector = fieldOfficeDirector;
        NameSecretary = secretary;
        NameAttorneyGeneral = attorneyGeneral;
        Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim();
        return [];
    }
}
