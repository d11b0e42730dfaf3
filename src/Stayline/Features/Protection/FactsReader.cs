using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using Stayline.Data.Bulk;
using Stayline.Domain.Custody;
using Stayline.Domain.Protection;

namespace Stayline.Features.Protection;

/// <summary>One person's facts as the engines read them, plus the keys of the class orders behind each membership.</summary>
public sealed record PersonFacts(long PersonId, ProtectionFacts Facts, long[] ClassOrderKeys);

/// <summary>
/// The facts of one scope as compact rows: structs in reusable lists, one list per table, ordered by person. A million
/// people's facts are several million rows; kept as objects until evaluated they cost more garbage-collector time
/// (copying survivors between generations) than reading them. <see cref="Build"/> turns one person's rows into engine
/// facts on demand, in the parallel evaluation, where they die young.
/// </summary>
public sealed class FactsChunk : IFactRows
{
    internal readonly List<long> People = [];
    internal readonly List<OrderRow> Orders = [];
    internal readonly List<MatterRow> Matters = [];
    internal readonly List<EventRow> Events = [];
    internal readonly List<EventRow> Custody = [];
    internal readonly List<MembershipRow> Memberships = [];
    internal readonly List<StayRow> Stays = [];
    internal readonly List<BondRow> Bonds = [];
    internal readonly Dictionary<long, (long OrderId, ClassMembershipFacts Fact)[]> ClassOrders = [];
    private int[] _orders = [], _matters = [], _events = [], _custody = [], _memberships = [], _stays = [], _bonds = [];

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
        var bonds = Slice(Bonds, _bonds[i], id);

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
                StayMotion = m.StayRequested
                    ? new StayMotionFacts(m.StayOutcome) { FiledOn = m.StayFiledOn, DecidedOn = m.StayDecidedOn, GrantedUntil = m.StayGrantedUntil }
                    : null,
                Ground = m.Ground,
                WithdrawnOn = m.WithdrawnOn,
                ChallengesOrder = m.ChallengesOrderId is { } orderId ? Key(orderId) : null,
                ChallengesMatter = m.ChallengesMatterId is { } matterId ? Key(matterId) : null,
                AcceptedDespiteWaiver = m.AcceptedDespiteWaiver,
                ShowCauseOrderedOn = m.ShowCauseOrderedOn,
                ReturnDueOn = m.ReturnDueOn,
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

        var bondFacts = new Domain.Matters.BondCaseInput[bonds.Length];
        for (var k = 0; k < bonds.Length; k++)
        {
            bondFacts[k] = bonds[k].Input;
        }

        return new PersonFacts(id, new ProtectionFacts
        {
            Orders = ImmutableCollectionsMarshal.AsImmutableArray(orderFacts),
            Matters = ImmutableCollectionsMarshal.AsImmutableArray(matterFacts),
            Events = ImmutableCollectionsMarshal.AsImmutableArray(eventFacts),
            Classes = classes.ToImmutable(),
            Stays = ImmutableCollectionsMarshal.AsImmutableArray(stayFacts),
            Bonds = ImmutableCollectionsMarshal.AsImmutableArray(bondFacts),
        }, [.. orderKeys]);
    }

    /// <summary>
    /// Person <paramref name="i"/> has no fact rows at all (a new person: no orders, matters, events, custody, class,
    /// stay or bond): the engines' result is then the same for every such person but the id.
    /// </summary>
    public bool HasNoFacts(int i)
    {
        var id = People[i];
        return None(Orders, _orders[i], id) && None(Matters, _matters[i], id) && None(Events, _events[i], id) && None(Custody, _custody[i], id)
            && None(Memberships, _memberships[i], id) && None(Stays, _stays[i], id) && None(Bonds, _bonds[i], id);
    }

    private static bool None<T>(List<T> rows, int start, long personId)
        where T : struct, IPersonRow => start >= rows.Count || rows[start].PersonId != personId;

    void IFactRows.Person(long id) => People.Add(id);

    void IFactRows.Order(in OrderRow row) => Orders.Add(row);

    void IFactRows.Matter(in MatterRow row) => Matters.Add(row);

    void IFactRows.Event(in EventRow row) => Events.Add(row);

    /// <summary>Custody episodes add Arrested / Transferred / Released / Removed events, so recording custody alone is enough.</summary>
    void IFactRows.Custody(long personId, DateOnly from, DateOnly? to, string? endReason)
    {
        Custody.Add(new EventRow(personId, PersonEventKind.Arrested, from));
        if (to is { } end)
        {
            var kind = endReason == nameof(CustodyEnd.Removed) ? PersonEventKind.Removed
                : endReason == nameof(CustodyEnd.Released) ? PersonEventKind.Released : PersonEventKind.Transferred;
            Custody.Add(new EventRow(personId, kind, end));
        }
    }

    void IFactRows.ClassOrder(long classActionId, long orderId, string className, string title, string court, string? caseNumber, DateOnly issuedOn, string? termsJson)
    {
        if (FactsReader.ClassOrder(className, title, court, caseNumber, issuedOn, termsJson) is { } order)
        {
            ClassOrders[classActionId] = [.. ClassOrders.GetValueOrDefault(classActionId) ?? [], (orderId, new ClassMembershipFacts(order))];
        }
    }

    void IFactRows.Membership(in MembershipRow row) => Memberships.Add(row);

    void IFactRows.Bond(in BondRow row) => Bonds.Add(row);

    void IFactRows.IndividualStay(long personId, DateOnly issuedOn, string? termsJson)
    {
        if (FactsReader.IndividualStay(issuedOn, termsJson) is { } stay)
        {
            Stays.Add(new StayRow(personId, stay));
        }
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
        Bonds.Clear();
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
        _bonds = Starts(Bonds);
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
    public static async Task ReadAsync(BulkTarget target, PersonScope scope, FactsChunk chunk, CancellationToken ct)
    {
        chunk.Clear();
        await FactsRead.ReadAsync(target, scope, chunk, ct);
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
