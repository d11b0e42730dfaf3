namespace Stayline.Data;

/// <summary>
/// A person's protection from removal as last derived (one row per person). Written only by the recompute
/// service in bulk, never edited; <see cref="ComputedAsOf"/> says which day it answers for.
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
    /// <summary>The chain of reasons: [{"code","text","citation"}], missing facts flagged.</summary>
    public string ReasonsJson { get; set; } = "[]";
    /// <summary>
    /// The day of the evaluation that last wrote or confirmed this row. A full recompute confirms unchanged rows without
    /// touching them: the row answers for the later of this day and <see cref="DerivedWatermark.AllComputedAsOf"/>.
    /// </summary>
    public DateOnly ComputedAsOf { get; set; }
}

/// <summary>
/// Fingerprints (64-bit) of a person's stored protection row and derived deadline rows. A recompute compares them with
/// the fresh result and writes only people whose result changed, so a recompute of unchanged facts reads one narrow
/// row per person and writes nothing. Deleted with the protection row.
/// </summary>
public sealed class PersonDerivedHash
{
    public long PersonId { get; set; }
    public long ProtectionHash { get; set; }
    public long DeadlinesHash { get; set; }
}

/// <summary>
/// One row (Id 1): the day of the last full recompute. Every protection row stored then was confirmed for that day,
/// so a row answers for the later of its own <see cref="PersonProtection.ComputedAsOf"/> and this day.
/// </summary>
public sealed class DerivedWatermark
{
    public int Id { get; set; }
    public DateOnly AllComputedAsOf { get; set; }
}

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

/// <summary>A day a court was closed (weather, outage), added by an admin; feeds every court calendar.</summary>
public sealed class CourtClosureDay
{
    public long Id { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>Null: all courts; else a court id such as "bia" or "ca6".</summary>
    public string? Court { get; set; }
    public string Reason { get; set; } = "";
    public string? AddedBy { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>A reminder sent (or written to the outbox), so that the same reminder is never sent twice.</summary>
public sealed class DeadlineReminder
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public long PersonId { get; set; }
    public string RuleId { get; set; } = "";
    public DateOnly DueDate { get; set; }
    public int DaysBefore { get; set; }
    public DateTimeOffset SentAt { get; set; }
    /// <summary>"smtp" or "outbox:FILE".</summary>
    public string Via { get; set; } = "";
}

/// <summary>A user's secret calendar-feed address; only the SHA-256 of the secret is stored.</summary>
public sealed class CalendarFeed
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
