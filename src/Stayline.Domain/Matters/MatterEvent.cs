namespace Stayline.Domain.Matters;

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
