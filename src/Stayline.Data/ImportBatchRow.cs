namespace Stayline.Data;

/// <summary>One row of an import and its effect, with what undo needs (the person's values before). Rows that created a
/// person have none: <see cref="ImportCreatedRange"/> records them.</summary>
public sealed class ImportBatchRow
{
    public long Id { get; set; }
    public long BatchId { get; set; }
    public int Row { get; set; }
    public ImportRowAction Action { get; set; }
    /// <summary>The person created or updated, or for a review row the candidate it may be.</summary>
    public long? PersonId { get; set; }
    /// <summary>The person's Version right after the import changed it: a later change makes undo refuse.</summary>
    public int VersionAfter { get; set; }
    /// <summary>JSON: the person's values before an update, and the aliases and custody episodes the import added.</summary>
    public string? Before { get; set; }
    /// <summary>JSON of the row's values, for review rows (applied when someone decides).</summary>
    public string? Payload { get; set; }
    public double? Score { get; set; }
}
