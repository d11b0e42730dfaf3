namespace Stayline.Domain.People;

public enum CustodyStatus
{
    Unknown,
    Detained,
    Released,
    Removed,
}
