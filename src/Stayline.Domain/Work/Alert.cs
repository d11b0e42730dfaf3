namespace Stayline.Domain.Work;

/// <summary>What an alert is about.</summary>
public enum AlertKind
{
    /// <summary>The person was moved to a facility in another federal district.</summary>
    Transfer,
    /// <summary>Detained with no habeas petition and no attorney for longer than the team allows.</summary>
    Unclaimed,
}

/// <summary>
/// Something a person's team must act on now. Raised by the system, never deleted: it stays open until a user
/// acknowledges it, and the acknowledgement (who, when, what they did) is audited like any other change.
/// </summary>
public sealed class Alert
{
    public long Id { get; private set; }
    public AlertKind Kind { get; private set; }
    public long PersonId { get; private set; }
    /// <summary>The custody episode that raised it (the one the person was moved into, or the detention left unclaimed): one alert per episode and kind.</summary>
    public long CustodyEpisodeId { get; private set; }
    public long? FromFacilityId { get; private set; }
    public long? ToFacilityId { get; private set; }
    public string? FromDistrict { get; private set; }
    public string? ToDistrict { get; private set; }
    /// <summary>A habeas petition was filed in the old district on a day before the move (Ex parte Endo: jurisdiction stays).</summary>
    public bool HabeasFiledBefore { get; private set; }
    /// <summary>The day of the move, or the day detention began for an unclaimed case.</summary>
    public DateOnly On { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public string Message { get; private set; } = "";
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }
    public string? AcknowledgedByName { get; private set; }
    public string? AcknowledgeNote { get; private set; }
    /// <summary>When the email went out (claimed before sending, so two nodes never send it twice).</summary>
    public DateTimeOffset? NotifiedAt { get; set; }
    public string? NotifiedVia { get; set; }

    public bool IsOpen => AcknowledgedAt is null;

    private Alert()
    {
    }

    public static Alert ForTransfer(long personId, long episodeId, long fromFacilityId, long toFacilityId, string? fromDistrict, string? toDistrict,
        bool habeasFiledBefore, DateOnly on, DateTimeOffset now, string message) => new()
        {
            Kind = AlertKind.Transfer,
            PersonId = personId,
            CustodyEpisodeId = episodeId,
            FromFacilityId = fromFacilityId,
            ToFacilityId = toFacilityId,
            FromDistrict = fromDistrict,
            ToDistrict = toDistrict,
            HabeasFiledBefore = habeasFiledBefore,
            On = on,
            RaisedAt = now,
            Message = message,
        };

    public static Alert ForUnclaimed(long personId, long episodeId, long? facilityId, string? district, DateOnly detainedSince, DateTimeOffset now, string message) => new()
    {
        Kind = AlertKind.Unclaimed,
        PersonId = personId,
        CustodyEpisodeId = episodeId,
        ToFacilityId = facilityId,
        ToDistrict = district,
        On = detainedSince,
        RaisedAt = now,
        Message = message,
    };

    /// <summary>Closes the alert; false when it was already acknowledged (the first acknowledgement stands).</summary>
    public bool Acknowledge(string? userId, string userName, string? note, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return false;
        }

        AcknowledgedAt = now;
        AcknowledgedBy = userId;
        AcknowledgedByName = userName;
        AcknowledgeNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return true;
    }
}
