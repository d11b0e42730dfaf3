namespace Stayline.Data;

/// <summary>A draft generated for a person, kept on their file.</summary>
public sealed class GeneratedDocument
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public string TemplateKey { get; set; } = "";
    public int TemplateVersion { get; set; }
    public string FileName { get; set; } = "";
    public byte[] Content { get; set; } = [];
    /// <summary>Labels of the merge values the draft still lacks, one per line.</summary>
    public string? Missing { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}
