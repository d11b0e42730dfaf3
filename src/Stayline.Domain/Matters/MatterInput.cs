using Stayline.Domain.Protection;

namespace Stayline.Domain.Matters;

public sealed record MatterInput(
    MatterKind Kind,
    Adjudicator Forum,
    string? Court,
    string? CaseNumber,
    MatterStatus Status,
    DateOnly? FiledOn,
    DateOnly? DecidedOn,
    bool StayRequested,
    string? Summary)
{
    /// <summary>The ground of a motion to reopen; null: not recorded.</summary>
    public MotionGround? Ground { get; init; }

    /// <summary>The day the stay motion was filed, when later than the matter; null: filed with it.</summary>
    public DateOnly? StayFiledOn { get; init; }

    /// <summary>The day the matter was withdrawn (8 CFR 1003.4 for appeals); only with status Withdrawn.</summary>
    public DateOnly? WithdrawnOn { get; init; }

    /// <summary>The removal order this motion, appeal or petition challenges; null: the latest decision before filing.</summary>
    public long? ChallengesOrderId { get; init; }

    /// <summary>The decided matter (e.g. a denied motion, a dismissed appeal) this filing challenges.</summary>
    public long? ChallengesMatterId { get; init; }

    /// <summary>Habeas petitions only: the day the court ordered the respondent to show cause (28 U.S.C. 2243).</summary>
    public DateOnly? ShowCauseOrderedOn { get; init; }

    /// <summary>Habeas petitions only: the return date the court's order sets; null: three days, as 2243 says.</summary>
    public DateOnly? ReturnDueOn { get; init; }
}
