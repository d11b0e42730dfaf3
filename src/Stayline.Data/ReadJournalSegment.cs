namespace Stayline.Data;

/// <summary>A segment of the read-audit journal (SQLite) whose reads are in <c>audit_events</c>: written in the same
/// transaction as its rows, so a segment left on disk by a crash after that commit is never moved twice.</summary>
public sealed class ReadJournalSegment
{
    public string Name { get; set; } = "";
    public DateTimeOffset MovedAt { get; set; }
}
