namespace Stayline.Data;

/// <summary>
/// One version of a DOCX template. Uploading a new file adds a version; generation uses the newest one and
/// records which version it used. Kept in this assembly (not the domain) so that the generic change audit
/// does not copy file contents into the audit log: the documents feature writes its own audit events.
/// </summary>
public sealed class DocumentTemplate
{
    public long Id { get; set; }
    /// <summary>Stable id used on the command line, e.g. "habeas-2241".</summary>
    public string Key { get; set; } = "";
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}
