namespace Stayline.Domain.Work;

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
