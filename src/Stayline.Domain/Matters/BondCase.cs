using System.Globalization;
using System.Text.Json.Serialization;
using Stayline.Domain.Common;
using Stayline.Domain.Deadlines;
using Stayline.Domain.People;

namespace Stayline.Domain.Matters;

/// <summary>DHS's own custody decision before the judge's (it decides whether DHS can stay a release order automatically).</summary>
public enum DhsCustodyDecision
{
    Unknown,
    NoBond,
    BondSet,
}

/// <summary>The immigration judge's custody redetermination (8 CFR 1003.19, 1236.1(d)).</summary>
public enum BondDecision
{
    Pending,
    BondSet,
    ReleasedOnRecognizance,
    Denied,
    NoJurisdiction,
}

public enum BoardBondOutcome
{
    Pending,
    /// <summary>The Board upheld the judge's release order.</summary>
    ReleaseUpheld,
    /// <summary>The Board reversed it: no release.</summary>
    ReleaseReversed,
    Remanded,
}

public sealed record BondCaseInput(DhsCustodyDecision DhsDecision, decimal? DhsAmount, DateOnly? RequestedOn, BondDecision Decision = BondDecision.Pending,
    DateOnly? DecidedOn = null, decimal? Amount = null, DateOnly? PaidOn = null, DateOnly? Eoir43FiledOn = null, DateOnly? DhsAppealFiledOn = null,
    int BriefingExtensionDays = 0, BoardBondOutcome BoardOutcome = BoardBondOutcome.Pending, DateOnly? BoardDecidedOn = null, string? Notes = null);

/// <summary>One line of a bond case's clock: what is due or happened, by when, under which rule.</summary>
/// <param name="WhatSentence">What the line is, said in the reader's language on a page (<see cref="What"/> prints it in English).</param>
/// <param name="StateSentence">How it stands ("open", "filed 2027-01-19"), said the same way (<see cref="State"/> in English).</param>
/// <param name="RuleId">The deadline rule the line is a row of on the deadlines board.</param>
/// <param name="Due">How the line stands as a deadline on the day asked (the board and reminders read it).</param>
public sealed record BondClockLine([property: JsonIgnore] Sentence WhatSentence, [property: JsonPropertyOrder(1)] DateOnly? Day,
    [property: JsonPropertyOrder(2)] string Citation, [property: JsonIgnore] Sentence StateSentence,
    [property: JsonPropertyOrder(4)] string RuleId = "", [property: JsonPropertyOrder(5)] DeadlineState Due = DeadlineState.Open)
{
    /// <summary>A line read back from JSON (an API client's copy): its texts are the English that was printed.</summary>
    [JsonConstructor]
    private BondClockLine(string what, DateOnly? day, string citation, string state, string ruleId, DeadlineState due)
        : this(Sentence.Verbatim(what), day, citation, Sentence.Verbatim(state), ruleId, due)
    {
    }

    [JsonPropertyOrder(0)]
    public string What => WhatSentence.ToString();

    [JsonPropertyOrder(3)]
    public string State => StateSentence.ToString();
}

/// <param name="SummarySentence">The one-line answer, said in the reader's language on a page (<see cref="Summary"/> prints it in English for the API and CLI).</param>
/// <param name="ReleaseStayed">On the day asked, DHS's automatic stay keeps the person detained despite a release order.</param>
public sealed record BondState([property: JsonIgnore] Sentence SummarySentence, [property: JsonPropertyOrder(1)] bool ReleaseStayed,
    [property: JsonPropertyOrder(2)] DateOnly? StayLapsesOn, [property: JsonPropertyOrder(3)] IReadOnlyList<BondClockLine> Lines)
{
    /// <summary>A state read back from JSON (an API client's copy): its summary is the English that was printed.</summary>
    [JsonConstructor]
    private BondState(string summary, bool releaseStayed, DateOnly? stayLapsesOn, IReadOnlyList<BondClockLine> lines)
        : this(Sentence.Verbatim(summary), releaseStayed, stayLapsesOn, lines)
    {
    }

    [JsonPropertyOrder(0)]
    public string Summary => SummarySentence.ToString();
}

