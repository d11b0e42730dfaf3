namespace Stayline.Domain.Custody;

/// <summary>A dated fact about a person: an arrest, an A-file received, boarding for removal.</summary>
public sealed class PersonEvent
{
    public long Id { get; private set; }
    public long PersonId { get; private set; }
    public PersonEventKind Kind { get; private set; }
    public DateOnly On { get; private set; }
    public string? Description { get; private set; }

    /// <summary>The records request whose production this receipt records (it changes and goes with the request).</summary>
    public long? RecordsRequestId { get; init; }

    private PersonEvent()
    {
    }

    public PersonEvent(long personId, PersonEventKind kind, DateOnly on, string? description)
    {
        PersonId = personId;
        Kind = kind;
        On = on;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
    }

    /// <summary>Puts right the day or the description of an event recorded wrongly (the caller checks the day against today).</summary>
    public void Correct(DateOnly on, string? description)
    {
        On = on;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
    }
}
