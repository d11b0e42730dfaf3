using System.Globalization;
using Stayline.Domain.Common;

namespace Stayline.Domain.Deadlines;

public enum DeadlineOutcome
{
    Due,

    /// <summary>An exemption lifts the time limit: there is no date to show.</summary>
    NoTimeLimit,

    /// <summary>An event the rule counts from has not happened yet: there is no date yet, and none is guessed.</summary>
    NotYetTriggered,
}

/// <summary>
/// The result of applying a rule. <see cref="DueDate"/> is set only for <see cref="DeadlineOutcome.Due"/>.
/// <see cref="Explanation"/> is built on first use, so bulk recomputation that only needs dates does not pay for text.
/// </summary>
public sealed class DeadlineComputation
{
    private readonly ICourtCalendar? calendar;
    private Sentence? explanation;

    internal DeadlineComputation(
        DeadlineRule rule,
        DeadlineOutcome outcome,
        DateOnly? triggerDate,
        DateOnly? rawDueDate,
        DateOnly? dueDate,
        TimeLimitExemption? exemption,
        IReadOnlyList<Sentence> missingEvents,
        ICourtCalendar? calendar)
    {
        Rule = rule;
        Outcome = outcome;
        TriggerDate = triggerDate;
        RawDueDate = rawDueDate;
        DueDate = dueDate;
        Exemption = exemption;
        MissingEventSentences = missingEvents;
        this.calendar = calendar;
    }

    public DeadlineRule Rule { get; }

    public string RuleId => Rule.Id;

    public DeadlineOutcome Outcome { get; }

    public DateOnly? TriggerDate { get; }

    /// <summary>Trigger plus the period, before moving off a weekend, holiday or closure.</summary>
    public DateOnly? RawDueDate { get; }

    public DateOnly? DueDate { get; }

    /// <summary>The exemption that lifted the time limit, when <see cref="Outcome"/> is NoTimeLimit.</summary>
    public TimeLimitExemption? Exemption { get; }

    /// <summary>The trigger events not yet recorded, when <see cref="Outcome"/> is NotYetTriggered.</summary>
    public IReadOnlyList<Sentence> MissingEventSentences { get; }

    public IReadOnlyList<string> MissingEvents => [.. MissingEventSentences.Select(e => e.ToString())];

    /// <summary>The exemption's citation when one applies, else the rule's.</summary>
    public string Citation => Exemption?.Citation ?? Rule.Citation;

    /// <summary>"yyyy-MM-dd", "no time limit" or "not yet triggered".</summary>
    public string DueText => Outcome switch
    {
        DeadlineOutcome.Due => DeadlineCalculator.Format(DueDate!.Value),
        DeadlineOutcome.NoTimeLimit => "no time limit",
        _ => "not yet triggered",
    };

    /// <summary>
    /// The last day if the other side takes the extension the rule allows (FOIA: ten more working days after written
    /// notice of unusual circumstances); null when the rule has none or there is no date.
    /// </summary>
    public DateOnly? ExtendedDueDate => Outcome == DeadlineOutcome.Due && Rule.Extension is { } extension
        ? DeadlineCalculator.DueDate(Rule, TriggerDate!.Value, Rule.PeriodDays + extension.Days, calendar ?? CourtCalendar.Federal)
        : null;

    /// <summary>
    /// For business-day rules: the last day if closures by executive order and Inauguration Day are not counted as
    /// business days (the longer reading the government could claim). Equal to <see cref="DueDate"/> when no such day
    /// falls in the count; null for other rules.
    /// </summary>
    public DateOnly? DueIfClosuresNotCounted => Outcome == DeadlineOutcome.Due && Rule.Counting == DeadlineCounting.BusinessDays
        ? BusinessDays.AfterLeavingOutClosures(TriggerDate!.Value, Rule.PeriodDays)
        : null;

    /// <summary>Why the due date is what it is, e.g. "... 2025-12-27 is a Saturday; 2025-12-28 is a Sunday; next court day 2025-12-29."</summary>
    public string Explanation => ExplanationSentence.ToString();

    /// <summary><see cref="Explanation"/> as a sentence, for a page to say in its reader's language.</summary>
    public Sentence ExplanationSentence => explanation ??= BuildExplanation();

    public override string ToString() => $"{RuleId}: {DueText}";

    /// <summary>"a, b, c" with the comma said in the reader's language.</summary>
    public static Sentence Listed(IReadOnlyList<Sentence> items) => Protection.ReasonList.Joined(items, static (a, b) => Sentence.Of($"{a}, {b}"));

    /// <summary>Sentences one after another with a space between ("{0} {1}").</summary>
    private static Sentence Spaced(IReadOnlyList<Sentence> items) => Protection.ReasonList.Joined(items, static (a, b) => Sentence.Of($"{a} {b}"));