/// <summary>An amount in US dollars inside a sentence: printed, "$7,500" as en-US writes it; said to a reader in another
/// culture than the process's (<c>Strings.Say</c> formats a translation with the reader's culture), the dollar sign and the
/// reader's digit grouping.</summary>
public readonly record struct Dollars(decimal Amount) : IFormattable
{
    public override string ToString() => Amount.ToString("C0", CultureInfo.GetCultureInfo("en-US"));

    public string ToString(string? format, IFormatProvider? formatProvider) =>
        formatProvider is CultureInfo reader && !ReferenceEquals(reader, CultureInfo.CurrentCulture) && reader.TwoLetterISOLanguageName != "en"
            ? "$" + Amount.ToString("N0", reader)
            : ToString();
}

/// <summary>
/// A request to an immigration judge for release on bond (a custody redetermination) and what followed: the judge's
/// decision, the bond posted, and DHS's automatic stay of a release order with its two business-day deadlines and its
/// length limit. <see cref="Evaluate"/> says on a given day whether release is stayed and until when.
/// </summary>
public sealed class BondCase : IVersioned
{
    /// <summary>DHS can stay a release automatically only where it had ordered no bond or a bond of at least this much (8 CFR 1003.19(i)(2)).</summary>
    public const decimal AutomaticStayThreshold = 10_000m;

    /// <summary>The automatic stay lapses this many days after DHS's notice of appeal if the Board has not decided (8 CFR 1003.6(c)(4)).</summary>
    public const int StayLimitDays = 90;

    /// <summary>Rule id of the day DHS's automatic stay lapses (a row on the deadlines board).</summary>
    public const string StayLapseRuleId = "bond-stay-lapse";

    public const string StayLapseCitation = "8 CFR 1003.6(c)(4)";

