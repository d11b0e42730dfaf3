namespace Stayline.Data;

/// <summary>A reminder sent (or written to the outbox), so that the same reminder is never sent twice.</summary>
public sealed class DeadlineReminder
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public long PersonId { get; set; }
    public string RuleId { get; set; } = "";
    public DateOnly DueDate { get; set; }
    public int DaysBefore { get; set; }
    public DateTimeOffset SentAt { get; set; }
    /// <summary>"smtp" or "outbox:FILE".</summary>
    public string Via { get; set; } = "";
}
