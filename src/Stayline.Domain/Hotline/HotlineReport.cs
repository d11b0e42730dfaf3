namespace Stayline.Domain.Hotline;

/// <summary>Where a hotline report stands in the intake queue.</summary>
public enum HotlineReportStatus
{
    New,
    Accepted,
    Rejected,
}

/// <summary>
/// What a family member or other caller told the public hotline form about someone detained. It waits in the intake
/// queue until staff accept it (linked to a known person or to a person created from it) or reject it; the linkage
/// engine's suggestion is kept beside it, never applied without a person deciding.
/// </summary>
public sealed class HotlineReport
{
    /// <summary>The longest value each field takes; the form refuses longer ones rather than cutting them.</summary>
    public const int MaxName = 200;
    public const int MaxANumber = 20;
    public const int MaxPhone = 40;
    public const int MaxFacility = 200;
    public const int MaxNotes = 2000;

    public long Id { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    /// <summary>The form's language (ar, en or es): the language to call the family back in.</summary>
    public string Language { get; private set; } = "en";
    public string DetaineeName { get; private set; } = "";
    /// <summary>The 9 stored digits, or null when the caller did not know it.</summary>
    public string? ANumber { get; private set; }
    public string CallerName { get; private set; } = "";
    public string CallerPhone { get; private set; } = "";
    public string? Facility { get; private set; }
    public string? Notes { get; private set; }

    public HotlineReportStatus Status { get; private set; }
    /// <summary>When the linkage engine last looked at the report (null: not yet).</summary>
    public DateTimeOffset? LinkedAt { get; private set; }
    /// <summary>The organisation that runs the hotline and works its queue; staff of other organisations see a report
    /// only once it is accepted for a person they may see.</summary>
    public long OrganisationId { get; private set; }
    public long? SuggestedPersonId { get; private set; }
    public double? SuggestedScore { get; private set; }
    /// <summary>The person the report was accepted for.</summary>
    public long? PersonId { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? DecidedByName { get; private set; }
    public string? DecisionNote { get; private set; }

    private HotlineReport()
    {
    }

    public static HotlineReport Received(DateTimeOffset at, string language, string detaineeName, string? aNumberDigits, string callerName, string callerPhone,
        string? facility, string? notes, long organisationId) => new()
        {
            ReceivedAt = at,
            OrganisationId = organisationId,
            Language = language,
            DetaineeName = detaineeName,
            ANumber = aNumberDigits,
            CallerName = callerName,
            CallerPhone = callerPhone,
            Facility = facility,
            Notes = notes,
            Status = HotlineReportStatus.New,
        };

    /// <summary>Records the linkage engine's answer (no person: it found nobody likely).</summary>
    public void Suggest(long? personId, double? score, DateTimeOffset at)
    {
        SuggestedPersonId = personId;
        SuggestedScore = personId is null ? null : score;
        LinkedAt = at;
    }

    /// <summary>Accepts the report for a person; false when someone already decided (the first decision stands).</summary>
    public bool Accept(long personId, string? userId, string userName, string? note, DateTimeOffset at) =>
        Decide(HotlineReportStatus.Accepted, personId, userId, userName, note, at);

    public bool Reject(string? userId, string userName, string? note, DateTimeOffset at) =>
        Decide(HotlineReportStatus.Rejected, null, userId, userName, note, at);

    private bool Decide(HotlineReportStatus status, long? personId, string? userId, string userName, string? note, DateTimeOffset at)
    {
        if (Status != HotlineReportStatus.New)
        {
            return false;
        }

        Status = status;
        PersonId = personId;
        DecidedBy = userId;
        DecidedByName = userName;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        DecidedAt = at;
        return true;
    }
}
