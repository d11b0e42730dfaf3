namespace Stayline.Data;

/// <summary>A day a court was closed (weather, outage), added by an admin; feeds every court calendar.</summary>
public sealed class CourtClosureDay
{
    public long Id { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>Null: all courts; else a court id such as "bia" or "ca6".</summary>
    public string? Court { get; set; }
    public string Reason { get; set; } = "";
    public string? AddedBy { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}
