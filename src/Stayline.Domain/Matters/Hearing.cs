using Stayline.Domain.Common;
using Stayline.Domain.People;

namespace Stayline.Domain.Matters;

public enum HearingKind
{
    /// <summary>A master calendar hearing (pleadings, scheduling).</summary>
    Master,
    /// <summary>An individual (merits) hearing.</summary>
    Individual,
    /// <summary>A custody redetermination (bond) hearing, 8 CFR 1003.19.</summary>
    Bond,
    Other,
}

public enum HearingOutcome
{
    Scheduled,
    Held,
    /// <summary>Adjourned or continued to another day (record the new day as a new hearing).</summary>
    Continued,
    Cancelled,
    Granted,
    Denied,
}

/// <summary>What a form or the API sends for a hearing; the day and time are the court's local time.</summary>
public sealed record HearingInput(HearingKind Kind, DateOnly? On, TimeOnly? At, string? Court, string? Judge, HearingOutcome Outcome = HearingOutcome.Scheduled,
    long? MatterId = null, decimal? BondAmount = null, string? Notes = null);

/// <summary>
/// One hearing before an immigration court (or another court) about a person: master calendar, individual or bond,
/// with the judge, court, day and time, and what came of it. A continued hearing keeps its row (outcome
/// "continued") and the new day is a new hearing, so the calendar's history stays.
/// </summary>
public sealed class Hearing : IVersioned
{
    public long Id { get; private set; }
    public long PersonId { get; private set; }
    /// <summary>The proceeding it belongs to, when recorded.</summary>
    public long? MatterId { get; private set; }
    public HearingKind Kind { get; private set; }
    public DateOnly On { get; private set; }
    public TimeOnly? At { get; private set; }
    public string Court { get; private set; } = "";
    public string? Judge { get; private set; }
    public HearingOutcome Outcome { get; private set; }
    /// <summary>The bond set (US dollars), for a bond hearing that granted one.</summary>
    public decimal? BondAmount { get; private set; }
    public string? Notes { get; private set; }
    public int Version { get; set; }

    private Hearing()
    {
    }

    public static (Hearing? Hearing, IReadOnlyList<FieldError> Errors) Create(long personId, HearingInput input, DateOnly today)
    {
        var h = new Hearing { PersonId = personId };
        var errors = h.Update(input, today);
        return errors.Count == 0 ? (h, errors) : (null, errors);
    }

    public IReadOnlyList<FieldError> Update(HearingInput input, DateOnly today)
    {
        var v = new Validation();
        v.Require(Enum.IsDefined(input.Kind), nameof(HearingInput.Kind), $"Unknown kind of hearing \"{input.Kind}\".");
        v.Require(Enum.IsDefined(input.Outcome), nameof(HearingInput.Outcome), $"Unknown outcome \"{input.Outcome}\".");
        v.Require(input.On is not null, nameof(HearingInput.On), $"The hearing's date is required.");
        v.Require(!string.IsNullOrWhiteSpace(input.Court), nameof(HearingInput.Court), $"The court is required (e.g. Detroit Immigration Court).");
        v.Require(input.Outcome is HearingOutcome.Scheduled or HearingOutcome.Cancelled || input.On is null || input.On <= today, nameof(HearingInput.Outcome),
            $"A hearing on {input.On:yyyy-MM-dd} has not happened yet: it can only be scheduled or cancelled.");
        v.Require(input.BondAmount is null || input.Kind == HearingKind.Bond, nameof(HearingInput.BondAmount), $"Only a bond hearing sets a bond amount.");
        v.Require(input.BondAmount is null or > 0 and < 10_000_000m, nameof(HearingInput.BondAmount), $"Bond amount {input.BondAmount} is not a plausible amount in dollars.");
        v.Require(input.BondAmount is null || input.Outcome == HearingOutcome.Granted, nameof(HearingInput.BondAmount),
            $"A bond amount is recorded when bond is granted; choose the outcome \"granted\".");
        if (!v.IsValid)
        {
            return v.Errors;
        }

        Kind = input.Kind;
        MatterId = input.MatterId;
        On = input.On!.Value;
        At = input.At;
        Court = input.Court!.Trim();
        Judge = string.IsNullOrWhiteSpace(input.Judge) ? null : input.Judge.Trim();
        Outcome = input.Outcome;
        BondAmount = input.BondAmount;
        Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        return [];
    }

    public HearingInput ToInput() => new(Kind, On, At, Court, Judge, Outcome, MatterId, BondAmount, Notes);
}
