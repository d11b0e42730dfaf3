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
