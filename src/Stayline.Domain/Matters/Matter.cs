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
            "Only a granted or denied matter has a decision date.");
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
        return v.Errors;
    }

    /// <summary>Records the decision on the stay motion filed with this matter; a decided stay needs its date.</summary>
    public IReadOnlyList<FieldError> RecordStayDecision(StayMotionOutcome outcome, DateOnly? decidedOn, DateOnly? grantedUntil, DateOnly today)
    {
        var v = new Validation();
        v.Require(Status != MatterStatus.Drafting, nameof(StayOutcome), "A stay motion in a matter still being drafted has not been decided.");
        v.Require(outcome == StayMotionOutcome.Pending || decidedOn is not null, nameof(StayDecidedOn), $"A {outcome.ToString().ToLowerInvariant()} stay needs the decision date.");
        v.Require(outcome != StayMotionOutcome.Pending || (decidedOn is null && grantedUntil is null), nameof(StayDecidedOn), "A pending stay motion has no decision date.");
        v.Require(decidedOn is null || decidedOn <= today, nameof(StayDecidedOn), $"Decision date {decidedOn:yyyy-MM-dd} is in the future.");
        v.Require(decidedOn is null || FiledOn is null || decidedOn >= FiledOn, nameof(StayDecidedOn),
            $"Decision date {decidedOn:yyyy-MM-dd} is before the filing date {FiledOn:yyyy-MM-dd}.");
        v.Require(grantedUntil is null || outcome == StayMotionOutcome.Granted, nameof(StayGrantedUntil), "Only a granted stay has a last day.");
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

    public MatterInput ToInput() => new(Kind, Forum, Court, CaseNumber, Status, FiledOn, DecidedOn, StayRequested, Summary);

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
