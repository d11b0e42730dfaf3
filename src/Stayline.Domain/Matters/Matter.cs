using Stayline.Domain.Common;
using Stayline.Domain.People;
using Stayline.Domain.Protection;

namespace Stayline.Domain.Matters;

/// <summary>One legal proceeding or filing about a person, with its forum, status and dates.</summary>
public sealed class Matter : IVersioned
{
    public long Id { get; private set; }
    public long PersonId { get; private set; }
    public MatterKind Kind { get; private set; }
    public Adjudicator Forum { get; private set; }
    public string? Court { get; private set; }
    public string? CaseNumber { get; private set; }
    public MatterStatus Status { get; private set; }
    public DateOnly? FiledOn { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    /// <summary>A motion for a stay of removal accompanies this filing.</summary>
    public bool StayRequested { get; private set; }
    public string? Summary { get; private set; }

    // The stay motion's outcome and a recorded timeliness finding decide protection (8 CFR 1003.6(a); Nken v.
    // Holder). They change only through RecordStayDecision/RecordTimeliness, so the general edit form, which
    // does not show them, cannot wipe them.
    public StayMotionOutcome StayOutcome { get; private set; }
    public DateOnly? StayDecidedOn { get; private set; }
    /// <summary>Last day of a granted stay when the order sets one; null: while the matter is pending.</summary>
    public DateOnly? StayGrantedUntil { get; private set; }
    /// <summary>A recorded finding that the filing was (or was not) in time, e.g. the Board accepted a late appeal.</summary>
    public bool? FiledInTime { get; private set; }

    /// <summary>
    /// The Board accepted this appeal although appeal was recorded as waived (e.g. the waiver was not knowing and
    /// intelligent): the waiver then does not end the automatic stay. Changed only by <see cref="RecordWaiverFinding"/>.
    /// </summary>
    public bool AcceptedDespiteWaiver { get; private set; }

    /// <summary>The ground of a motion to reopen; against an in absentia order it decides whether filing stays removal.</summary>
    public MotionGround? Ground { get; private set; }

    /// <summary>Day the stay motion was filed when later than the matter; null: filed with it.</summary>
    public DateOnly? StayFiledOn { get; private set; }

    /// <summary>Day the matter was withdrawn (8 CFR 1003.4); null with status Withdrawn: not recorded.</summary>
    public DateOnly? WithdrawnOn { get; private set; }

    /// <summary>The removal order this filing challenges (same person); null with <see cref="ChallengesMatterId"/>: the latest decision before filing.</summary>
    public long? ChallengesOrderId { get; private set; }

    /// <summary>The decided matter this filing challenges (same person).</summary>
    public long? ChallengesMatterId { get; private set; }

    /// <summary>Habeas petitions: the day the court ordered the respondent to show cause; starts the return clock (28 U.S.C. 2243).</summary>
    public DateOnly? ShowCauseOrderedOn { get; private set; }

    /// <summary>Habeas petitions: the return date the court set; null: three days after the order to show cause.</summary>
    public DateOnly? ReturnDueOn { get; private set; }

    public int Version { get; set; }
    public List<MatterEvent> Events { get; private set; } = [];

    private Matter()
    {
    }

    public static (Matter? Matter, IReadOnlyList<FieldError> Errors) Create(long personId, MatterInput input, DateOnly today)
    {
        var m = new Matter { PersonId = personId };
        var errors = m.Update(input, today);
        return errors.Count == 0 ? (m, errors) : (null, errors);
    }

    public IReadOnlyList<FieldError> Update(MatterInput input, DateOnly today)
    {
        var v = new Validation();
        v.Require(input.FiledOn is null || input.FiledOn <= today, nameof(MatterInput.FiledOn), $"Filing date {input.FiledOn:yyyy-MM-dd} is in the future.");
        v.Require(input.DecidedOn is null || input.DecidedOn <= today, nameof(MatterInput.DecidedOn), $"Decision date {input.DecidedOn:yyyy-MM-dd} is in the future.");
        v.Require(input.DecidedOn is null || input.FiledOn is null || input.DecidedOn >= input.FiledOn, nameof(MatterInput.DecidedOn),
            $"Decision date {input.DecidedOn:yyyy-MM-dd} is before the filing date {input.FiledOn:yyyy-MM-dd}.");
        v.Require(input.Status is MatterStatus.Drafting or MatterStatus.Withdrawn || input.FiledOn is not null, nameof(MatterInput.FiledOn),
            $"A matter that is {input.Status.ToString().ToLowerInvariant()} needs a filing date.");
        v.Require(!input.Status.IsDecided() || input.DecidedOn is not null, nameof(MatterInput.DecidedOn),
            $"A matter that is {input.Status.ToString().ToLowerInvariant()} needs a decision date.");
        v.Require(input.Status.IsDecided() || input.DecidedOn is null, nameof(MatterInput.DecidedOn),
            $"Only a granted or denied matter has a decision date.");
        ValidateFacts(input, today, v);
        if (!v.IsValid)
        {
            return v.Errors;
        }

        Kind = input.Kind;
        Forum = input.Forum;
        Court = Blank(input.Court);
        CaseNumber = Blank(input.CaseNumber);
        Status = input.Status;
        FiledOn = input.FiledOn;
        DecidedOn = input.DecidedOn;
        StayRequested = input.StayRequested;
        Summary = Blank(input.Summary);
        Ground = input.Ground;
        StayFiledOn = input.StayRequested ? input.StayFiledOn : null;
        WithdrawnOn = input.WithdrawnOn;
        ChallengesOrderId = input.ChallengesOrderId;
        ChallengesMatterId = input.ChallengesMatterId;
        ShowCauseOrderedOn = input.ShowCauseOrderedOn;
        ReturnDueOn = input.ReturnDueOn;
        return v.Errors;
    }

    /// <summary>True for the kinds that attack an earlier decision: motions to reopen or reconsider, Board appeals, petitions for review.</summary>
    public static bool Challenges(MatterKind kind) => kind is MatterKind.MotionToReopenIj or MatterKind.MotionToReopenBia
        or MatterKind.MotionToReconsiderIj or MatterKind.MotionToReconsiderBia or MatterKind.BiaAppeal or MatterKind.PetitionForReview;

    /// <summary>
    /// The facts the protection engine reads besides the dates: each must fit the kind and status, so that a value
    /// recorded by mistake cannot quietly change the answer. Whether linked orders and matters belong to the same
    /// person is checked by the caller, which can see them.
    /// </summary>
    private void ValidateFacts(MatterInput input, DateOnly today, Validation v)
    {
        v.Require(input.Ground is null || input.Kind is MatterKind.MotionToReopenIj or MatterKind.MotionToReopenBia, nameof(MatterInput.Ground),
            $"Only a motion to reopen has a ground; this is a {input.Kind.ToString()}.");
        v.Require(input.Ground is null || Enum.IsDefined(input.Ground.Value), nameof(MatterInput.Ground), $"Unknown motion ground {input.Ground}.");
        v.Require(input.StayFiledOn is null || input.StayRequested, nameof(MatterInput.StayFiledOn),
            $"A stay motion filing date needs \"a motion for a stay was filed\" ticked.");
        v.Require(input.StayFiledOn is null || input.StayFiledOn <= today, nameof(MatterInput.StayFiledOn),
            $"Stay motion filing date {input.StayFiledOn:yyyy-MM-dd} is in the future.");
        v.Require(input.StayFiledOn is null || input.FiledOn is null || input.StayFiledOn >= input.FiledOn, nameof(MatterInput.StayFiledOn),
            $"Stay motion filing date {input.StayFiledOn:yyyy-MM-dd} is before the matter was filed ({input.FiledOn:yyyy-MM-dd}); leave it empty if it was filed with it.");
        v.Require(input.StayFiledOn is null || StayDecidedOn is null || input.StayFiledOn <= StayDecidedOn, nameof(MatterInput.StayFiledOn),
            $"Stay motion filing date {input.StayFiledOn:yyyy-MM-dd} is after the stay was decided ({StayDecidedOn:yyyy-MM-dd}).");
        v.Require(input.WithdrawnOn is null || input.Status == MatterStatus.Withdrawn, nameof(MatterInput.WithdrawnOn),
            $"Only a withdrawn matter has a withdrawal date; set the status to Withdrawn.");
        v.Require(input.WithdrawnOn is null || input.WithdrawnOn <= today, nameof(MatterInput.WithdrawnOn),
            $"Withdrawal date {input.WithdrawnOn:yyyy-MM-dd} is in the future.");
        v.Require(input.WithdrawnOn is null || input.FiledOn is null || input.WithdrawnOn >= input.FiledOn, nameof(MatterInput.WithdrawnOn),
            $"Withdrawal date {input.WithdrawnOn:yyyy-MM-dd} is before the filing date {input.FiledOn:yyyy-MM-dd}.");
        v.Require(input.ChallengesOrderId is null || input.ChallengesMatterId is null, nameof(MatterInput.ChallengesMatterId),
            $"A filing challenges one decision: give either the removal order or the decided matter, not both.");
        v.Require((input.ChallengesOrderId is null && input.ChallengesMatterId is null) || Challenges(input.Kind), nameof(MatterInput.ChallengesOrderId),
            $"A {input.Kind.ToString()} does not challenge a decision; only motions to reopen or reconsider, Board appeals and petitions for review do.");
        v.Require(input.ChallengesMatterId is null || Id == 0 || input.ChallengesMatterId != Id, nameof(MatterInput.ChallengesMatterId),
            $"A matter cannot challenge itself.");
        v.Require(input.ShowCauseOrderedOn is null || input.Kind == MatterKind.HabeasPetition, nameof(MatterInput.ShowCauseOrderedOn),
            $"Only a habeas petition has an order to show cause; this is a {input.Kind.ToString()}.");
        v.Require(input.ShowCauseOrderedOn is null || input.ShowCauseOrderedOn <= today, nameof(MatterInput.ShowCauseOrderedOn),
            $"Order to show cause date {input.ShowCauseOrderedOn:yyyy-MM-dd} is in the future.");
        v.Require(input.ShowCauseOrderedOn is null || input.FiledOn is null || input.ShowCauseOrderedOn >= input.FiledOn, nameof(MatterInput.ShowCauseOrderedOn),
            $"Order to show cause date {input.ShowCauseOrderedOn:yyyy-MM-dd} is before the petition was filed ({input.FiledOn:yyyy-MM-dd}).");
        v.Require(input.ShowCauseOrderedOn is null || Deadlines.DeadlineCalculator.IsSupportedTrigger(input.ShowCauseOrderedOn.Value), nameof(MatterInput.ShowCauseOrderedOn),
            $"Order to show cause date {input.ShowCauseOrderedOn:yyyy-MM-dd} is outside the years the court calendar covers.");
        v.Require(input.ReturnDueOn is null || input.ShowCauseOrderedOn is not null, nameof(MatterInput.ReturnDueOn),
            $"A return date needs the date of the order to show cause.");
        v.Require(input.ReturnDueOn is null || input.ShowCauseOrderedOn is null || input.ReturnDueOn > input.ShowCauseOrderedOn, nameof(MatterInput.ReturnDueOn),
            $"Return date {input.ReturnDueOn:yyyy-MM-dd} must come after the order to show cause ({input.ShowCauseOrderedOn:yyyy-MM-dd}).");
        v.Require(input.ReturnDueOn is null || input.ShowCauseOrderedOn is null || input.ReturnDueOn <= input.ShowCauseOrderedOn.Value.AddYears(1), nameof(MatterInput.ReturnDueOn),
            $"Return date {input.ReturnDueOn:yyyy-MM-dd} is more than a year after the order to show cause; check the date.");
    }

    /// <summary>Records the decision on the stay motion filed with this matter; a decided stay needs its date.</summary>
    public IReadOnlyList<FieldError> RecordStayDecision(StayMotionOutcome outcome, DateOnly? decidedOn, DateOnly? grantedUntil, DateOnly today)
    {
        var v = new Validation();
        v.Require(Status != MatterStatus.Drafting, nameof(StayOutcome), $"A stay motion in a matter still being drafted has not been decided.");
        v.Require(outcome == StayMotionOutcome.Pending || decidedOn is not null, nameof(StayDecidedOn), $"A {outcome.ToString().ToLowerInvariant()} stay needs the decision date.");
        v.Require(outcome != StayMotionOutcome.Pending || (decidedOn is null && grantedUntil is null), nameof(StayDecidedOn), $"A pending stay motion has no decision date.");
        v.Require(decidedOn is null || decidedOn <= today, nameof(StayDecidedOn), $"Decision date {decidedOn:yyyy-MM-dd} is in the future.");
        v.Require(decidedOn is null || FiledOn is null || decidedOn >= FiledOn, nameof(StayDecidedOn),
            $"Decision date {decidedOn:yyyy-MM-dd} is before the filing date {FiledOn:yyyy-MM-dd}.");
        v.Require(grantedUntil is null || outcome == StayMotionOutcome.Granted, nameof(StayGrantedUntil), $"Only a granted stay has a last day.");
        v.Require(grantedUntil is null || decidedOn is null || grantedUntil >= decidedOn, nameof(StayGrantedUntil),
            $"The stay's last day {grantedUntil:yyyy-MM-dd} is before it was granted.");
        if (v.IsValid)
        {
            StayRequested = true;
            StayOutcome = outcome;
            StayDecidedOn = decidedOn;
            StayGrantedUntil = grantedUntil;
        }

        return v.Errors;
    }

    /// <summary>Records a finding on timeliness (null: none, the dates decide).</summary>
    public void RecordTimeliness(bool? filedInTime) => FiledInTime = filedInTime;

    /// <summary>Records that the Board accepted this appeal despite a recorded waiver of appeal (only Board appeals).</summary>
    public IReadOnlyList<FieldError> RecordWaiverFinding(bool acceptedDespiteWaiver)
    {
        var v = new Validation();
        v.Require(!acceptedDespiteWaiver || Kind == MatterKind.BiaAppeal, nameof(AcceptedDespiteWaiver),
            $"Only a Board appeal can be accepted despite a waiver of appeal.");
        if (v.IsValid)
        {
            AcceptedDespiteWaiver = acceptedDespiteWaiver;
        }

        return v.Errors;
    }

    public MatterInput ToInput() => new(Kind, Forum, Court, CaseNumber, Status, FiledOn, DecidedOn, StayRequested, Summary)
    {
        Ground = Ground,
        StayFiledOn = StayFiledOn,
        WithdrawnOn = WithdrawnOn,
        ShowCauseOrderedOn = ShowCauseOrderedOn,
        ReturnDueOn = ReturnDueOn,
        ChallengesOrderId = ChallengesOrderId,
        ChallengesMatterId = ChallengesMatterId,
    };

    /// <summary>The forum a kind of matter is normally before.</summary>
    public static Adjudicator DefaultForum(MatterKind kind) => kind switch
    {
        MatterKind.HabeasPetition => Adjudicator.DistrictCourt,
        MatterKind.MotionToReopenBia or MatterKind.MotionToReconsiderBia or MatterKind.BiaAppeal => Adjudicator.Board,
        MatterKind.PetitionForReview => Adjudicator.CourtOfAppeals,
        MatterKind.FoiaRequest => Adjudicator.Dhs,
        _ => Adjudicator.ImmigrationJudge,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
