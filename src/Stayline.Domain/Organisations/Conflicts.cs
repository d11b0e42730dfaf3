using Stayline.Domain.Common;

namespace Stayline.Domain.Organisations;

/// <summary>Someone whose interests are adverse to a client (a co-defendant, a complaining witness, an abuser):
/// a conflict check finds them across organisations like clients and family contacts.</summary>
public sealed class AdverseParty
{
    public const int NameLength = 400;

    public long Id { get; private set; }
    public long PersonId { get; private set; }
    public long OrganisationId { get; private set; }
    public string Name { get; private set; } = "";
    public DateTimeOffset AddedAt { get; private set; }

    private AdverseParty()
    {
    }

    public static (AdverseParty? Party, Sentence? Error) Create(long personId, long organisationId, string? name, DateTimeOffset now)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return (null, Sentence.Of($"An adverse party needs a name."));
        }

        if (trimmed.Length > NameLength)
        {
            return (null, Sentence.Of($"The name is {trimmed.Length} characters long; at most {NameLength} are allowed."));
        }

        return (new AdverseParty { PersonId = personId, OrganisationId = organisationId, Name = trimmed, AddedAt = now }, null);
    }
}

/// <summary>What the person checked is about to become.</summary>
public enum ConflictPurpose
{
    Intake,
    Import,
    Assignment,
}

public enum ConflictDecision
{
    Proceed,
    Decline,
    Waived,
}

/// <summary>
/// A conflict check: the name searched, for what, by whom, how many hits (the hits themselves as shown: owning
/// organisation, role, name), and the decision taken on it. Never holds another organisation's privileged content.
/// </summary>
public sealed class ConflictCheck
{
    public const int ReasonLength = 2000;

    public long Id { get; private set; }
    public ConflictPurpose Purpose { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The person taken in or assigned, when there is one already.</summary>
    public long? PersonId { get; private set; }
    /// <summary>The organisation on whose behalf the check ran.</summary>
    public long OrganisationId { get; private set; }
    public string? CheckedById { get; private set; }
    public string CheckedByName { get; private set; } = "";
    public DateTimeOffset CheckedAt { get; private set; }
    public int HitCount { get; private set; }
    /// <summary>The hits as shown (JSON: organisation, role, name), so the decision can be read against them later.</summary>
    public string HitsJson { get; private set; } = "[]";
    public ConflictDecision? Decision { get; private set; }
    public string? DecisionReason { get; private set; }
    public string? DecidedById { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    private ConflictCheck()
    {
    }

    public ConflictCheck(ConflictPurpose purpose, string name, long? personId, long organisationId, string? checkedById, string checkedByName,
        DateTimeOffset checkedAt, int hitCount, string hitsJson)
    {
        Purpose = purpose;
        Name = name;
        PersonId = personId;
        OrganisationId = organisationId;
        CheckedById = checkedById;
        CheckedByName = checkedByName;
        CheckedAt = checkedAt;
        HitCount = hitCount;
        HitsJson = hitsJson;
    }

    /// <summary>Records the decision once; a waiver needs a reason. Returns why it was refused, or null.</summary>
    public Sentence? Decide(ConflictDecision decision, string? reason, string? userId, string userName, DateTimeOffset now)
    {
        if (Decision is not null)
        {
            return Sentence.Of($"This check already has a decision.");
        }

        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (decision == ConflictDecision.Waived && trimmed is null)
        {
            return Sentence.Of($"A waiver needs a reason.");
        }

        if (trimmed is { Length: > ReasonLength })
        {
            return Sentence.Of($"The reason is {trimmed.Length} characters long; at most {ReasonLength} are allowed.");
        }

        Decision = decision;
        DecisionReason = trimmed;
        DecidedById = userId;
        DecidedByName = userName;
        DecidedAt = now;
        return null;
    }

    /// <summary>The person the check was about, once intake has created them.</summary>
    public void LinkPerson(long personId) => PersonId ??= personId;
}
