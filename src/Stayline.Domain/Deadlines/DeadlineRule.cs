using Stayline.Domain.Common;

namespace Stayline.Domain.Deadlines;

public enum DeadlineCounting
{
    /// <summary>
    /// Leave out the trigger day, count every calendar day, and when the last day is a Saturday, Sunday, legal
    /// holiday or closure, move to the next court day. The authority differs by forum: for motions before the
    /// immigration judge or the Board 8 CFR 1001.1(h) (as relied on in Monsalvo Velázquez v. Bondi, 2025); for Board
    /// appeals 8 CFR 1003.38(b); for petitions for review FRAP 26(a)(1). See <see cref="DeadlineRule.CountingCitation"/>.
    /// </summary>
    CalendarDaysNextCourtDay,

    /// <summary>
    /// Leave out the trigger day and count only business days (not a Saturday, Sunday or legal public holiday,
    /// 5 U.S.C. 6103); the last one counted is the last day. Used for periods that bind the government; see
    /// <see cref="BusinessDays"/> for why closures by executive order are counted.
    /// </summary>
    BusinessDays,
}

/// <summary>A longer period the other side may take by a step of its own (FOIA: written notice of unusual circumstances).</summary>
public sealed record PeriodExtension(int Days, string Citation, Sentence ExplanationSentence)
{
    public string Explanation => ExplanationSentence.ToString();
}

/// <summary>A ground on which the time limit does not apply at all: the result is "no time limit", never a date.</summary>
public sealed record TimeLimitExemption(string Id, Sentence NameSentence, string Citation, Sentence ExplanationSentence)
{
    public string Name => NameSentence.ToString();

    public string Explanation => ExplanationSentence.ToString();
}

/// <summary>
/// One row of the deadline table. <see cref="TriggerEventSentences"/> lists the events that start the period; when there
/// are several (a court order counting from the later of two receipts) every one must have happened.
/// </summary>
public sealed record DeadlineRule(
    string Id,
    Sentence TitleSentence,
    Sentence TriggerSentence,
    IReadOnlyList<Sentence> TriggerEventSentences,
    int PeriodDays,
    DeadlineCounting Counting,
    string Citation,
    Sentence ExplanationSentence,
    IReadOnlyList<TimeLimitExemption> Exemptions)
{
    /// <summary>The rule's words in English (CLI, API, CSV); the ...Sentence properties are said on pages in the reader's language.</summary>
    public string Title => TitleSentence.ToString();

    public string TriggerDescription => TriggerSentence.ToString();

    public IReadOnlyList<string> TriggerEvents => [.. TriggerEventSentences.Select(e => e.ToString())];

    public string Explanation => ExplanationSentence.ToString();

    /// <summary>The rule that moves a last day off a weekend, holiday or closure for this filing; empty when not recorded.</summary>
    public string CountingCitation { get; init; } = "";

    /// <summary>Where the filing is made: its holidays and closures move the last day.</summary>
    public Forum Forum { get; init; }

    /// <summary>An extension the rule allows (counted the same way, added to the period); null when none.</summary>
    public PeriodExtension? Extension { get; init; }

    public TimeLimitExemption? FindExemption(string exemptionId) =>
        Exemptions.FirstOrDefault(e => string.Equals(e.Id, exemptionId, StringComparison.Ordinal));
}
