namespace Stayline.Data;

/// <summary>The column mapping last used for a source ("ICE list", "hotline sheet"), header -> field.</summary>
public sealed class ImportSourceMapping
{
    public long Id { get; set; }
    public string Source { get; set; } = "";
    public string MappingJson { get; set; } = "{}";
    public DateTimeOffset UpdatedAt { get; set; }
}
