namespace Stayline.Domain.Classes;

public enum CourtOrderKind
{
    /// <summary>Stay of removal for all class members, with typed terms.</summary>
    ClassStay,
    /// <summary>Stay of removal for one person.</summary>
    IndividualStay,
    Other,
}
