using System.Collections.Immutable;
using System.Data.Common;
using System.Runtime.InteropServices;
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
            Sql.Add(cmd, name, value);
        }
    }
}

/// <summary>One person's facts as the engines read them, plus the keys of the class orders behind each membership.</summary>
public sealed record PersonFacts(long PersonId, ProtectionFacts Facts, long[] ClassOrderKeys);

/// <summary>
/// The facts of one scope as compact rows: structs in reusable lists, one list per table, ordered by person. A million
/// people's facts are several million rows; kept as objects until evaluated they cost more garbage-collector time
/// (copying survivors between generations) than reading them. <see cref="Build"/> turns one person's rows into engine
/// facts on demand, in the parallel evaluation, where they die young.
/// </summary>
public sealed class FactsChunk
{
    internal readonly List<long> People = [];
    internal readonly List<OrderRow> Orders = [];
    internal readonly List<MatterRow> Matters = [];
    internal readonly List<EventRow> Events = [];
    internal readonly List<EventRow> Custody = [];
    internal readonly List<MembershipRow> Memberships = [];
    internal readonly List<StayRow> Stays = [];
    internal readonly Dictionary<long, (long OrderId, ClassMembershipFacts Fact)[]> ClassOrders = [];
    private int[] _orders = [], _matters = [], _events = [], _custody = [], _memberships = [], _stays = [];

    public int Count => People.Count;

    public long PersonId(int i) => People[i];

    /// <summary>The engines' view of person <paramref name="i"/> (0 ≤ i &lt; <see cref="Count"/>).</summary>
    public PersonFacts Build(int i)
    {
        var id = People[i];
        var orders = Slice(Orders, _orders[i], id);
        var matters = Slice(Matters, _matters[i], id);
        var events = Slice(Events, _events[i], id);
        var custody = Slice(Custody, _custody[i], id);
        var memberships = Slice(Memberships, _memberships[i], id);
        var stays = Slice(Stays, _stays[i], id);

        var orderFacts = new RemovalOrderFacts[orders.Length];
        for (var k = 0; k < orders.Length; k++)
        {
            var o = orders[k];
            orderFacts[k] = new RemovalOrderFacts(Key(o.Id), o.On, o.By)
            {
                InAbsentia = o.InAbsentia,
                Appeal = o.Waived ? AppealRight.Waived : o.Reserved ? AppealRight.Reserved : AppealRight.Unknown,
                Proceeding = o.Proceeding,
            };
        }

        var matterFacts = new MatterFacts[matters.Length];
        for (var k = 0; k < matters.Length; k++)
        {
            var m = matters[k];
            matterFacts[k] = new MatterFacts(Key(m.Id), m.Kind, m.Status)
            {
                FiledOn = m.FiledOn,
                DecidedOn = m.DecidedOn,
                FiledInTime = m.FiledInTime,
                StayMotion = m.StayRequested ? new StayMotionFacts(m.StayOutcome) { DecidedOn = m.StayDecidedOn, GrantedUntil = m.StayGrantedUntil } : null,
            };
        }

        var eventFacts = new PersonEventFact[events.Length + custody.Length];
        for (var k = 0; k < events.Length; k++)
        {
            eventFacts[k] = new PersonEventFact(events[k].Kind, events[k].On);
        }

        for (var k = 0; k < custody.Length; k++)
        {
            eventFacts[events.Length + k] = new PersonEventFact(custody[k].Kind, custody[k].On);
        }

        var classes = ImmutableArray.CreateBuilder<ClassMembershipFacts>();
        var orderKeys = new List<long>(memberships.Length);
        foreach (var membership in memberships)
        {
            if (ClassOrders.TryGetValue(membership.ClassActionId, out var classOrders))
            {
                foreach (var (orderId, fact) in classOrders)
                {
                    classes.Add(fact);
                    orderKeys.Add(orderId);
                }
            }
        }

        var stayFacts = new IndividualStayFacts[stays.Length];
        for (var k = 0; k < stays.Length; k++)
        {
            stayFacts[k] = stays[k].Fact;
        }

        return new PersonFacts(id, new ProtectionFacts
        {
            Orders = ImmutableCollectionsMarshal.AsImmutableArray(orderFacts),
            Matters = ImmutableCollectionsMarshal.AsImmutableArray(matterFacts),
            Events = ImmutableCollectionsMarshal.AsImmutableArray(eventFacts),
            Classes = classes.ToImmutable(),
            Stays = ImmutableCollectionsMarshal.AsImmutableArray(stayFacts),
        }, [.. orderKeys]);
    }

