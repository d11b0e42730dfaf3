using System.Collections.Immutable;
using System.Data.Common;
using System.Text.Json;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;

namespace Stayline.Features.Protection;

/// <summary>
/// Which people a recompute covers, as a SQL predicate on a person-id column: everyone in an id range, the
/// members of one class, or a list of ids. Keeps every fact query set-based.
/// </summary>
public sealed class PersonScope
{
    private readonly Func<string, string> _predicate;
    private readonly Action<DbCommand> _bind;

    private PersonScope(string description, Func<string, string> predicate, Action<DbCommand> bind)
    {
        Description = description;
        _predicate = predicate;
        _bind = bind;
    }

    public string Description { get; }

    public static PersonScope Range(long fromInclusive, long toExclusive) => new(
        $"people {fromInclusive}..{toExclusive - 1}",
        column => $"{column} >= @lo AND {column} < @hi",
        cmd =>
        {
            Sql.Add(cmd, "@lo", fromInclusive);
            Sql.Add(cmd, "@hi", toExclusive);
        });

    public static PersonScope ClassMembers(long classActionId) => new(
        $"members of class {classActionId}",
        column => $"{column} IN (SELECT \"PersonId\" FROM class_memberships WHERE \"ClassActionId\" = @class)",
        cmd => Sql.Add(cmd, "@class", classActionId));

    /// <summary>At most <see cref="MaxIds"/> ids; callers split longer lists.</summary>
    public static PersonScope Ids(IReadOnlyList<long> ids)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ids.Count, MaxIds);
        return new PersonScope(
            $"{ids.Count} people",
            column => ids.Count == 0 ? "1 = 0" : $"{column} IN ({string.Join(",", Enumerable.Range(0, ids.Count).Select(i => "@id" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})",
            cmd =>
            {
                for (var i = 0; i < ids.Count; i++)
                {
                    Sql.Add(cmd, "@id" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), ids[i]);
                }
            });
    }

    public const int MaxIds = 500;

    public string Where(string column) => _predicate(column);

    public void Bind(DbCommand cmd) => _bind(cmd);
}

/// <summary>One person's facts as the engines read them, plus the keys of the class orders behind each membership.</summary>
public sealed record PersonFacts(long PersonId, ProtectionFacts Facts, long[] ClassOrderKeys);

