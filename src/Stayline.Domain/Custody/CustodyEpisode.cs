using Stayline.Domain.People;

namespace Stayline.Domain.Custody;

/// <summary>A person held at one facility from a day to a day; a transfer ends one episode and starts another.</summary>
public sealed class CustodyEpisode : IVersioned
{
    public long Id { get; private set; }
    public long PersonId { get; private set; }
    public long FacilityId { get; private set; }
    public Facility? Facility { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }
    public CustodyEnd? EndReason { get; private set; }
    public int Version { get; set; }

    public bool IsOpen => To is null;

    private CustodyEpisode()
    {
    }

    internal static CustodyEpisode Start(long personId, long facilityId, DateOnly from) =>
        new() { PersonId = personId, FacilityId = facilityId, From = from };

    internal void End(DateOnly to, CustodyEnd reason)
    {
        To = to;
        EndReason = reason;
    }
}