    internal void Clear()
    {
        People.Clear();
        Orders.Clear();
        Matters.Clear();
        Events.Clear();
        Custody.Clear();
        Memberships.Clear();
        Stays.Clear();
        ClassOrders.Clear();
    }

    /// <summary>After reading: where each person's rows start in each list (one merge pass per list).</summary>
    internal void Index()
    {
        _orders = Starts(Orders);
        _matters = Starts(Matters);
        _events = Starts(Events);
        _custody = Starts(Custody);
        _memberships = Starts(Memberships);
        _stays = Starts(Stays);
    }

    private int[] Starts<T>(List<T> rows)
        where T : struct, IPersonRow
    {
        var starts = new int[People.Count];
        var span = CollectionsMarshal.AsSpan(rows);
        var j = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            while (j < span.Length && span[j].PersonId < People[i])
            {
                j++;
            }

            starts[i] = j;
        }

        return starts;
    }

    private static ReadOnlySpan<T> Slice<T>(List<T> rows, int start, long personId)
        where T : struct, IPersonRow
    {
        var span = CollectionsMarshal.AsSpan(rows);
        var end = start;
        while (end < span.Length && span[end].PersonId == personId)
        {
            end++;
        }

        return span[start..end];
    }

    /// <summary>Engine keys are ints; database ids stay far below 2^31 in any deployment this serves.</summary>
    private static int Key(long id) => checked((int)id);
}

internal interface IPersonRow
{
    long PersonId { get; }
}

internal readonly record struct OrderRow(long PersonId, long Id, DateOnly On, Adjudicator By, bool InAbsentia, bool Waived, bool Reserved, ProceedingType Proceeding) : IPersonRow;

internal readonly record struct MatterRow(long PersonId, long Id, MatterKind Kind, MatterStatus Status, DateOnly? FiledOn, DateOnly? DecidedOn, bool? FiledInTime,
    bool StayRequested, StayMotionOutcome StayOutcome, DateOnly? StayDecidedOn, DateOnly? StayGrantedUntil) : IPersonRow;

internal readonly record struct EventRow(long PersonId, PersonEventKind Kind, DateOnly On) : IPersonRow;

internal readonly record struct MembershipRow(long PersonId, long ClassActionId) : IPersonRow;

internal readonly record struct StayRow(long PersonId, IndividualStayFacts Fact) : IPersonRow;

