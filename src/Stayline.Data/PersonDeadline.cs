namespace Stayline.Data;

/// <summary>
/// A deadline of a person: derived from the rule table (Manual false, replaced on every recompute) or entered by
/// hand (Manual true, never touched by recompute). Title, trigger text and explanation of derived rows come from
/// the rule (or the class order in <see cref="CourtOrderId"/>) when shown, so a million rows do not carry copies.
/// </summary>
public sealed class PersonDeadline
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public string RuleId { get; set; } = "";
    public long? CourtOrderId { get; set; }
    public DateOnly? TriggerDate { get; set; }
    public DateOnly? DueDate { get; set; }
    public int PeriodDays { get; set; }
    public string Citation { get; set; } = "";
    /// <summary>Open, Met, Missed or NotApplicable.</summary>
    public string State { get; set; } = "";
    public bool Manual { get; set; }
    /// <summary>Manual deadlines only: what is due.</summary>
    public string? Title { get; set; }
    /// <summary>Manual deadlines only: the event that started the period.</summary>
    public string? Trigger { get; set; }
    /// <summary>Manual deadlines only: why the date is what it is.</summary>
    public string? Explanation { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
}
