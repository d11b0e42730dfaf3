using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Classes;
using Stayline.Domain.Common;
using Stayline.Domain.Deadlines;
using Stayline.Features.Protection;

namespace Stayline.Features.Deadlines;

/// <summary>A stored deadline with the person it belongs to (init properties, so queries can filter after projecting).</summary>
public sealed record DeadlineRow
{
    public long Id { get; init; }
    public long PersonId { get; init; }
    public string PersonName { get; init; } = "";
    public string? ANumber { get; init; }
    public string RuleId { get; init; } = "";
    public long? CourtOrderId { get; init; }
    public DateOnly? TriggerDate { get; init; }
    public DateOnly? DueDate { get; init; }
    public int PeriodDays { get; init; }
    public string Citation { get; init; } = "";
    public string State { get; init; } = "";
    public bool Manual { get; init; }
    public string? Title { get; init; }
    public string? Trigger { get; init; }
    public string? Explanation { get; init; }
}

/// <summary>A deadline as shown: what is due, counted from what, why this date, and its citation. The texts are English
/// (API, CSV, calendar feed, reminders); a page says the ...Sentence properties in its reader's language.</summary>
public sealed record DeadlineView(DeadlineRow Row, string Title, string TriggerText, string Explanation)
{
    public Sentence TitleSentence { get; init; } = Sentence.Verbatim(Title);

    public Sentence TriggerSentence { get; init; } = Sentence.Verbatim(TriggerText);

    public Sentence ExplanationSentence { get; init; } = Sentence.Verbatim(Explanation);

    public static DeadlineView Of(DeadlineRow row, Sentence title, Sentence trigger, Sentence explanation) =>
        new(row, title.ToString(), trigger.ToString(), explanation.ToString()) { TitleSentence = title, TriggerSentence = trigger, ExplanationSentence = explanation };

    /// <summary>The grounds on which the rule sets no time limit (e.g. changed country conditions); empty when none.</summary>
    public IReadOnlyList<TimeLimitExemption> Exemptions { get; init; } = [];

    /// <summary>The exemptions' names with their citations ("Changed country conditions (8 CFR ...); ..."), for a page to say.</summary>
    public Sentence ExemptionsSentence => Domain.Protection.ReasonList.Of([.. Exemptions.Select(e => Sentence.Of($"{e.NameSentence} ({e.Citation})"))]);

    public string DueText => Row.DueDate is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "not yet triggered";

    public string StateText => Row.State switch
    {
        nameof(DeadlineState.Met) => "met",
        nameof(DeadlineState.Missed) => "MISSED",
        nameof(DeadlineState.NotApplicable) => "not applicable",
        nameof(DeadlineState.Reached) => "day reached",
        _ => "open",
    };

    /// <summary><see cref="DueText"/> for the page's reader: the date as they write it, or "not yet triggered" in their language.</summary>
    public string LocalDueText => Row.DueDate is { } d ? Shared.Display.LocalDate(d) : Resources.Strings.Get("DL.NotTriggered");

    /// <summary><see cref="StateText"/> in the page reader's language.</summary>
    public string LocalStateText => Resources.Strings.Get("DL.State." + Row.State switch
    {
        nameof(DeadlineState.Met) or nameof(DeadlineState.Missed) or nameof(DeadlineState.NotApplicable) or nameof(DeadlineState.Reached) => Row.State,
        _ => nameof(DeadlineState.Open),
    });

    public string? ANumberDisplay => Domain.People.ANumber.DisplayOf(Row.ANumber);
}

/// <summary>Turns stored rows into text: derived rows keep only the counting inputs, the rule supplies the words.</summary>
public sealed class DeadlineDescriber(ICourtCalendar calendar, IReadOnlyDictionary<long, string> orderNames)
{
    public static async Task<DeadlineDescriber> CreateAsync(StaylineDbContext db, CancellationToken ct)
    {
        var names = await db.CourtOrders.AsNoTracking().Where(o => o.Kind == CourtOrderKind.ClassStay)
            .Join(db.ClassActions, o => o.ClassActionId, c => c.Id, (o, c) => new { o.Id, c.Name }).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        return new DeadlineDescriber(await ProtectionRecompute.CalendarAsync(db, ct), names);
    }

