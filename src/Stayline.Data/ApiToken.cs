namespace Stayline.Data;

/// <summary>A personal access token for scripts; only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
