namespace Stayline.Domain.Classes;

public sealed class ClassMembership
{
    public long ClassActionId { get; private set; }
    public long PersonId { get; private set; }
    public DateOnly AddedOn { get; private set; }

    private ClassMembership()
    {
    }

    public ClassMembership(long classActionId, long personId, DateOnly addedOn)
    {
        ClassActionId = classActionId;
        PersonId = personId;
        AddedOn = addedOn;
    }
}
