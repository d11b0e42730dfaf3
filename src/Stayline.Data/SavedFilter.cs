namespace Stayline.Data;

/// <summary>A people-list filter a user saved under a name (the list's query string).</summary>
public sealed class SavedFilter
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Query { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
