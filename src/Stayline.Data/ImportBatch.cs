namespace Stayline.Data;

/// <summary>One import of a list: who, when, which file, what it did. Undoing it reverses it in one transaction.</summary>
public sealed class ImportBatch
{
    public long Id { get; set; }
    public string Source { get; set; } = "";
    public string FileName { get; set; } = "";
    /// <summary>SHA-256 of the file's bytes: importing the same file twice is recognised.</summary>
    public string FileHash { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public int Rows { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Review { get; set; }
    public DateTimeOffset? UndoneAt { get; set; }
    public string? UndoneBy { get; set; }
}
