namespace Stayline.Data;

/// <summary>One error of an import job's report, in the order found (<see cref="Seq"/> from 0): paged on the progress page.</summary>
public sealed class ImportJobError
{
    public Guid JobId { get; set; }
    public int Seq { get; set; }
    public int Row { get; set; }
    public string? Column { get; set; }
    public string? Value { get; set; }
    /// <summary>The English sentence, as printed (CLI, API).</summary>
    public string Message { get; set; } = "";

    /// <summary>The sentence's format and values as JSON (<c>Sentence.ToJson</c>), so a page can say it in the reader's
    /// language; null for text that is not translated and for rows stored before it was kept.</summary>
    public string? Sentence { get; set; }
}
