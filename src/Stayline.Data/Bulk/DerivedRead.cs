using Microsoft.EntityFrameworkCore;

namespace Stayline.Data.Bulk;

/// <summary>A person's stored fingerprints; <see cref="ComputedAsOf"/> only when the caller asked for it.</summary>
public readonly record struct StoredHash(long PersonId, long ProtectionHash, long DeadlinesHash, DateOnly? ComputedAsOf);

/// <summary>A derived (not manual) deadline row as stored.</summary>
public readonly record struct StoredDeadline(long Id, long PersonId, string RuleId, long? CourtOrderId, DateOnly? TriggerDate, DateOnly? DueDate, int PeriodDays,
    string Citation, string State);

/// <summary>The named reads of what a recompute compares its results with: fingerprints, and stored deadline rows.</summary>
public static class DerivedRead
{
    /// <summary>
    /// Whether anyone lacks a protection row (the board lists them first as "not worked out yet"): whether the table the
    /// database keeps of them (<see cref="PeopleWithoutProtection"/>, by triggers, so rows written around the app count)
    /// holds anyone. It looks at everyone, below the scoping filter: it only decides whether that group is read at all,
    /// and that read is scoped like every other.
    /// </summary>
    public static async Task<bool> AnyoneWithoutProtectionAsync(StaylineDbContext db, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<bool>($"SELECT EXISTS (SELECT 1 FROM {PeopleWithoutProtection.Table}) AS \"Value\"").SingleAsync(ct);

    /// <summary>Fingerprints of the people in the scope, ordered by person.</summary>
    public static async Task<List<StoredHash>> HashesAsync(BulkTarget target, PersonScope scope, bool withComputedAsOf, CancellationToken ct)
    {
        string H(string p) => target.Column<PersonDerivedHash>(p);
        var person = H(nameof(PersonDerivedHash.PersonId));
        var columns = $"h.{person}, h.{H(nameof(PersonDerivedHash.ProtectionHash))}, h.{H(nameof(PersonDerivedHash.DeadlinesHash))}";
        var sql = withComputedAsOf
            ? $"SELECT {columns}, p.{target.Column<PersonProtection>(nameof(PersonProtection.ComputedAsOf))} FROM {target.Table<PersonDerivedHash>()} h "
                + $"JOIN {target.Table<PersonProtection>()} p ON p.{target.Column<PersonProtection>(nameof(PersonProtection.PersonId))} = h.{person} "
                + $"WHERE {scope.Where("h." + person)} ORDER BY h.{person}"
            : $"SELECT {columns} FROM {target.Table<PersonDerivedHash>()} h WHERE {scope.Where("h." + person)} ORDER BY h.{person}";
        var rows = new List<StoredHash>();
        await Rows.ForEachAsync(target.Connection, target.Transaction, scope, sql, r => rows.Add(new StoredHash(r.Int64(0), r.Int64(1), r.Int64(2),
            withComputedAsOf ? r.Date(3) : null)), ct);
        return rows;
    }

    /// <summary>
    /// The stored derived deadlines of <paramref name="people"/> (ascending), ordered by person; read with the scope's
    /// own predicate when they are a large part of it, else by id lists.
    /// </summary>
    public static async Task<List<StoredDeadline>> DeadlinesAsync(BulkTarget target, PersonScope scope, IReadOnlyList<long> people, int scopeSize, CancellationToken ct)
    {
        string D(string p) => target.Column<PersonDeadline>(p);
        var wanted = people.ToHashSet();
        var rows = new List<StoredDeadline>(people.Count * 4);
        var strings = new StringCache();
        IEnumerable<PersonScope> reads = people.Count * 4 >= scopeSize ? [scope] : people.Chunk(PersonScope.MaxIds).Select(PersonScope.Ids);
        var person = D(nameof(PersonDeadline.PersonId));
        foreach (var read in reads)
        {
            await Rows.ForEachAsync(target.Connection, target.Transaction, read,
                $"SELECT {D(nameof(PersonDeadline.Id))}, {person}, {D(nameof(PersonDeadline.RuleId))}, {D(nameof(PersonDeadline.CourtOrderId))}, "
                + $"{D(nameof(PersonDeadline.TriggerDate))}, {D(nameof(PersonDeadline.DueDate))}, {D(nameof(PersonDeadline.PeriodDays))}, "
                + $"{D(nameof(PersonDeadline.Citation))}, {D(nameof(PersonDeadline.State))} FROM {target.Table<PersonDeadline>()} "
                + $"WHERE {D(nameof(PersonDeadline.Manual))} = FALSE AND {read.Where(person)} ORDER BY {person}",
                r =>
                {
                    var personId = r.Int64(1);
                    if (wanted.Contains(personId))
                    {
                        rows.Add(new StoredDeadline(r.Int64(0), personId, r.String(2, strings), r.IsNull(3) ? null : r.Int64(3), r.NullableDate(4), r.NullableDate(5),
                            r.Int32(6), r.String(7, strings), r.String(8, strings)));
                    }
                }, ct);
        }

        return rows;
    }
}
