using Stayline.Domain.Common;
using Stayline.Domain.People;

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
    public string? CountryDesignated { get; private set; }

    private RemovalOrder()
    {
    }

    public static (RemovalOrder? Order, IReadOnlyList<FieldError> Errors) Create(long personId, DateOnly orderedOn, Adjudicator issuedBy,
        bool inAbsentia, bool appealWaived, string? country, DateOnly today)
    {
        var v = new Validation();
        v.Require(orderedOn <= today, "OrderedOn", $"Order date {orderedOn:yyyy-MM-dd} is in the future.");
        v.Require(issuedBy is Adjudicator.ImmigrationJudge or Adjudicator.Board, "IssuedBy", "A removal order is issued by an immigration judge or the Board.");
        v.Require(!(inAbsentia && issuedBy == Adjudicator.Board), "InAbsentia", "Only an immigration judge orders removal in absentia.");
        return v.IsValid
            ? (new RemovalOrder
            {
                PersonId = personId,
                OrderedOn = orderedOn,
                IssuedBy = issuedBy,
                InAbsentia = inAbsentia,
                AppealWaived = appealWaived,
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
