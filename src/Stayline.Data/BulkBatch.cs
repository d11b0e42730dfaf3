namespace Stayline.Data;

/// <summary>What a bulk action did, as one undoable unit.</summary>
public enum BulkBatchKind
{
    AssignAttorney,
    AddToClass,
    RecordEvent,
    Transfer,
}

/// <summary>
/// One bulk action: who ran it, when, what it did. The rows it wrote (events, assignments, class memberships,
/// custody episodes) carry its id in a <c>BatchId</c> column, so undoing it finds exactly them.
/// </summary>
public sealed class BulkBatch
{
    /// <summary>The shadow column on the rows a batch wrote.</summary>
    public const string BatchIdColumn = "BatchId";

    /// <summary>The shadow column on a custody episode a bulk transfer ended (undo reopens it).</summary>
    public const string EndedByBatchColumn = "EndedByBatchId";

    public long Id { get; set; }
    public BulkBatchKind Kind { get; set; }
    /// <summary>What the action did, in English (as printed; at most 400 characters).</summary>
    public string Description { get; set; } = "";

    /// <summary>The description's format and values as JSON (<c>Sentence.ToJson</c>), so the history page says it in the
    /// reader's language; null for batches written before it was kept (their English description is shown).</summary>
    public string? Sentence { get; set; }
    public int People { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";

    /// <summary>For a transfer: the custody status and facility of each person who was not held before (a detention), as JSON.</summary>
    public string? Before { get; set; }

    public DateTimeOffset? UndoneAt { get; set; }
    public string? UndoneBy { get; set; }
}
