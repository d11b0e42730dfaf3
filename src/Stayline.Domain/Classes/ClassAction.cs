namespace Stayline.Domain.Classes;

/// <summary>A class action, e.g. Hamama v. Adducci, No. 2:17-cv-11910 (E.D. Mich.).</summary>
public sealed class ClassAction
{
    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Court { get; private set; } = "";
    public string? CaseNumber { get; private set; }
    public string? Description { get; private set; }

    private ClassAction()
    {
    }

    public ClassAction(string name, string court, string? caseNumber, string? description)
    {
        Name = name.Trim();
        Court = court.Trim();
        CaseNumber = caseNumber?.Trim();
        Description = description?.Trim();
    }
}

public sealed class ClassMembership
{
    public long ClassActionId { get; private set; }
    public long PersonId { get; private set; }
    public DateOnly AddedOn { get; private set; }

    private ClassMembership()
    {
    }

    public ClassMembership(long classActionId, long personId, DateOnly addedOn)
    {
        ClassActionId = classActionId;
        PersonId = personId;
        AddedOn = addedOn;
    }
}

public enum CourtOrderKind
{
    /// <summary>Stay of removal for all class members, with typed terms.</summary>
    ClassStay,
    /// <summary>Stay of removal for one person.</summary>
    IndividualStay,
    Other,
}

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
