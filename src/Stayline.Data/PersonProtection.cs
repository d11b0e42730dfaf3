namespace Stayline.Data;

/// <summary>
/// A person's protection from removal as last derived (one row per person). Written only by the recompute
/// service in bulk, never edited; <see cref="ComputedAsOf"/> says which day it answers for. The chain of reasons
/// behind it is not stored: the one page or API call that shows it evaluates the person (docs/adr/0010).
/// </summary>
public sealed class PersonProtection
{
    public long PersonId { get; set; }
    /// <summary>NotProtected, Unknown or Protected.</summary>
    public string State { get; set; } = "";
    public string? PrimarySource { get; set; }
    public DateOnly? UntilDate { get; set; }
    public string? UntilEvent { get; set; }
    public bool EndsWithin7Days { get; set; }
    public string Summary { get; set; } = "";
    /// <summary>
    /// The day of the evaluation that last wrote or confirmed this row. A full recompute confirms unchanged rows without
    /// touching them: the row answers for the later of this day and <see cref="DerivedWatermark.AllComputedAsOf"/>.
    /// </summary>
    public DateOnly ComputedAsOf { get; set; }

    /// <summary>
    /// The due day of the person's earliest open deadline with a due day (derived or entered by hand), or null: the
    /// people list's "by next deadline" order reads it from an index. Kept by the recompute's writer
    /// (<c>DerivedWriter</c>), and after a deadline is entered by hand.
    /// </summary>
    public DateOnly? NextDueDate { get; set; }
}
