namespace Stayline.Data;

/// <summary>What an import did with one row.</summary>
public enum ImportRowAction
{
    Created,
    Updated,
    /// <summary>The row matched a person whose record already said the same: nothing changed.</summary>
    Unchanged,
    /// <summary>The linkage engine could not decide; a person must look (the Review page).</summary>
    Review,
    /// <summary>A review row someone decided; see the row's person.</summary>
    Resolved,
}

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

/// <summary>
/// A run of consecutive person ids that an import created, all of them: undo removes exactly the people in its
/// import's runs. One row per run instead of one per person (an import of a million new people has one run, or a
/// few when other people were saved on PostgreSQL while it took its ids).
/// </summary>
public sealed class ImportCreatedRange
{
    public long BatchId { get; set; }
    public long FromId { get; set; }
    /// <summary>Inclusive.</summary>
    public long ToId { get; set; }
}

/// <summary>The column mapping last used for a source ("ICE list", "hotline sheet"), header -> field.</summary>
public sealed class ImportSourceMapping
{
    public long Id { get; set; }
    public string Source { get; set; } = "";
    public string MappingJson { get; set; } = "{}";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Someone decided that two records are different people: the pair is never proposed again.</summary>
public sealed class NotSamePerson
{
    /// <summary>The smaller person id of the pair.</summary>
    public long LowId { get; set; }
    public long HighId { get; set; }
    public DateTimeOffset At { get; set; }
    public string UserName { get; set; } = "";
}

/// <summary>A merge of one person into another, with everything undo needs: the absorbed record and what moved.</summary>
public sealed class MergeRecord
{
    public long Id { get; set; }
    public long SurvivorId { get; set; }
    public long AbsorbedId { get; set; }
    public DateTimeOffset At { get; set; }
    public string UserName { get; set; } = "";
    /// <summary>JSON: the absorbed person's values (to recreate it with the same id).</summary>
    public string Absorbed { get; set; } = "";
    /// <summary>JSON: the survivor's values before the merge.</summary>
    public string SurvivorBefore { get; set; } = "";
    /// <summary>JSON: the records that moved (entity type and key) and the alias the merge added.</summary>
    public string Moved { get; set; } = "";
    public DateTimeOffset? UndoneAt { get; set; }
}

/// <summary>
/// An import (or preview) started from the upload page, as every web node sees it: its progress while it runs,
/// then its report or why it failed. Written by the node that runs it, read by any node's progress page.
/// </summary>
public sealed class ImportJobRecord
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public string Source { get; set; } = "";
    public string FileName { get; set; } = "";
    /// <summary>The uploaded file on the node that received it (a preview's "import" step runs there).</summary>
    public string FilePath { get; set; } = "";
    public bool DryRun { get; set; }
    /// <summary>JSON {"Header": "field"} chosen on the preview page; null: the saved or default mapping.</summary>
    public string? MappingJson { get; set; }
    public string Phase { get; set; } = "";
    public double Fraction { get; set; }
    public int Rows { get; set; }
    /// <summary>JSON of the report without its errors (those are <see cref="ImportJobError"/> rows).</summary>
    public string? ReportJson { get; set; }
    public int ErrorCount { get; set; }
    public string? Failure { get; set; }
    public bool Done { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One error of an import job's report, in the order found (<see cref="Seq"/> from 0): paged on the progress page.</summary>
public sealed class ImportJobError
{
    public Guid JobId { get; set; }
    public int Seq { get; set; }
    public int Row { get; set; }
    public string? Column { get; set; }
    public string? Value { get; set; }
    public string Message { get; set; } = "";
}
