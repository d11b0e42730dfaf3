namespace Stayline.Domain.Custody;

/// <summary>Facts about a person (not about one matter) that deadlines and protection depend on.</summary>
public enum PersonEventKind
{
    Arrested,
    Transferred,
    Released,
    /// <summary>The person boarded for removal: no stay has effect from then on (8 CFR 1241.6).</summary>
    BoardedForRemoval,
    Removed,
    AFileReceived,
    RecordOfProceedingsReceived,
    Other,
}
