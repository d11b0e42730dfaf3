namespace Stayline.Data;

/// <summary>
/// One run of the duplicate finder over the people one set of readers sees (<see cref="Scope"/>): when it ran and what
/// the people looked like then. Its pairs are in <see cref="DuplicatePair"/>; a new run replaces the last one of its
/// scope in one transaction.
/// </summary>
public sealed class DuplicateRun
{
    public long Id { get; set; }

    /// <summary>Whose people the run was over: "all", or "org:N" (one organisation's and those shared with it).</summary>
    public string Scope { get; set; } = "";

    public DateTimeOffset FoundAt { get; set; }

    /// <summary>How many people and aliases there were, and the highest id of each (the stamp the run is current for).</summary>
    public int People { get; set; }
    public long MaxPersonId { get; set; }
    public int Aliases { get; set; }
    public long MaxAliasId { get; set; }
}

/// <summary>
/// Two people a run of the duplicate finder scored as possibly one, with the score and each field's level and weight as
/// the run saw them (the queue shows these; the compare page recomputes them with the same learned context).
/// </summary>
public sealed class DuplicatePair
{
    public long RunId { get; set; }

    /// <summary>The smaller person id of the pair.</summary>
    public long LowId { get; set; }
    public long HighId { get; set; }
    public double Score { get; set; }

    /// <summary>The engine's decision (<c>MatchDecision</c> as its number).</summary>
    public int Decision { get; set; }

    public int NameLevel { get; set; }
    public double NameWeight { get; set; }
    public int BirthDateLevel { get; set; }
    public double BirthDateWeight { get; set; }
    public int ANumberLevel { get; set; }
    public double ANumberWeight { get; set; }
    public int CountryLevel { get; set; }
    public double CountryWeight { get; set; }
}
