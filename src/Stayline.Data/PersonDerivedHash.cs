namespace Stayline.Data;

/// <summary>
/// Fingerprints (64-bit) of a person's stored protection row and derived deadline rows. A recompute compares them with
/// the fresh result and writes only people whose result changed, so a recompute of unchanged facts reads one narrow
/// row per person and writes nothing. Deleted with the protection row.
/// </summary>
public sealed class PersonDerivedHash
{
    public long PersonId { get; set; }
    public long ProtectionHash { get; set; }
    public long DeadlinesHash { get; set; }
}