    public DeadlineView Describe(DeadlineRow row)
    {
        if (row.Manual)
        {
            return new DeadlineView(row, row.Title ?? "Deadline entered by hand", row.Trigger ?? "", (row.Explanation ?? "") + " (entered by hand)")
            {
                TitleSentence = row.Title is { } title ? Sentence.Verbatim(title) : Sentence.Of($"Deadline entered by hand"),
                ExplanationSentence = Sentence.Of($"{Sentence.Verbatim(row.Explanation ?? "")} (entered by hand)"),
            };
        }

        if (ClockDeadlines.TryGet(row.RuleId, out var clock) && row.TriggerDate is { } from && row.DueDate is { } day)
        {
            return DeadlineView.Of(row, clock.Title, clock.CountedFrom, clock.Explained(from, day));
        }

        var rule = RuleOf(row);
        var fromFinality = PersonDeadlines.CountsFromFinality(row.Citation) && row.TriggerDate is not null;
        var computation = row.TriggerDate is { } trigger && row.DueDate is not null
            ? DeadlineCalculator.Compute(rule, fromFinality ? PersonDeadlines.FinalDay(trigger, calendar) : trigger, calendar)
            : DeadlineCalculator.ComputeFromEvents(rule, new DateOnly?[rule.TriggerEventSentences.Count], calendar);
        var explanation = computation.ExplanationSentence;
        if (row.RuleId == DeadlineRules.BiaAppeal.Id && row.State == nameof(DeadlineState.NotApplicable))
        {
            explanation = Sentence.Of($"Appeal was waived at the hearing: there is no Board appeal to file. {explanation}");
        }

        if (row.RuleId == DeadlineRules.HabeasReturn.Id && row.Citation == ClockDeadlines.CourtSetCitation && row.TriggerDate is { } osc && row.DueDate is { } set)
        {
            var days = set.DayNumber - osc.DayNumber;
            var without = computation.DueDate ?? set;
            explanation = days > 23
                ? Sentence.Of($"The court's order sets the return for {set:yyyy-MM-dd}, {days} days after the order to show cause of {osc:yyyy-MM-dd}; the court's order governs. 28 U.S.C. 2243 gives three days, or up to twenty more for good cause; this date is later than that, as courts fix the time under Rule 4 of the Rules Governing Section 2254 Cases. Without the order, the return would have been due {without:yyyy-MM-dd}.")
                : Sentence.Of($"The court's order sets the return for {set:yyyy-MM-dd}, {days} days after the order to show cause of {osc:yyyy-MM-dd}; the court's order governs. 28 U.S.C. 2243 gives three days, or up to twenty more for good cause. Without the order, the return would have been due {without:yyyy-MM-dd}.");
        }

        if (fromFinality && row.TriggerDate is { } decision)
        {
            explanation = Sentence.Of($"Appeal of the judge's decision of {decision:yyyy-MM-dd} was reserved and not taken, so the order became final when the appeal time ran out on {PersonDeadlines.FinalDay(decision, calendar):yyyy-MM-dd} (8 CFR 1003.39, 1241.1(c)), and the period runs from then. Safe date: {PersonDeadlines.SafeDue(rule, decision, calendar):yyyy-MM-dd}, counted from the decision itself, is in time on any reading. {explanation}");
        }

        return DeadlineView.Of(row, rule.TitleSentence, rule.TriggerSentence, explanation) with { Exemptions = rule.Exemptions };
    }

    private DeadlineRule RuleOf(DeadlineRow row) => row.RuleId == PersonDeadlines.ClassMotionRuleId
        ? DeadlineRules.AfterRecordsReceived(row.RuleId, row.PeriodDays, row.Citation,
            row.CourtOrderId is { } id && orderNames.TryGetValue(id, out var name) ? Sentence.Verbatim(name) : Sentence.Of($"the class order"))
        : DeadlineRules.TryGet(row.RuleId, out var rule) ? rule
        : DeadlineRules.FromCourtOrder(row.RuleId, Sentence.Verbatim(row.RuleId), Math.Max(1, row.PeriodDays), [Sentence.Of($"trigger")], row.Citation, Sentence.Verbatim(""));
}

public static class DeadlineQueries
{
    public static IQueryable<DeadlineRow> Rows(StaylineDbContext db) =>
        db.Deadlines.AsNoTracking().Join(db.People, d => d.PersonId, p => p.Id, (d, p) => new DeadlineRow
        {
            Id = d.Id,
            PersonId = d.PersonId,
            PersonName = p.GivenName + " " + p.FamilyName,
            ANumber = p.ANumber,
            RuleId = d.RuleId,
            CourtOrderId = d.CourtOrderId,
            TriggerDate = d.TriggerDate,
            DueDate = d.DueDate,
            PeriodDays = d.PeriodDays,
            Citation = d.Citation,
            State = d.State,
            Manual = d.Manual,
            Title = d.Title,
            Trigger = d.Trigger,
            Explanation = d.Explanation,
        });

    /// <summary>People currently assigned to the user: the access predicate of "mine".</summary>
    public static IQueryable<long> ClientsOf(StaylineDbContext db, string userId) =>
        db.Assignments.Where(a => a.UserId == userId && a.To == null).Select(a => a.PersonId);

    /// <summary>
    /// The person's deadlines as they stood on <paramref name="asOf"/>: derived ones evaluated for that day, nothing
    /// stored; manual ones as stored (recompute never touches them). Null when the person does not exist.
    /// </summary>
    public static async Task<IReadOnlyList<DeadlineView>?> ForPersonAsOfAsync(StaylineDbContext db, long personId, DateOnly asOf, CancellationToken ct)
    {
        if (await ProtectionRecompute.EvaluateWithoutStoringAsync(db, personId, asOf, ct) is not { } result)
        {
            return null;
        }

        var person = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new { Name = p.GivenName + " " + p.FamilyName, p.ANumber }).FirstAsync(ct);
        var derived = result.Deadlines.Select(d => new DeadlineRow
        {
            PersonId = personId,
            PersonName = person.Name,
            ANumber = person.ANumber,
            RuleId = d.RuleId,
            CourtOrderId = d.OrderKey,
            TriggerDate = d.TriggerDate,
            DueDate = d.DueDate,
            PeriodDays = d.PeriodDays,
            Citation = d.Citation,
            State = d.State.ToString(),
        });
        var manual = await Rows(db).Where(d => d.PersonId == personId && d.Manual).ToListAsync(ct);
        var describer = await DeadlineDescriber.CreateAsync(db, ct);
        return derived.Concat(manual).OrderBy(r => r.State == nameof(DeadlineState.Open) ? 0 : 1).ThenBy(r => r.DueDate ?? DateOnly.MaxValue)
            .Select(describer.Describe).ToList();
    }

    public static async Task<IReadOnlyList<DeadlineView>> ForPersonAsync(StaylineDbContext db, long personId, CancellationToken ct)
    {
        var describer = await DeadlineDescriber.CreateAsync(db, ct);
        var rows = await Rows(db).Where(d => d.PersonId == personId).ToListAsync(ct);
        return rows.OrderBy(r => r.State == nameof(DeadlineState.Open) ? 0 : 1).ThenBy(r => r.DueDate ?? DateOnly.MaxValue)
            .Select(describer.Describe).ToList();
    }
}
