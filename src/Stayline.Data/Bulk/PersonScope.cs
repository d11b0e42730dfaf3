using System.Data.Common;

namespace Stayline.Data.Bulk;

/// <summary>
/// Which people a recompute covers, as a SQL predicate on a person-id column: everyone in an id range, the
/// members of one class, or a list of ids. Keeps every fact query set-based.
/// </summary>
public sealed class PersonScope
{
    private readonly Func<string, string> _predicate;

    private PersonScope(string description, bool mayBeLarge, Func<string, string> predicate, params (string Name, long Value)[] parameters)
    {
        Description = description;
        MayBeLarge = mayBeLarge;
        _predicate = predicate;
        Parameters = parameters;
    }

    public string Description { get; }

    /// <summary>Can cover many thousands of people (a range, a class), not a short list.</summary>
    public bool MayBeLarge { get; }

    /// <summary>The named parameters the predicate uses (all are ids or id bounds).</summary>
    public IReadOnlyList<(string Name, long Value)> Parameters { get; }

    /// <summary>No restriction: for reads that are not per person.</summary>
    public static PersonScope Everyone { get; } = new("everyone", true, _ => "1 = 1");

    public static PersonScope Range(long fromInclusive, long toExclusive) => new(
        $"people {fromInclusive}..{toExclusive - 1}",
        true,
        column => $"{column} >= @lo AND {column} < @hi",
        ("@lo", fromInclusive), ("@hi", toExclusive));

    public static PersonScope ClassMembers(long classActionId) => new(
        $"members of class {classActionId}",
        true,
        column => $"{column} IN (SELECT \"PersonId\" FROM class_memberships WHERE \"ClassActionId\" = @class)",
        ("@class", classActionId));

    /// <summary>At most <see cref="MaxIds"/> ids; callers split longer lists.</summary>
    public static PersonScope Ids(IReadOnlyList<long> ids)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ids.Count, MaxIds);
        return new PersonScope(
            $"{ids.Count} people",
            false,
            column => ids.Count == 0 ? "1 = 0" : $"{column} IN ({string.Join(",", Enumerable.Range(0, ids.Count).Select(Name))})",
            [.. ids.Select((id, i) => (Name(i), id))]);

        static string Name(int i) => "@id" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public const int MaxIds = 500;

    public string Where(string column) => _predicate(column);

    public void Bind(DbCommand cmd)
    {
        foreach (var (name, value) in Parameters)
        {
            BulkSql.Add(cmd, name, value);
        }
    }
}
