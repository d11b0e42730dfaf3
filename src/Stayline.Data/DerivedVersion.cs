namespace Stayline.Data;

/// <summary>
/// Which code made a kind of stored, derived data: one row per kind (<see cref="NameKeys"/>). A build whose code
/// derives that data differently finds the value changed and rebuilds the data before it serves anything.
/// </summary>
public sealed class DerivedVersion
{
    /// <summary>The name-search index (tokens, key dictionary, each person's NameIndex): <see cref="PersonSearch.KeysFingerprint"/>.</summary>
    public const string NameKeys = "name-keys";

    public string Kind { get; set; } = "";
    public string Value { get; set; } = "";
}