/// <summary>
/// The one place where stored rows become <see cref="ProtectionFacts"/>. Reads every table once per scope, ordered
/// by person, into a <see cref="FactsChunk"/>, with only the columns the engines use. Choices where the data model is
/// thinner than the engine (docs/protection-facts.md):
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

    /// <summary>Reads the scope's facts into <paramref name="chunk"/> (cleared first, its lists reused).</summary>
    public static async Task ReadAsync(DbConnection connection, DbTransaction? transaction, PersonScope scope, FactsChunk chunk, CancellationToken ct)
    {
        chunk.Clear();
        await Rows.ForEachAsync(connection, transaction, scope, $"SELECT \"Id\" FROM people WHERE {scope.Where("\"Id\"")} ORDER BY \"Id\"",
            r => chunk.People.Add(r.Int64(0)), ct);
        if (chunk.Count == 0)
        {
            chunk.Index();
            return;
        }

        await Rows.ForEachAsync(connection, transaction, scope,
            $"SELECT \"PersonId\", \"Id\", \"OrderedOn\", \"IssuedBy\", \"InAbsentia\", \"AppealWaived\", \"AppealReserved\", \"Proceeding\" FROM removal_orders WHERE {scope.Where("\"PersonId\"")} ORDER BY \"PersonId\"",
            r => chunk.Orders.Add(new OrderRow(r.Int64(0), r.Int64(1), r.Date(2), r.Enum(3, EnumNames<Adjudicator>.All), r.Bool(4), r.Bool(5), r.Bool(6), r.Enum(7, EnumNames<ProceedingType>.All))), ct);

        await Rows.ForEachAsync(connection, transaction, scope,
            "SELECT \"PersonId\", \"Id\", \"Kind\", \"Status\", \"FiledOn\", \"DecidedOn\", \"FiledInTime\", \"StayRequested\", \"StayOutcome\", \"StayDecidedOn\", \"StayGrantedUntil\" "
            + $"FROM matters WHERE {scope.Where("\"PersonId\"")} ORDER BY \"PersonId\"",
            r =>
            {
                var stay = r.Bool(7);
                chunk.Matters.Add(new MatterRow(r.Int64(0), r.Int64(1), r.Enum(2, EnumNames<MatterKind>.All), r.Enum(3, EnumNames<MatterStatus>.All),
                    r.NullableDate(4), r.NullableDate(5), r.IsNull(6) ? null : r.Bool(6), stay,
                    stay ? r.Enum(8, EnumNames<StayMotionOutcome>.All) : default, stay ? r.NullableDate(9) : null, stay ? r.NullableDate(10) : null));
            }, ct);

        await Rows.ForEachAsync(connection, transaction, scope,
            $"SELECT \"PersonId\", \"Kind\", \"On\" FROM person_events WHERE {scope.Where("\"PersonId\"")} AND \"Kind\" <> 'Other' ORDER BY \"PersonId\"",
            r => chunk.Events.Add(new EventRow(r.Int64(0), r.Enum(1, EnumNames<PersonEventKind>.All), r.Date(2))), ct);
        await Rows.ForEachAsync(connection, transaction, scope,
            $"SELECT \"PersonId\", \"From\", \"To\", \"EndReason\" FROM custody_episodes WHERE {scope.Where("\"PersonId\"")} ORDER BY \"PersonId\"",
            r =>
            {
                var personId = r.Int64(0);
                chunk.Custody.Add(new EventRow(personId, PersonEventKind.Arrested, r.Date(1)));
                if (!r.IsNull(2))
                {
                    var end = r.NullableString(3);
                    var kind = end == nameof(CustodyEnd.Removed) ? PersonEventKind.Removed
                        : end == nameof(CustodyEnd.Released) ? PersonEventKind.Released : PersonEventKind.Transferred;
                    chunk.Custody.Add(new EventRow(personId, kind, r.Date(2)));
                }
            }, ct);

        // The few class orders are read once per scope; a membership row then carries two ids instead of the order's texts.
        var classOrders = new Dictionary<long, List<(long OrderId, ClassMembershipFacts Fact)>>();
        await Rows.ForEachAsync(connection, transaction, PersonScope.Everyone,
            "SELECT o.\"ClassActionId\", o.\"Id\", c.\"Name\", o.\"Title\", o.\"Court\", o.\"CaseNumber\", o.\"IssuedOn\", o.\"TermsJson\" "
            + "FROM court_orders o JOIN class_actions c ON c.\"Id\" = o.\"ClassActionId\" WHERE o.\"Kind\" = 'ClassStay' ORDER BY o.\"Id\"",
            r =>
            {
                if (ClassOrder(r.String(2), r.String(3), r.String(4), r.NullableString(5), r.Date(6), r.NullableString(7)) is { } order)
                {
                    var classId = r.Int64(0);
                    if (!classOrders.TryGetValue(classId, out var list))
                    {
                        classOrders[classId] = list = [];
                    }

                    list.Add((r.Int64(1), new ClassMembershipFacts(order)));
                }
            }, ct);
        foreach (var (classId, list) in classOrders)
        {
            chunk.ClassOrders[classId] = [.. list];
        }

        if (classOrders.Count > 0)
        {
            await Rows.ForEachAsync(connection, transaction, scope,
                $"SELECT \"PersonId\", \"ClassActionId\" FROM class_memberships WHERE {scope.Where("\"PersonId\"")} ORDER BY \"PersonId\"",
                r => chunk.Memberships.Add(new MembershipRow(r.Int64(0), r.Int64(1))), ct);
        }

        await Rows.ForEachAsync(connection, transaction, scope,
            $"SELECT \"PersonId\", \"IssuedOn\", \"TermsJson\" FROM court_orders WHERE \"Kind\" = 'IndividualStay' AND {scope.Where("\"PersonId\"")} ORDER BY \"PersonId\"",
            r =>
            {
                if (IndividualStay(r.Date(1), r.NullableString(2)) is { } stay)
                {
                    chunk.Stays.Add(new StayRow(r.Int64(0), stay));
                }
            }, ct);
        chunk.Index();
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

    private static int Key(long id) => checked((int)id);
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
