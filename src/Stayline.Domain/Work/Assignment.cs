namespace Stayline.Domain.Work;

/// <summary>An attorney (a user) responsible for a person from a day, until unassigned.</summary>
public sealed class Assignment
{
    public long Id { get; private set; }
    public long PersonId { get; private set; }
    public string UserId { get; private set; } = "";
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }

    public bool IsActive => To is null;

    private Assignment()
    {
    }

    public Assignment(long personId, string userId, DateOnly from)
    {
        PersonId = personId;
        UserId = userId;
        From = from;
    }

    public void End(DateOnly on) => To = on < From ? From : on;
}
