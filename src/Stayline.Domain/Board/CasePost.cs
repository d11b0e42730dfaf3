namespace Stayline.Domain.Board;

public enum CasePostStatus
{
    Open,
    Claimed,
    Withdrawn,
}

/// <summary>What a posted case needs, as flags (a case may need several).</summary>
[Flags]
public enum CaseNeeds
{
    None = 0,
    Habeas = 1,
    Motion = 2,
    Bond = 4,
}

/// <summary>
/// A person's case posted on the volunteer board: the district (from the person's facility when posted), what it needs
/// and in which languages. Volunteers of every organisation see the card; claiming it assigns the claimant.
/// </summary>
public sealed class CasePost : People.IVersioned
{
    public const int LanguagesLength = 200;

    public long Id { get; private set; }
    public long PersonId { get; private set; }

    /// <summary>The person's organisation when posted: its admins are the coordinators told about escalation.</summary>
    public long OrganisationId { get; private set; }
    public string District { get; private set; } = "";
    public long? FacilityId { get; private set; }
    public CaseNeeds Needs { get; private set; }

    /// <summary>Languages the client needs, comma-separated as typed ("Arabic, Chaldean Neo-Aramaic").</summary>
    public string? Languages { get; private set; }
    public CasePostStatus Status { get; private set; }
    public DateTimeOffset PostedAt { get; private set; }
    public string? PostedById { get; private set; }
    public string PostedByName { get; private set; } = "";
    public string? ClaimedById { get; private set; }
    public DateTimeOffset? ClaimedAt { get; private set; }

    /// <summary>When the post passed the board's hours unclaimed (flagged on the dashboard).</summary>
    public DateTimeOffset? EscalatedAt { get; private set; }

    /// <summary>When the coordinators were emailed about the escalation (claimed before sending: one message per post).</summary>
    public DateTimeOffset? EscalationMailedAt { get; private set; }
    public int Version { get; set; }

    private CasePost()
    {
    }

    public CasePost(long personId, long organisationId, string district, long? facilityId, CaseNeeds needs, string? languages, DateTimeOffset postedAt,
        string? postedById, string postedByName)
    {
        PersonId = personId;
        OrganisationId = organisationId;
        District = district;
        FacilityId = facilityId;
        Needs = needs;
        Languages = string.IsNullOrWhiteSpace(languages) ? null : languages.Trim();
        Status = CasePostStatus.Open;
        PostedAt = postedAt;
        PostedById = postedById;
        PostedByName = postedByName;
    }

    public bool IsOpen => Status == CasePostStatus.Open;

    public void Claim(string userId, DateTimeOffset at)
    {
        Status = CasePostStatus.Claimed;
        ClaimedById = userId;
        ClaimedAt = at;
    }

    public void Withdraw() => Status = CasePostStatus.Withdrawn;

    public void Escalate(DateTimeOffset at) => EscalatedAt ??= at;

    public IReadOnlyList<string> LanguageList => Board.Languages.Split(Languages);

    public static string NeedsText(CaseNeeds needs) =>
        needs == CaseNeeds.None ? "nothing named" : string.Join(", ", new[]
        {
            needs.HasFlag(CaseNeeds.Habeas) ? "habeas petition" : null,
            needs.HasFlag(CaseNeeds.Motion) ? "motion" : null,
            needs.HasFlag(CaseNeeds.Bond) ? "bond hearing" : null,
        }.Where(s => s is not null));
}

/// <summary>Language lists as people type them: "Arabic, Chaldean Neo-Aramaic; English".</summary>
public static class Languages
{
    public static IReadOnlyList<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split([',', ';', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>How many of the needed languages the attorney speaks (case-insensitive, whole names).</summary>
    public static int Matches(IReadOnlyList<string> needed, IReadOnlyList<string> spoken) =>
        needed.Count(n => spoken.Contains(n, StringComparer.OrdinalIgnoreCase));
}