    private Sentence BuildExplanation()
    {
        if (Outcome == DeadlineOutcome.NoTimeLimit)
        {
            return Sentence.Of($"No time limit: {Exemption!.NameSentence}. {Exemption.ExplanationSentence}");
        }

        if (Outcome == DeadlineOutcome.NotYetTriggered)
        {
            var waiting = Protection.ReasonList.Joined(MissingEventSentences, static (a, b) => Sentence.Of($"{a} and {b}"));
            return Sentence.Of($"Not yet triggered: waiting for {waiting}. The {Rule.PeriodDays} days run from the later of: {Listed(Rule.TriggerEventSentences)}.");
        }

        if (Rule.Counting == DeadlineCounting.BusinessDays)
        {
            return BuildBusinessDayExplanation();
        }

        var raw = RawDueDate!.Value;
        var counted = Sentence.Of($"{Rule.PeriodDays} days after {Rule.TriggerSentence} ({TriggerDate!.Value:yyyy-MM-dd}), not counting that day, is {raw:yyyy-MM-dd}");
        if (raw == DueDate)
        {
            return Sentence.Of($"{counted}, a court day.");
        }

        var closed = new List<Sentence>();
        for (var day = raw; day < DueDate; day = day.AddDays(1))
        {
            closed.Add(Sentence.Of($"{day:yyyy-MM-dd} is {ReasonClosed(day)};"));
        }

        return Sentence.Of($"{counted}. {Spaced(closed)} next court day {DueDate!.Value:yyyy-MM-dd}.");
    }

    private Sentence BuildBusinessDayExplanation()
    {
        var trigger = TriggerDate!.Value;
        var due = DueDate!.Value;
        var text = new List<Sentence>
        {
            Rule.PeriodDays == 1
                ? Sentence.Of($"1 business day after {Rule.TriggerSentence} ({trigger:yyyy-MM-dd}), not counting that day, is {due:yyyy-MM-dd}.")
                : Sentence.Of($"{Rule.PeriodDays} business days after {Rule.TriggerSentence} ({trigger:yyyy-MM-dd}), not counting that day, is {due:yyyy-MM-dd}."),
        };
        var skipped = new List<Sentence>();
        var counted = new List<Sentence>();
        for (var day = trigger.AddDays(1); day < due; day = day.AddDays(1))
        {
            if (BusinessDays.ReasonNotBusinessDay(day) is { } reason)
            {
                skipped.Add(Sentence.Of($"{day:yyyy-MM-dd} ({Weekday(day) ?? Sentence.Verbatim(reason)})"));
            }
            else if (BusinessDays.ClosureCountedAnyway(day) is { } closure)
            {
                counted.Add(Sentence.Of($"{day:yyyy-MM-dd} ({Sentence.Verbatim(closure)})"));
            }
        }

        if (skipped.Count > 0)
        {
            text.Add(Sentence.Of($"Not counted: {Listed(skipped)}."));
        }

        text.Add(Sentence.Of($"Business days leave out Saturdays, Sundays and legal public holidays ({BusinessDays.Citation}). Days federal offices were closed only by executive order, Inauguration Day and a court's own closures are counted as business days: they are not legal public holidays, and this period binds the government, so the shorter reading protects the client."));
        if (counted.Count > 0)
        {
            text.Add(Sentence.Of($"Counted although offices were closed: {Listed(counted)}."));
            text.Add(Sentence.Of($"If those days were left out, the last day would be {DueIfClosuresNotCounted!.Value:yyyy-MM-dd}."));
        }

        if (Rule.Extension is { } extension)
        {
            text.Add(Sentence.Of($"{extension.ExplanationSentence} With it the last day is {ExtendedDueDate!.Value:yyyy-MM-dd} ({extension.Citation})."));
        }

        return Spaced(text);
    }

    private static readonly Sentence Saturday = Sentence.Of($"a Saturday");

    private static readonly Sentence Sunday = Sentence.Of($"a Sunday");

    private static readonly Sentence NotACourtDay = Sentence.Of($"not a court day");

    private static Sentence? Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => Saturday,
        DayOfWeek.Sunday => Sunday,
        _ => null,
    };

    /// <summary>Why a day is not a court day: a weekend or a federal holiday in the reader's language; a closure's name as entered.</summary>
    private Sentence ReasonClosed(DateOnly day) => Weekday(day) ?? (calendar is CourtCalendar court ? court.ReasonClosedSaid(day) : null) ?? NotACourtDay;
}

/// <summary>
/// Applies a <see cref="DeadlineRule"/>: leave out the trigger day, count calendar days, and move a last day that is
/// not a court day to the next court day (FRAP 26(a)(1); 8 CFR 1003.38(c)).
/// </summary>
public static class DeadlineCalculator
{
    /// <summary>Triggers from <see cref="CourtCalendar.FirstYear"/> through <see cref="CourtCalendar.LastYear"/> are supported.</summary>
    public static DateOnly FirstTrigger => new(CourtCalendar.FirstYear, 1, 1);

