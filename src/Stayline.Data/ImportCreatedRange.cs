namespace Stayline.Data;

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
