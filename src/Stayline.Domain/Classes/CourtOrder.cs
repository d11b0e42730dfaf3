namespace Stayline.Domain.Classes;

/// <summary>An order of a court; applies to a class or to one person. Its terms are typed (stored as JSON).</summary>
public sealed class CourtOrder
{
    public long Id { get; private set; }
    public long? ClassActionId { get; private set; }
    public long? PersonId { get; private set; }
    public CourtOrderKind Kind { get; private set; }
    public string Court { get; private set; } = "";
    public string? CaseNumber { get; private set; }
    public DateOnly IssuedOn { get; private set; }
    public string Title { get; private set; } = "";
    public string? TermsJson { get; private set; }

    private CourtOrder()
    {
    }

    public CourtOrder(long? classActionId, long? personId, CourtOrderKind kind, string court, string? caseNumber, DateOnly issuedOn, string title, string? termsJson)
    {
        if ((classActionId is null) == (personId is null))
        {
            throw new ArgumentException("A court order applies to a class or to one person.");
        }

        ClassActionId = classActionId;
        PersonId = personId;
        Kind = kind;
        Court = court.Trim();
        CaseNumber = caseNumber?.Trim();
        IssuedOn = issuedOn;
        Title = title.Trim();
        TermsJson = termsJson;
    }
}
