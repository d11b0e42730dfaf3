using System.Globalization;
using Stayline.Domain.Common;
using Stayline.Domain.Custody;

namespace Stayline.Domain.Board;

public enum AdmissionKind
{
    /// <summary>Admitted to a state's bar (jurisdiction: the two-letter code, e.g. MI).</summary>
    StateBar,

    /// <summary>Admitted to practise before a federal district court (jurisdiction: its Bluebook name, e.g. E.D. Mich.).</summary>
    FederalDistrict,
}

/// <summary>One bar admission of an attorney (a user): what a habeas court and the case board ask about.</summary>
public sealed class BarAdmission
{
    public const int NumberLength = 40;

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public AdmissionKind Kind { get; private set; }

    /// <summary>"MI" for a state bar; "E.D. Mich." (Bluebook, as the facility catalogue writes districts) for a district court.</summary>
    public string Jurisdiction { get; private set; } = "";
    public string? BarNumber { get; private set; }
    public DateOnly? AdmittedOn { get; private set; }

    private BarAdmission()
    {
    }

    /// <summary>Checks and normalises one admission as typed; the errors name the row (1-based) and the field.</summary>
    public static (BarAdmission? Admission, IReadOnlyList<FieldError> Errors) Create(string userId, AdmissionKind kind, string? jurisdiction, string? barNumber,
        DateOnly? admittedOn, int row = 1)
    {
        var errors = new List<FieldError>();
        var where = Sentence.Of($"Admission {row}");
        var j = jurisdiction?.Trim() ?? "";
        string? canonical = null;
        if (j.Length == 0)
        {
            errors.Add(new FieldError("jurisdiction", Sentence.Of($"{where}: give the state (e.g. MI) or the district court (e.g. E.D. Mich.).")));
        }
        else if (kind == AdmissionKind.StateBar)
        {
            canonical = j.Length == 2 && FederalDistricts.CircuitOf(j) is not null ? j.ToUpperInvariant() : null;
            if (canonical is null)
            {
                errors.Add(new FieldError("jurisdiction", Sentence.Of($"{where}: \"{j}\" is not a two-letter state or territory code (e.g. MI, NY, DC).")));
            }
        }
        else
        {
            canonical = FederalDistricts.FindLoose(j)?.Name;
            if (canonical is null)
            {
                errors.Add(new FieldError("jurisdiction", Sentence.Of($"{where}: \"{j}\" is not a federal district; write it as a caption does, e.g. E.D. Mich., S.D.N.Y.")));
            }
        }

        var number = string.IsNullOrWhiteSpace(barNumber) ? null : barNumber.Trim();
        if (number is { Length: > NumberLength })
        {
            errors.Add(new FieldError("barNumber", Sentence.Of($"{where}: the bar number is longer than {NumberLength} characters.")));
        }

        if (kind == AdmissionKind.StateBar && number is null)
        {
            errors.Add(new FieldError("barNumber", Sentence.Of($"{where}: a state bar admission needs its bar number.")));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new BarAdmission { UserId = userId, Kind = kind, Jurisdiction = canonical!, BarNumber = number, AdmittedOn = admittedOn }, []);
    }

    /// <summary>Whether this admission lets the attorney file in the district (federal district admission, same court).</summary>
    public bool AdmitsTo(string? district) => Kind == AdmissionKind.FederalDistrict && district is not null
        && string.Equals(Jurisdiction, FederalDistricts.FindLoose(district)?.Name ?? district, StringComparison.Ordinal);

    /// <summary>"MI bar" or "E.D. Mich.": the admission in a list of several.</summary>
    public string ShortName => Kind == AdmissionKind.StateBar ? $"{Jurisdiction} bar" : Jurisdiction;

    /// <summary>"E.D. Mich. (admitted March 2, 2015)", "State bar of MI, No. P12345 (admitted 2012-...)".</summary>
    public string Describe()
    {
        var what = Kind == AdmissionKind.StateBar ? $"State bar of {Jurisdiction}" : $"U.S. District Court, {Jurisdiction}";
        var number = BarNumber is { } n ? $", No. {n}" : "";
        var since = AdmittedOn is { } d ? $" (admitted {d.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)})" : "";
        return what + number + since;
    }
}