    public long Id { get; private set; }
    public long PersonId { get; private set; }
    public DhsCustodyDecision DhsDecision { get; private set; }
    public decimal? DhsAmount { get; private set; }
    public DateOnly RequestedOn { get; private set; }
    public BondDecision Decision { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public decimal? Amount { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    public DateOnly? Eoir43FiledOn { get; private set; }
    public DateOnly? DhsAppealFiledOn { get; private set; }

    /// <summary>Days by which the Board extended the briefing schedule at the detainee's request: they extend the 90 days (1003.6(c)(4)).</summary>
    public int BriefingExtensionDays { get; private set; }
    public BoardBondOutcome BoardOutcome { get; private set; }
    public DateOnly? BoardDecidedOn { get; private set; }
    public string? Notes { get; private set; }
    public int Version { get; set; }

    private BondCase()
    {
    }

    public static (BondCase? Case, IReadOnlyList<FieldError> Errors) Create(long personId, BondCaseInput input, DateOnly today)
    {
        var c = new BondCase { PersonId = personId };
        var errors = c.Update(input, today);
        return errors.Count == 0 ? (c, errors) : (null, errors);
    }

    public IReadOnlyList<FieldError> Update(BondCaseInput input, DateOnly today)
    {
        var releases = input.Decision is BondDecision.BondSet or BondDecision.ReleasedOnRecognizance;
        var v = new Validation();
        v.Require(Enum.IsDefined(input.DhsDecision), nameof(input.DhsDecision), $"Unknown DHS decision \"{input.DhsDecision}\".");
        v.Require(Enum.IsDefined(input.Decision), nameof(input.Decision), $"Unknown decision \"{input.Decision}\".");
        v.Require(Enum.IsDefined(input.BoardOutcome), nameof(input.BoardOutcome), $"Unknown Board outcome \"{input.BoardOutcome}\".");
        v.Require(input.RequestedOn is not null, nameof(input.RequestedOn), $"Give the day the bond hearing was requested.");
        v.Require((input.DhsDecision == DhsCustodyDecision.BondSet) == (input.DhsAmount is not null), nameof(input.DhsAmount),
            $"Give DHS's bond amount exactly when DHS set a bond.");
        v.Require(input.DhsAmount is null or > 0 and < 10_000_000m, nameof(input.DhsAmount), $"{input.DhsAmount} is not a plausible bond in dollars.");
        v.Require((input.Decision == BondDecision.BondSet) == (input.Amount is not null), nameof(input.Amount), $"Give the judge's bond amount exactly when the judge set a bond.");
        v.Require(input.Amount is null or > 0 and < 10_000_000m, nameof(input.Amount), $"{input.Amount} is not a plausible bond in dollars.");
        v.Require((input.Decision == BondDecision.Pending) == (input.DecidedOn is null), nameof(input.DecidedOn),
            input.Decision == BondDecision.Pending ? (FormattableString)$"A pending request has no decision date: choose the decision." : $"Give the day of the judge's decision.");
        v.Require(input.DecidedOn is null || input.RequestedOn is null || input.DecidedOn >= input.RequestedOn, nameof(input.DecidedOn),
            $"The decision ({input.DecidedOn:yyyy-MM-dd}) cannot come before the request ({input.RequestedOn:yyyy-MM-dd}).");
        v.Require(input.PaidOn is null || input.Decision == BondDecision.BondSet, nameof(input.PaidOn), $"A bond is posted only when the judge set one.");
        v.Require(input.Eoir43FiledOn is null || releases, nameof(input.Eoir43FiledOn), $"DHS files Form EOIR-43 only against an order authorizing release.");
        v.Require(input.DhsAppealFiledOn is null || input.DecidedOn is not null, nameof(input.DhsAppealFiledOn), $"An appeal needs the judge's decision first.");
        v.Require(input.BriefingExtensionDays is >= 0 and <= 365, nameof(input.BriefingExtensionDays), $"{input.BriefingExtensionDays} is not a number of days from 0 to 365.");
        v.Require((input.BoardOutcome == BoardBondOutcome.Pending) == (input.BoardDecidedOn is null), nameof(input.BoardDecidedOn),
            $"Give the Board's decision date exactly when the Board has decided.");
        foreach (var (day, field) in new[] { (input.RequestedOn, nameof(input.RequestedOn)), (input.DecidedOn, nameof(input.DecidedOn)), (input.PaidOn, nameof(input.PaidOn)),
                     (input.Eoir43FiledOn, nameof(input.Eoir43FiledOn)), (input.DhsAppealFiledOn, nameof(input.DhsAppealFiledOn)), (input.BoardDecidedOn, nameof(input.BoardDecidedOn)) })
        {
            v.Require(day is null || day <= today, field, $"{day:yyyy-MM-dd} is in the future.");
            v.Require(day is null || DeadlineCalculator.IsSupportedTrigger(day.Value), field, $"{day:yyyy-MM-dd} is outside the years the court calendar covers.");
        }

        v.Require(input.Notes is null || input.Notes.Length <= 2000, nameof(input.Notes), $"Notes are longer than 2,000 characters.");
        if (!v.IsValid)
        {
            return v.Errors;
        }

        Apply(input);
        return [];
    }

    /// <summary>A stored case as the recompute reads it (validated when it was saved), to evaluate its clock.</summary>
    public static BondCase FromStored(long personId, BondCaseInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = new BondCase { PersonId = personId };
        c.Apply(input);
        return c;
    }

    private void Apply(BondCaseInput input)
    {
        DhsDecision = input.DhsDecision;
        DhsAmount = input.DhsAmount;
        RequestedOn = input.RequestedOn!.Value;
        Decision = input.Decision;
        DecidedOn = input.DecidedOn;
        Amount = input.Amount;
        PaidOn = input.PaidOn;
        Eoir43FiledOn = input.Eoir43FiledOn;
        DhsAppealFiledOn = input.DhsAppealFiledOn;
        BriefingExtensionDays = input.BriefingExtensionDays;
        BoardOutcome = input.BoardOutcome;
        BoardDecidedOn = input.BoardDecidedOn;
        Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
    }

    public BondCaseInput ToInput() => new(DhsDecision, DhsAmount, RequestedOn, Decision, DecidedOn, Amount, PaidOn, Eoir43FiledOn, DhsAppealFiledOn,
        BriefingExtensionDays, BoardOutcome, BoardDecidedOn, Notes);

    /// <summary>
    /// Whether release is stayed on <paramref name="asOf"/> and the dates that decide it. Readings that protect the detainee
    /// where the rule leaves room: an EOIR-43 or a DHS appeal filed after its business day gives no stay; the 90 days run
    /// from the notice of appeal in calendar days and the stay is gone on the 90th day; an unrecorded DHS decision is
    /// shown as "may be stayed", never as "cannot be stayed".
    /// </summary>
    public BondState Evaluate(DateOnly asOf, ICourtCalendar calendar)
    {
        var lines = new List<BondClockLine>();
        if (Decision == BondDecision.Pending || DecidedOn is not { } decided)
        {
            return new(Sentence.Of($"Bond hearing requested {RequestedOn:yyyy-MM-dd}; no decision recorded."), false, null, lines);
        }

        if (Decision is BondDecision.Denied or BondDecision.NoJurisdiction)
        {
            var appealDue = DeadlineCalculator.DueDate(DeadlineRules.BondAppeal, decided, calendar);
            lines.Add(new(Sentence.Of($"Appeal of the bond decision to the Board"), appealDue, DeadlineRules.BondAppeal.Citation, appealDue < asOf ? Passed : Open,
                DeadlineRules.BondAppeal.Id, appealDue < asOf ? DeadlineState.Reached : DeadlineState.Open));
            return new(Decision == BondDecision.Denied
                    ? Sentence.Of($"Bond denied on {decided:yyyy-MM-dd}; an appeal to the Board is due by {appealDue:yyyy-MM-dd}.")
                    : Sentence.Of($"Bond not decided for lack of jurisdiction on {decided:yyyy-MM-dd}; an appeal to the Board is due by {appealDue:yyyy-MM-dd}."),
                false, null, lines);
        }

        var release = Decision == BondDecision.BondSet
            ? Sentence.Of($"Bond set at {new Dollars(Amount!.Value)} on {decided:yyyy-MM-dd}")
            : Sentence.Of($"Release on recognizance ordered {decided:yyyy-MM-dd}");
        if (BoardOutcome == BoardBondOutcome.ReleaseReversed)
        {
            return new(Sentence.Of($"{release}; the Board reversed it on {BoardDecidedOn:yyyy-MM-dd}: no release."), false, null, lines);
        }

        var order = PaidOn is { } p ? Sentence.Of($"{release}; bond posted {p:yyyy-MM-dd}") : release;
        if (DhsDecision == DhsCustodyDecision.BondSet && DhsAmount < AutomaticStayThreshold)
        {
            return new(Sentence.Of($"{order}. DHS had set a bond under {new Dollars(AutomaticStayThreshold)}, so it cannot stay the release automatically (8 CFR 1003.19(i)(2)); only the Board can, on DHS's motion (1003.19(i)(1))."),
                false, null, lines);
        }

        var noticeDue = BusinessDays.After(decided, DeadlineRules.Eoir43Notice.PeriodDays);
        var appealDueDhs = BusinessDays.After(decided, DeadlineRules.Eoir43Appeal.PeriodDays);
        if (Eoir43FiledOn is not { } notice)
        {
            lines.Add(new(Eoir43, noticeDue, DeadlineRules.Eoir43Notice.Citation, noticeDue < asOf ? Sentence.Of($"not filed: no automatic stay") : Open,
                DeadlineRules.Eoir43Notice.Id, noticeDue < asOf ? DeadlineState.Reached : DeadlineState.Open));
            return noticeDue < asOf
                ? new(Sentence.Of($"{order}. No automatic stay: DHS filed no Form EOIR-43 by {noticeDue:yyyy-MM-dd} (8 CFR 1003.19(i)(2))."), false, null, lines)
                : new(DhsDecision != DhsCustodyDecision.Unknown
                    ? Sentence.Of($"{order}. DHS may stay release automatically by filing Form EOIR-43 by the end of {noticeDue:yyyy-MM-dd} (8 CFR 1003.19(i)(2)).")
                    : Sentence.Of($"{order}. DHS may stay release automatically by filing Form EOIR-43 by the end of {noticeDue:yyyy-MM-dd} (8 CFR 1003.19(i)(2)). DHS's own custody decision is not recorded: if it ordered no bond or a bond of $10,000 or more, it may stay release."),
                    false, null, lines);
        }

        lines.Add(new(Eoir43, noticeDue, DeadlineRules.Eoir43Notice.Citation, notice <= noticeDue ? Filed(notice) : FiledLate(notice),
            DeadlineRules.Eoir43Notice.Id, notice <= noticeDue ? DeadlineState.Met : DeadlineState.Reached));
        if (notice > noticeDue)
        {
            return new(Sentence.Of($"{order}. No automatic stay: DHS's Form EOIR-43 of {notice:yyyy-MM-dd} came after {noticeDue:yyyy-MM-dd}, one business day after the order (8 CFR 1003.19(i)(2))."),
                false, null, lines);
        }

        if (DhsAppealFiledOn is not { } appeal || appeal > appealDueDhs)
        {
            var late = DhsAppealFiledOn is { } a ? FiledLate(a) : null;
            lines.Add(new(DhsAppeal, appealDueDhs, DeadlineRules.Eoir43Appeal.Citation, late ?? (appealDueDhs < asOf ? Sentence.Of($"not filed: stay lapsed") : Open),
                DeadlineRules.Eoir43Appeal.Id, late is null && appealDueDhs >= asOf ? DeadlineState.Open : DeadlineState.Reached));
            if (late is null && appealDueDhs >= asOf)
            {
                return new(Sentence.Of($"{order}. Release stayed automatically since {notice:yyyy-MM-dd}; the stay lapses unless DHS files its notice of appeal by {appealDueDhs:yyyy-MM-dd} (8 CFR 1003.6(c)(1))."),
                    asOf >= notice, appealDueDhs.AddDays(1), lines);
            }

            return new(Sentence.Of($"{order}. The automatic stay lapsed after {appealDueDhs:yyyy-MM-dd}: DHS filed no notice of appeal within ten business days of the order (8 CFR 1003.6(c)(1))."),
                false, null, lines);
        }

        lines.Add(new(DhsAppeal, appealDueDhs, DeadlineRules.Eoir43Appeal.Citation, Filed(appeal), DeadlineRules.Eoir43Appeal.Id, DeadlineState.Met));
        var lapses = appeal.AddDays(StayLimitDays + BriefingExtensionDays);
        lines.Add(new(Sentence.Of($"Automatic stay lapses if the Board has not decided"), lapses, StayLapseCitation,
            BoardOutcome == BoardBondOutcome.Pending ? (lapses <= asOf ? Sentence.Of($"lapsed") : Open) : Sentence.Of($"Board decided"),
            StayLapseRuleId, BoardOutcome != BoardBondOutcome.Pending ? DeadlineState.NotApplicable : lapses <= asOf ? DeadlineState.Reached : DeadlineState.Open));
        if (BoardOutcome != BoardBondOutcome.Pending)
        {
            var outcome = BoardOutcome == BoardBondOutcome.ReleaseUpheld ? Sentence.Of($"release upheld") : Sentence.Of($"remanded");
            return new(Sentence.Of($"{order}. The Board decided DHS's appeal on {BoardDecidedOn:yyyy-MM-dd} ({outcome}): the automatic stay ended with the appeal."),
                false, null, lines);
        }

        var extended = BriefingExtensionDays;
        if (lapses <= asOf)
        {
            return new(extended > 0
                ? Sentence.Of($"{order}. The automatic stay lapsed on {lapses:yyyy-MM-dd}, {StayLimitDays} days after DHS's notice of appeal (with {extended} days of briefing extension granted at the detainee's request), the Board not having decided (8 CFR 1003.6(c)(4)).")
                : Sentence.Of($"{order}. The automatic stay lapsed on {lapses:yyyy-MM-dd}, {StayLimitDays} days after DHS's notice of appeal, the Board not having decided (8 CFR 1003.6(c)(4))."),
                false, null, lines);
        }

        return new(extended > 0
            ? Sentence.Of($"{order}. Release stayed automatically while DHS's appeal is pending; the stay lapses on {lapses:yyyy-MM-dd} (with {extended} days of briefing extension granted at the detainee's request) unless the Board decides first (8 CFR 1003.6(c)(4)).")
            : Sentence.Of($"{order}. Release stayed automatically while DHS's appeal is pending; the stay lapses on {lapses:yyyy-MM-dd} unless the Board decides first (8 CFR 1003.6(c)(4))."),
            asOf >= notice, lapses, lines);
    }

    private static readonly Sentence Open = Sentence.Of($"open");
    private static readonly Sentence Passed = Sentence.Of($"passed");
    private static readonly Sentence Eoir43 = Sentence.Of($"DHS Form EOIR-43 (notice of intent to appeal)");
    private static readonly Sentence DhsAppeal = Sentence.Of($"DHS notice of appeal to the Board");

    private static Sentence Filed(DateOnly on) => Sentence.Of($"filed {on:yyyy-MM-dd}");

    private static Sentence FiledLate(DateOnly on) => Sentence.Of($"filed late, {on:yyyy-MM-dd}");
}
