namespace Stayline.Data;

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
