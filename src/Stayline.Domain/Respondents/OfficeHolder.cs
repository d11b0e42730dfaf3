using Stayline.Domain.Common;

namespace Stayline.Domain.Respondents;

/// <summary>What an admin types (or the shipped table holds) for one term in an office.</summary>
public sealed record OfficeHolderInput(Office Office, string? Name, string? Title, DateOnly? From, DateOnly? To,
    long? FacilityId = null, string? FieldOffice = null, string? Source = null);

/// <summary>
/// One person's term in an office: a facility's warden, an area of responsibility's field office director, the
/// Secretary of Homeland Security or the Attorney General, from a first day to a last day (null: still in office).
/// Terms are never deleted when someone leaves: the last day is set, so a petition drafted for an earlier date still
/// names who held the office then.
/// </summary>
public sealed class OfficeHolder : People.IVersioned
{
    public long Id { get; private set; }
    public Office Office { get; private set; }
    /// <summary>The facility a warden runs; null for the other offices.</summary>
    public long? FacilityId { get; private set; }
    /// <summary>The field office (area of responsibility) a director runs, as facilities name it; null for the other offices.</summary>
    public string? FieldOffice { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The title as a caption states it ("Warden", "Facility Administrator", "Acting Secretary of Homeland Security").</summary>
    public string Title { get; private set; } = "";
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }
    public string? Source { get; private set; }
    public int Version { get; set; }

    private OfficeHolder()
    {
    }

    public static (OfficeHolder? Holder, IReadOnlyList<FieldError> Errors) Create(OfficeHolderInput input)
    {
        var h = new OfficeHolder();
        var errors = h.Update(input);
        return errors.Count == 0 ? (h, errors) : (null, errors);
    }

    public IReadOnlyList<FieldError> Update(OfficeHolderInput input)
    {
        var errors = new List<FieldError>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new FieldError("Name", Sentence.Of($"The office holder's name is required.")));
        }

        if (input.From is null)
        {
            errors.Add(new FieldError("From", Sentence.Of($"The first day in office is required (a petition names whoever held the office on its date).")));
        }
        else if (input.To is { } to && to < input.From)
        {
            errors.Add(new FieldError("To", Sentence.Of($"The last day in office ({to:yyyy-MM-dd}) is before the first ({input.From:yyyy-MM-dd}).")));
        }

        var fieldOffice = input.FieldOffice?.Trim();
        switch (input.Office)
        {
            case Office.Warden when input.FacilityId is null:
                errors.Add(new FieldError("FacilityId", Sentence.Of($"Choose the facility this warden or administrator runs.")));
                break;
            case Office.FieldOfficeDirector when string.IsNullOrEmpty(fieldOffice):
                errors.Add(new FieldError("FieldOffice", Sentence.Of($"Name the field office (area of responsibility) this director runs.")));
                break;
        }

        if (!Enum.IsDefined(input.Office))
        {
            errors.Add(new FieldError("Office", Sentence.Of($"Unknown office \"{input.Office}\".")));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        Office = input.Office;
        FacilityId = input.Office == Office.Warden ? input.FacilityId : null;
        FieldOffice = input.Office == Office.FieldOfficeDirector ? fieldOffice : null;
        Name = name!;
        Title = string.IsNullOrWhiteSpace(input.Title) ? DefaultTitle(input.Office) : input.Title.Trim();
        From = input.From!.Value;
        To = input.To;
        Source = string.IsNullOrWhiteSpace(input.Source) ? null : input.Source.Trim();
        return errors;
    }

    /// <summary>Ends the term on <paramref name="lastDay"/> (the day before a successor starts, or the day of leaving).</summary>
    public IReadOnlyList<FieldError> End(DateOnly lastDay) =>
        Update(new OfficeHolderInput(Office, Name, Title, From, lastDay, FacilityId, FieldOffice, Source));

    public bool InOfficeOn(DateOnly day) => From <= day && (To is null || day <= To);

    public static string DefaultTitle(Office office) => office switch
    {
        Office.Warden => "Warden",
        Office.FieldOfficeDirector => "Field Office Director",
        Office.HomelandSecuritySecretary => "Secretary of Homeland Security",
        Office.AttorneyGeneral => "Attorney General of the United States",
        _ => office.ToString(),
    };
}