/// <summary>
/// The one place where stored rows become <see cref="ProtectionFacts"/>. Reads every table once per scope,
/// ordered by person, with plain data readers (no change tracking). Choices where the data model is thinner
/// than the engine (docs/protection-facts.md):
/// removal orders are merits decisions (bond decisions are BondHearing matters, which the engine never treats as
/// orders); appeal waived / reserved / neither gives Waived / Reserved / Unknown; a matter's stay motion exists
/// when StayRequested is set, with its recorded outcome; custody episodes add Arrested / Transferred / Released /
/// Removed events so that recording custody alone is enough; class membership counts from the order's date (the
/// class is defined by the order; AddedOn is when the team recorded it); individual stays are court orders of kind
/// IndividualStay with <see cref="IndividualStayTerms"/> JSON.
/// </summary>
public static class FactsReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<List<PersonFacts>> ReadAsync(DbConnection connection, DbTransaction? transaction, PersonScope scope, CancellationToken ct)
    {
        var people = new List<long>();
        await ForEachAsync(connection, transaction, scope, $"SELECT \"Id\" FROM people WHERE {scope.Where("\"Id\"")} ORDER BY \"Id\"",
            r => people.Add(r.GetInt64(0)), ct);
        if (people.Count == 0)
        {
            return [];
        }

        var orders = new List<(long PersonId, RemovalOrderFacts Fact)>();
        await ForEachAsync(connection, transaction, scope,
            $"SELECT \"PersonId\", \"Id\", \"OrderedOn\", \"IssuedBy\", \"InAbsentia\", \"AppealWaived\", \"AppealReserved\" FROM removal_orders WHERE {scope.Where("\"PersonId\"")} ORDER BY \"PersonId\"",
            r => orders.Add((r.GetInt64(0), new RemovalOrderFacts(Key(r.GetInt64(1)), r.GetFieldValue<DateOnly>(2), Adjudicators.Parse(r.GetString(3)))
            {
                InAbsentia = r.GetBoolean(4),
                Appeal = r.GetBoolean(5) ? AppealRight.Waived : r.GetBoolean(6) ? AppealRight.Reserved : AppealRight.Unknown,
            })), ct);

        var matters = new List<(long PersonId, MatterFacts Fact)>();
        await ForEachAsync(connection, transaction, scope,
            "SELECT \"PersonId\", \"Id\", \"Kind\", \"Status\", \"FiledOn\", \"DecidedOn\", \"FiledInTime\", \"StayRequested\", \"StayOutcome\", \"StayDecidedOn\", \"StayGrantedUntil\" "
            + $"FROM matters WHERE {scope.Where("\"PersonId\"")} ORDER BY \"PersonId\"",
            r => matters.Add((r.GetInt64(0), new MatterFacts(Key(r.GetInt64(1)), MatterKinds.Parse(r.GetString(2)), MatterKinds.ParseStatus(r.GetString(3)))
            {
                FiledOn = NullableDate(r, 4),
                DecidedOn = NullableDate(r, 5),
                FiledInTime = r.IsDBNull(6) ? null : r.GetBoolean(6),
                StayMotion = r.GetBoolean(7)
                    ? new StayMotionFacts(MatterKinds.ParseStay(r.GetString(8))) { DecidedOn = NullableDate(r, 9), GrantedUntil = NullableDate(r, 10) }
                    : null,
            })), ct);

        var events = new List<(long PersonId, PersonEventFact Fact)>();
        await ForEachAsync(connection, transaction, scope,
            $"SELECT \"PersonId\", \"Kind\", \"On\" FROM person_events WHERE {scope.Where("\"PersonId\"")} AND \"Kind\" <> 'Other' ORDER BY \"PersonId\"",
            r => events.Add((r.GetInt64(0), new PersonEventFact(MatterKinds.ParseEvent(r.GetString(1)), r.GetFieldValue<DateOnly>(2)))), ct);
        await ForEachAsync(connection, transaction, scope,
            $"SELECT \"PersonId\", \"From\", \"To\", \"EndReason\" FROM custody_episodes WHERE {scope.Where("\"PersonId\"")} ORDER BY \"PersonId\"",
            r =>
            {
                var personId = r.GetInt64(0);
                events.Add((personId, new PersonEventFact(PersonEventKind.Arrested, r.GetFieldValue<DateOnly>(1))));
                if (!r.IsDBNull(2))
                {
                    var end = r.GetString(3);
                    var kind = end == nameof(CustodyEnd.Removed) ? PersonEventKind.Removed
                        : end == nameof(CustodyEnd.Released) ? PersonEventKind.Released : PersonEventKind.Transferred;
                    events.Add((personId, new PersonEventFact(kind, r.GetFieldValue<DateOnly>(2))));
                }
            }, ct);
        events.Sort((a, b) => a.PersonId.CompareTo(b.PersonId));

        var classOrders = new Dictionary<long, ClassStayOrder?>();
        var memberships = new List<(long PersonId, long OrderId, ClassMembershipFacts Fact)>();
        await ForEachAsync(connection, transaction, scope,
            "SELECT m.\"PersonId\", o.\"Id\", c.\"Name\", o.\"Title\", o.\"Court\", o.\"CaseNumber\", o.\"IssuedOn\", o.\"TermsJson\" "
            + "FROM class_memberships m JOIN court_orders o ON o.\"ClassActionId\" = m.\"ClassActionId\" AND o.\"Kind\" = 'ClassStay' "
            + $"JOIN class_actions c ON c.\"Id\" = m.\"ClassActionId\" WHERE {scope.Where("m.\"PersonId\"")} ORDER BY m.\"PersonId\"",
            r =>
            {
                var orderId = r.GetInt64(1);
                if (!classOrders.TryGetValue(orderId, out var order))
                {
                    order = ClassOrder(r.GetString(2), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetFieldValue<DateOnly>(6),
                        r.IsDBNull(7) ? null : r.GetString(7));
                    classOrders[orderId] = order;
                }

                if (order is not null)
                {
                    memberships.Add((r.GetInt64(0), orderId, new ClassMembershipFacts(order)));
                }
            }, ct);

        var stays = new List<(long PersonId, IndividualStayFacts Fact)>();
        await ForEachAsync(connection, transaction, scope,
            $"SELECT \"PersonId\", \"IssuedOn\", \"TermsJson\" FROM court_orders WHERE \"Kind\" = 'IndividualStay' AND {scope.Where("\"PersonId\"")} ORDER BY \"PersonId\"",
            r =>
            {
                if (IndividualStay(r.GetFieldValue<DateOnly>(1), r.IsDBNull(2) ? null : r.GetString(2)) is { } stay)
                {
                    stays.Add((r.GetInt64(0), stay));
                }
            }, ct);

        var result = new List<PersonFacts>(people.Count);
        int o = 0, m = 0, e = 0, c = 0, s = 0;
        foreach (var id in people)
        {
            var classes = Take(memberships, ref c, id, x => x.PersonId, x => x.Fact);
            var orderKeys = classes.IsEmpty ? [] : memberships.GetRange(c - classes.Length, classes.Length).Select(x => x.OrderId).ToArray();
            result.Add(new PersonFacts(id, new ProtectionFacts
            {
                Orders = Take(orders, ref o, id, x => x.PersonId, x => x.Fact),
                Matters = Take(matters, ref m, id, x => x.PersonId, x => x.Fact),
                Events = Take(events, ref e, id, x => x.PersonId, x => x.Fact),
                Classes = classes,
                Stays = Take(stays, ref s, id, x => x.PersonId, x => x.Fact),
            }, orderKeys));
        }

        return result;
    }

    /// <summary>A class order's terms; null when its JSON is missing or unreadable (the order then protects no one, and says so nowhere: admins see the terms on the class page).</summary>
    public static ClassStayOrder? ClassOrder(string className, string title, string court, string? caseNumber, DateOnly issuedOn, string? termsJson)
    {
        if (ReadTerms<ClassStayTerms>(termsJson) is not { MotionPeriodDays: > 0 } terms)
        {
            return null;
        }

        var citation = $"{className}, {(caseNumber is null ? "" : "No. " + caseNumber + " ")}({court} order of {issuedOn:yyyy-MM-dd}: {title})";
        return new ClassStayOrder(className, citation, issuedOn, terms);
    }

    public static IndividualStayFacts? IndividualStay(DateOnly grantedOn, string? termsJson) =>
        ReadTerms<IndividualStayTerms>(termsJson) is { } t
            ? new IndividualStayFacts(t.GrantedBy, grantedOn)
            {
                LastDay = t.LastDay,
                LiftedOn = t.LiftedOn,
                UntilDecisionOfMatter = t.UntilDecisionOfMatter is { } matterId ? Key(matterId) : null,
            }
            : null;

    public static string WriteTerms<T>(T terms) => JsonSerializer.Serialize(terms, Json);

    public static T? ReadTerms<T>(string? json)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Engine keys are ints; database ids stay far below 2^31 in any deployment this serves.</summary>
    private static int Key(long id) => checked((int)id);

    private static DateOnly? NullableDate(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);

    private static ImmutableArray<TOut> Take<TRow, TOut>(List<TRow> rows, ref int index, long personId, Func<TRow, long> idOf, Func<TRow, TOut> select)
    {
        var start = index;
        while (index < rows.Count && idOf(rows[index]) == personId)
        {
            index++;
        }

        if (index == start)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<TOut>(index - start);
        for (var i = start; i < index; i++)
        {
            builder.Add(select(rows[i]));
        }

        return builder.MoveToImmutable();
    }

    internal static async Task ForEachAsync(DbConnection connection, DbTransaction? transaction, PersonScope scope, string sql, Action<DbDataReader> row, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        scope.Bind(cmd);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            row(reader);
        }
    }
}

