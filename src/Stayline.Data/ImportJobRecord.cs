namespace Stayline.Data;

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
    /// <summary>Why the job failed, in English (as printed).</summary>
    public string? Failure { get; set; }

    /// <summary><see cref="Failure"/>'s format and values as JSON (<c>Sentence.ToJson</c>), so the progress page says it in the
    /// reader's language; null for jobs that failed before it was kept.</summary>
    public string? FailureSentence { get; set; }
    public bool Done { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
