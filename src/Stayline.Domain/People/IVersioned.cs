namespace Stayline.Domain.People;

/// <summary>Entities that carry an optimistic-concurrency version, bumped on every save.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
