namespace Stayline.Domain.Work;

/// <summary>A note on a person's file. Privileged notes (attorney-client, work product) are hidden from intake and viewers.</summary>
public sealed class Note
{
    public long Id { get; private set; }
    public long PersonId { get; private set; }
    public string AuthorId { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string Text { get; private set; } = "";
    public bool Privileged { get; private set; }

    private Note()
    {
    }

    public Note(long personId, string authorId, DateTimeOffset createdAt, string text, bool privileged)
    {
        PersonId = personId;
        AuthorId = authorId;
        CreatedAt = createdAt;
        Text = text.Trim();
        Privileged = privileged;
    }
}
