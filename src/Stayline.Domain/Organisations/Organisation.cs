using Stayline.Domain.Common;

namespace Stayline.Domain.Organisations;

/// <summary>
/// An office of the response: the coordinating organisation or a partner clinic or firm. People (and through them
/// matters, notes and documents) belong to one; users work for one. Exactly one is coordinating: its admins see
/// every organisation's people.
/// </summary>
public sealed class Organisation
{
    public const int NameLength = 200;

    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public bool IsCoordinating { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private Organisation()
    {
    }

    /// <summary>Null with a message when the name is empty or too long.</summary>
    public static (Organisation? Organisation, Sentence? Error) Create(string? name, bool coordinating, DateTimeOffset now)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return (null, Sentence.Of($"An organisation needs a name."));
        }

        if (trimmed.Length > NameLength)
        {
            return (null, Sentence.Of($"The name is {trimmed.Length} characters long; at most {NameLength} are allowed."));
        }

        return (new Organisation { Name = trimmed, IsCoordinating = coordinating, CreatedAt = now }, null);
    }

    /// <summary>Hands the coordinating role to another organisation (the caller clears it here first).</summary>
    public void SetCoordinating(bool coordinating) => IsCoordinating = coordinating;
}

/// <summary>A person shared by their organisation with another one, by whom and when. Removing the row ends the sharing.</summary>
public sealed class PersonShare
{
    public long Id { get; private set; }
    public long PersonId { get; private set; }
    public long OrganisationId { get; private set; }
    public string? SharedById { get; private set; }
    public string SharedByName { get; private set; } = "";
    public DateTimeOffset SharedAt { get; private set; }

    private PersonShare()
    {
    }

    public PersonShare(long personId, long organisationId, string? sharedById, string sharedByName, DateTimeOffset sharedAt)
    {
        PersonId = personId;
        OrganisationId = organisationId;
        SharedById = sharedById;
        SharedByName = sharedByName;
        SharedAt = sharedAt;
    }
}
