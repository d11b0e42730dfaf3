namespace Stayline.Domain.Hotline;

/// <summary>
/// One call the hotline staff took or made: who called, about whom (a known person, or only a name), what the team
/// promised, who took it and when. Entries are added, not edited: what was promised to a family stays on record.
/// </summary>
public sealed class HotlineCall
{
    public const int MaxName = 200;
    public const int MaxPhone = 40;
    public const int MaxText = 2000;

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string CallerName { get; private set; } = "";
    public string? CallerPhone { get; private set; }
    /// <summary>The organisation of the staff member who took the call.</summary>
    public long OrganisationId { get; private set; }
    public long? PersonId { get; private set; }
    /// <summary>Whom the call was about when no person is linked (or as the caller said it).</summary>
    public string? AboutName { get; private set; }
    public string? Summary { get; private set; }
    public string Promised { get; private set; } = "";
    public string? TakenBy { get; private set; }
    public string TakenByName { get; private set; } = "";
    public long? HotlineReportId { get; private set; }

    private HotlineCall()
    {
    }

    public static HotlineCall Logged(DateTimeOffset at, string callerName, string? callerPhone, long? personId, string? aboutName, string? summary, string promised,
        string? takenBy, string takenByName, long organisationId, long? reportId = null) => new()
        {
            At = at,
            OrganisationId = organisationId,
            CallerName = callerName,
            CallerPhone = callerPhone,
            PersonId = personId,
            AboutName = aboutName,
            Summary = summary,
            Promised = promised,
            TakenBy = takenBy,
            TakenByName = takenByName,
            HotlineReportId = reportId,
        };
}
