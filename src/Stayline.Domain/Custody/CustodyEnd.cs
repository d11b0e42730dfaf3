namespace Stayline.Domain.Custody;

public enum CustodyEnd
{
    Transferred,
    Released,
    Removed,
}
