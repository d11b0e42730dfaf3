namespace Stayline.Domain.People;

public sealed class FamilyContact
{
    public long Id { get; private set; }
    public long PersonId { get; private set; }

    public static FamilyContact For(long personId) => new() { PersonId = personId };

    public string Name { get; set; } = "";
    public string? Relationship { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Language { get; set; }
}
