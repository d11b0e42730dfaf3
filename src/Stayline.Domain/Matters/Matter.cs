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

public sealed record MatterInput(
    MatterKind Kind,
    Adjudicator Forum,
    string? Court,
    string? CaseNumber,
    MatterStatus Status,
    DateOnly? FiledOn,
    DateOnly? DecidedOn,
    bool StayRequested,
    string? Summary);

/// <summary>Something that happened in a matter: a hearing, a brief, a stay granted or denied.</summary>
public sealed class MatterEvent
{
    public long Id { get; private set; }
    public long MatterId { get; private set; }
    public DateOnly On { get; private set; }
    public string Kind { get; private set; } = "";
    public string? Description { get; private set; }

    private MatterEvent()
    {
    }

    public MatterEvent(long matterId, DateOnly on, string kind, string? description)
    {
        MatterId = matterId;
        On = on;
        Kind = kind;
        Description = description;
    }
}

/// <summary>A final order of removal.</summary>
public sealed class RemovalOrder
{
    public long Id { get; private set; }
    public long PersonId { get; private set; }
    public DateOnly OrderedOn { get; private set; }
    public Adjudicator IssuedBy { get; private set; }
    public bool InAbsentia { get; private set; }
    public bool AppealWaived { get; private set; }
    /// <summary>Appeal reserved at the hearing. Neither waived nor reserved: not recorded, and protection during the appeal period is unknown.</summary>
    public bool AppealReserved { get; private set; }
    public string? CountryDesignated { get; private set; }
    /// <summary>Deportation, exclusion or removal proceedings; Unknown when not recorded (derived from the date where that is safe).</summary>
    public ProceedingType Proceeding { get; private set; }

    public AppealRight Appeal => AppealWaived ? AppealRight.Waived : AppealReserved ? AppealRight.Reserved : AppealRight.Unknown;

    private RemovalOrder()
    {
    }

    public static (RemovalOrder? Order, IReadOnlyList<FieldError> Errors) Create(long personId, DateOnly orderedOn, Adjudicator issuedBy,
        bool inAbsentia, bool appealWaived, string? country, DateOnly today, bool appealReserved = false,
        ProceedingType proceeding = ProceedingType.Unknown)
    {
        var v = new Validation();
        v.Require(!(appealWaived && appealReserved), "AppealReserved", "Appeal cannot be both waived and reserved.");
        v.Require(!(appealReserved && inAbsentia), "AppealReserved", "No appeal lies from an in absentia order; record a motion to reopen instead.");
        v.Require(orderedOn <= today, "OrderedOn", $"Order date {orderedOn:yyyy-MM-dd} is in the future.");
        v.Require(issuedBy is Adjudicator.ImmigrationJudge or Adjudicator.Board, "IssuedBy", "A removal order is issued by an immigration judge or the Board.");
        v.Require(!(inAbsentia && issuedBy == Adjudicator.Board), "InAbsentia", "Only an immigration judge orders removal in absentia.");
        // IIRIRA 309(a),(c): removal proceedings exist from 1997-04-01; deportation and exclusion cases begun before it
        // could end later, so only this direction is impossible.
        v.Require(!(proceeding == ProceedingType.Removal && orderedOn < new DateOnly(1997, 4, 1)), "Proceeding",
            $"Removal proceedings began on 1997-04-01; an order of {orderedOn:yyyy-MM-dd} ended deportation or exclusion proceedings.");
        return v.IsValid
            ? (new RemovalOrder
            {
                PersonId = personId,
                OrderedOn = orderedOn,
                IssuedBy = issuedBy,
                InAbsentia = inAbsentia,
                AppealWaived = appealWaived,
                AppealReserved = appealReserved,
                Proceeding = proceeding,
                CountryDesignated = string.IsNullOrWhiteSpace(country) ? null : country.Trim(),
            }, v.Errors)
            : (null, v.Errors);
    }
}

public sealed class Conviction
{
    public long Id { get; private set; }
    public long PersonId { get; private set; }
    public string Offence { get; private set; } = "";
    public DateOnly? ConvictedOn { get; private set; }
    public string? Sentence { get; private set; }
    public bool SentenceCompleted { get; private set; }

    private Conviction()
    {
    }

    public static (Conviction? Conviction, IReadOnlyList<FieldError> Errors) Create(long personId, string? offence, DateOnly? on,
        string? sentence, bool completed, DateOnly today)
    {
        var v = new Validation();
        v.Require(!string.IsNullOrWhiteSpace(offence), "Offence", "Name the offence.");
        v.Require(on is null || on <= today, "ConvictedOn", $"Conviction date {on:yyyy-MM-dd} is in the future.");
        return v.IsValid
            ? (new Conviction { PersonId = personId, Offence = offence!.Trim(), ConvictedOn = on, Sentence = sentence?.Trim(), SentenceCompleted = completed }, v.Errors)
            : (null, v.Errors);
    }
}