/// <summary>Enum values as EF stores them (names), parsed without reflection on the bulk path.</summary>
internal static class MatterKinds
{
    private static readonly Dictionary<string, MatterKind> Kinds = Enum.GetValues<MatterKind>().ToDictionary(k => k.ToString(), StringComparer.Ordinal);
    private static readonly Dictionary<string, MatterStatus> Statuses = Enum.GetValues<MatterStatus>().ToDictionary(k => k.ToString(), StringComparer.Ordinal);
    private static readonly Dictionary<string, StayMotionOutcome> Stays = Enum.GetValues<StayMotionOutcome>().ToDictionary(k => k.ToString(), StringComparer.Ordinal);
    private static readonly Dictionary<string, PersonEventKind> Events = Enum.GetValues<PersonEventKind>().ToDictionary(k => k.ToString(), StringComparer.Ordinal);

    public static MatterKind Parse(string s) => Kinds[s];

    public static MatterStatus ParseStatus(string s) => Statuses[s];

    public static StayMotionOutcome ParseStay(string s) => Stays[s];

    public static PersonEventKind ParseEvent(string s) => Events[s];
}

internal static class Adjudicators
{
    private static readonly Dictionary<string, Adjudicator> All = Enum.GetValues<Adjudicator>().ToDictionary(k => k.ToString(), StringComparer.Ordinal);

    public static Adjudicator Parse(string s) => All[s];
}

/// <summary>Small helpers for hand-written SQL that runs on SQLite and PostgreSQL alike (quoted identifiers, named parameters).</summary>
internal static class Sql
{
    public static void Add(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }
}
