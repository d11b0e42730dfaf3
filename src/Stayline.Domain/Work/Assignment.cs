namespace Stayline.Domain.Work;

/// <summary>An attorney (a user) responsible for a person from a day, until unassigned.</summary>
public sealed class Assignment
{
    public long Id { get; private set; }
    public long PersonId { get; private set; }
    public string UserId { get; private set; } = "";
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }

    public bool IsActive => To is null;

    private Assignment()
    {
    }

    public Assignment(long personId, string userId, DateOnly from)
    {
        PersonId = personId;
        UserId = userId;
        From = from;
    }

    public void End(DateOnly on) => To = on < From ? From : on;
}

/// <summary>A note on a person's file. Privileged notes (attorney-client, work product) are hidden from intake and viewers.</summary>
public sealed class Note
{
    public long Id { get; private set; }
    public long PersonId { get; private set; }
    public string AuthorId { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string Text { get; private set; } = "";
    public bool Privileged { get; private set; }

    private Note()
    {
    }

    public Note(long personId, string authorId, DateTimeOffset createdAt, string text, bool privileged)
    {
        PersonId = personId;
        AuthorId = authorId;
        CreatedAt = createdAt;
        Text = text.Trim();
        Privileged = privileged;
    }
}

/// <summary>Who did what, when: every change (before and after) and every opening of a person's file.</summary>
public sealed class AuditEvent
{
    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? UserId { get; private set; }
    public string? UserName { get; private set; }
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string? EntityId { get; private set; }
    public long? PersonId { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }

    private AuditEvent()
    {
    }

    public AuditEvent(DateTimeOffset at, string? userId, string? userName, string action, string entityType, string? entityId,
        long? personId, string? before, string? after)
    {
        At = at;
        UserId = userId;
        UserName = userName;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        PersonId = personId;
        Before = before;
        After = after;
    }
}
