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
    string? Summary);
