namespace Stayline.Data;

/// <summary>A user's secret calendar-feed address; only the SHA-256 of the secret is stored.</summary>
public sealed class CalendarFeed
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
