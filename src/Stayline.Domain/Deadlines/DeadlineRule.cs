namespace Stayline.Domain.Deadlines;

public enum DeadlineCounting
{
    /// <summary>
    /// Leave out the trigger day, count every calendar day, and when the last day is a Saturday, Sunday, legal
    /// holiday or closure, move to the next court day (FRAP 26(a)(1); for Board appeals 8 CFR 1003.38(c)).
    /// </summary>
    CalendarDaysNextCourtDay,
}

/// <summary>A ground on which the time limit does not apply at all: the result is "no time limit", never a date.</summary>
public sealed record TimeLimitExemption(string Id, string Name, string Citation, string Explanation);

/// <summary>
/// One row of the deadline table. <see cref="TriggerEvents"/> lists the events that start the period; when there
/// are several (a court order counting from the later of two receipts) every one must have happened.
/// </summary>
public sealed record DeadlineRule(
    string Id,
    string Title,
    string TriggerDescription,
    IReadOnlyList<string> TriggerEvents,
    int PeriodDays,
    DeadlineCounting Counting,
    string Citation,
    string Explanation,
    IReadOnlyList<TimeLimitExemption> Exemptions)
{
    public TimeLimitExemption? FindExemption(string exemptionId) =>
        Exemptions.FirstOrDefault(e => string.Equals(e.Id, exemptionId, StringComparison.Ordinal));
}