    public static DateOnly LastTrigger => new(CourtCalendar.LastYear, 12, 31);

    public static DeadlineComputation Compute(DeadlineRule rule, DateOnly trigger, ICourtCalendar calendar)
    {
        var due = DueDate(rule, trigger, calendar);
        // A business-day count has no last day to move: its raw date is its due date.
        var raw = rule.Counting == DeadlineCounting.BusinessDays ? due : trigger.AddDays(rule.PeriodDays);
        return new DeadlineComputation(rule, DeadlineOutcome.Due, trigger, raw, due, null, [], calendar.For(rule.Forum));
    }

    /// <summary>
    /// For rules counted from several events (court orders: the later of A-file and record of proceedings received):
    /// pass one date per <see cref="DeadlineRule.TriggerEvents"/> entry, null when not yet recorded. Any null gives
    /// "not yet triggered"; otherwise the period runs from the latest date.
    /// </summary>
    public static DeadlineComputation ComputeFromEvents(DeadlineRule rule, ReadOnlySpan<DateOnly?> eventDates, ICourtCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (eventDates.Length != rule.TriggerEventSentences.Count)
        {
            throw new ArgumentException(
                $"Rule {rule.Id} counts from {rule.TriggerEventSentences.Count} event(s) ({string.Join(", ", rule.TriggerEventSentences)}); got {eventDates.Length} date(s).",
                nameof(eventDates));
        }

        List<Sentence>? missing = null;
        DateOnly latest = default;
        for (var i = 0; i < eventDates.Length; i++)
        {
            if (eventDates[i] is not { } date)
            {
                (missing ??= []).Add(rule.TriggerEventSentences[i]);
            }
            else if (date > latest)
            {
                latest = date;
            }
        }

        return missing is null
            ? Compute(rule, latest, calendar)
            : new DeadlineComputation(rule, DeadlineOutcome.NotYetTriggered, null, null, null, null, missing, calendar.For(rule.Forum));
    }

    /// <summary>The time limit does not apply: the result carries the exemption and its citation, never a date.</summary>
    public static DeadlineComputation NoTimeLimit(DeadlineRule rule, string exemptionId, DateOnly? trigger = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var exemption = rule.FindExemption(exemptionId) ?? throw new ArgumentException(
            $"Rule {rule.Id} has no exemption \"{exemptionId}\". Its exemptions: {(rule.Exemptions.Count == 0 ? "none" : string.Join(", ", rule.Exemptions.Select(e => e.Id)))}.",
            nameof(exemptionId));
        return new DeadlineComputation(rule, DeadlineOutcome.NoTimeLimit, trigger, null, null, exemption, [], null);
    }

    /// <summary>The due date only, without allocating: the path for bulk recomputation.</summary>
    public static DateOnly DueDate(DeadlineRule rule, DateOnly trigger, ICourtCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return DueDate(rule, trigger, rule.PeriodDays, calendar);
    }

    internal static DateOnly DueDate(DeadlineRule rule, DateOnly trigger, int days, ICourtCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (trigger < FirstTrigger || trigger > LastTrigger)
        {
            throw new ArgumentOutOfRangeException(
                nameof(trigger), trigger, $"Trigger dates from {Format(FirstTrigger)} to {Format(LastTrigger)} are supported.");
        }

        return rule.Counting == DeadlineCounting.BusinessDays
            ? BusinessDays.After(trigger, days)
            : DueAfter(trigger, days, calendar.For(rule.Forum));
    }

    /// <summary>
    /// The one counting of "N days after": leave out the trigger day, count calendar days, move a last day that is
    /// not a court day to the next court day. Rules, court orders and the protection engine all count with it.
    /// </summary>
    public static DateOnly DueAfter(DateOnly trigger, int days, ICourtCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var day = trigger.AddDays(days);
        for (var moved = 0; !calendar.IsCourtDay(day); moved++)
        {
            // A calendar with no court day for weeks is broken data, not a reason to loop forever.
            if (moved > 60)
            {
                throw new InvalidOperationException($"The court calendar has no court day within 60 days after {Format(trigger.AddDays(days))}.");
            }

            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>Due dates for many triggers of one rule; <paramref name="due"/> must be at least as long as <paramref name="triggers"/>.</summary>
    public static void DueDates(DeadlineRule rule, ReadOnlySpan<DateOnly> triggers, Span<DateOnly> due, ICourtCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(due.Length, triggers.Length, nameof(due));
        for (var i = 0; i < triggers.Length; i++)
        {
            due[i] = DueDate(rule, triggers[i], calendar);
        }
    }

    public static bool IsSupportedTrigger(DateOnly trigger) => trigger >= FirstTrigger && trigger <= LastTrigger;

    internal static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
