using Stayline.Domain.Classes;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.People;
using Stayline.Domain.Protection;

namespace Stayline.Data.Bulk;

/// <summary>A stored row that belongs to one person; rows come ordered by person.</summary>
public interface IPersonRow
{
    long PersonId { get; }
}

public readonly record struct OrderRow(long PersonId, long Id, DateOnly On, Adjudicator By, bool InAbsentia, bool Waived, bool Reserved, ProceedingType Proceeding) : IPersonRow;

public readonly record struct MatterRow(long PersonId, long Id, MatterKind Kind, MatterStatus Status, DateOnly? FiledOn, DateOnly? DecidedOn, bool? FiledInTime,
    bool StayRequested, StayMotionOutcome StayOutcome, DateOnly? StayDecidedOn, DateOnly? StayGrantedUntil) : IPersonRow
{
    public MotionGround? Ground { get; init; }
    public DateOnly? StayFiledOn { get; init; }
    public DateOnly? WithdrawnOn { get; init; }
    public long? ChallengesOrderId { get; init; }
    public long? ChallengesMatterId { get; init; }
    public bool AcceptedDespiteWaiver { get; init; }
    public DateOnly? ShowCauseOrderedOn { get; init; }
    public DateOnly? ReturnDueOn { get; init; }
}

/// <summary>A bond case as its clock reads it (amounts only decide whether DHS may stay release automatically).</summary>
public readonly record struct BondRow(long PersonId, BondCaseInput Input) : IPersonRow;

public readonly record struct EventRow(long PersonId, PersonEventKind Kind, DateOnly On) : IPersonRow;

public readonly record struct MembershipRow(long PersonId, long ClassActionId) : IPersonRow;

/// <summary>What <see cref="FactsRead"/> hands over, table by table, each ordered by person.</summary>
public interface IFactRows
{
    void Person(long id);

    void Order(in OrderRow row);

    void Matter(in MatterRow row);

    /// <summary>A person event other than <see cref="PersonEventKind.Other"/>.</summary>
    void Event(in EventRow row);

    void Custody(long personId, DateOnly from, DateOnly? to, string? endReason);

    /// <summary>A class-wide stay order, with its class's name; read before the memberships.</summary>
    void ClassOrder(long classActionId, long orderId, string className, string title, string court, string? caseNumber, DateOnly issuedOn, string? termsJson);

    /// <summary>Read only when <see cref="ClassOrder"/> found any.</summary>
    void Membership(in MembershipRow row);

    void IndividualStay(long personId, DateOnly issuedOn, string? termsJson);

    void Bond(in BondRow row);
}

/// <summary>
/// The one read of the facts protection and deadlines are computed from: every table once per scope, ordered by
/// person, only the columns the engines use. Names come from the EF model.
/// </summary>
public static class FactsRead
{
    public static async Task ReadAsync(BulkTarget target, PersonScope scope, IFactRows into, CancellationToken ct)
    {
        var c = target.Connection;
        var t = target.Transaction;
        var people = 0;
        var id = target.Column<Person>(nameof(Person.Id));
        await Rows.ForEachAsync(c, t, scope, $"SELECT {id} FROM {target.Table<Person>()} WHERE {scope.Where(id)} ORDER BY {id}", r =>
        {
            people++;
            into.Person(r.Int64(0));
        }, ct);
        if (people == 0)
        {
            return;
        }

        await Rows.ForEachAsync(c, t, scope, Select<RemovalOrder>(target, scope, "", nameof(RemovalOrder.PersonId), nameof(RemovalOrder.Id), nameof(RemovalOrder.OrderedOn),
                nameof(RemovalOrder.IssuedBy), nameof(RemovalOrder.InAbsentia), nameof(RemovalOrder.AppealWaived), nameof(RemovalOrder.AppealReserved), nameof(RemovalOrder.Proceeding)),
            r => into.Order(new OrderRow(r.Int64(0), r.Int64(1), r.Date(2), r.Enum(3, EnumNames<Adjudicator>.All), r.Bool(4), r.Bool(5), r.Bool(6),
                r.Enum(7, EnumNames<ProceedingType>.All))), ct);

        await Rows.ForEachAsync(c, t, scope, Select<Matter>(target, scope, "", nameof(Matter.PersonId), nameof(Matter.Id), nameof(Matter.Kind), nameof(Matter.Status),
                nameof(Matter.FiledOn), nameof(Matter.DecidedOn), nameof(Matter.FiledInTime), nameof(Matter.StayRequested), nameof(Matter.StayOutcome),
                nameof(Matter.StayDecidedOn), nameof(Matter.StayGrantedUntil), nameof(Matter.Ground), nameof(Matter.StayFiledOn), nameof(Matter.WithdrawnOn),
                nameof(Matter.ChallengesOrderId), nameof(Matter.ChallengesMatterId), nameof(Matter.AcceptedDespiteWaiver),
                nameof(Matter.ShowCauseOrderedOn), nameof(Matter.ReturnDueOn)),
            r =>
            {
                var stay = r.Bool(7);
                into.Matter(new MatterRow(r.Int64(0), r.Int64(1), r.Enum(2, EnumNames<MatterKind>.All), r.Enum(3, EnumNames<MatterStatus>.All),
                    r.NullableDate(4), r.NullableDate(5), r.IsNull(6) ? null : r.Bool(6), stay,
                    stay ? r.Enum(8, EnumNames<StayMotionOutcome>.All) : default, stay ? r.NullableDate(9) : null, stay ? r.NullableDate(10) : null)
                {
                    Ground = r.IsNull(11) ? null : r.Enum(11, EnumNames<MotionGround>.All),
                    StayFiledOn = stay ? r.NullableDate(12) : null,
                    WithdrawnOn = r.NullableDate(13),
                    ChallengesOrderId = r.IsNull(14) ? null : r.Int64(14),
                    ChallengesMatterId = r.IsNull(15) ? null : r.Int64(15),
                    AcceptedDespiteWaiver = r.Bool(16),
                    ShowCauseOrderedOn = r.NullableDate(17),
                    ReturnDueOn = r.NullableDate(18),
                });
            }, ct);

        await Rows.ForEachAsync(c, t, scope, Select<PersonEvent>(target, scope, $"{target.Column<PersonEvent>(nameof(PersonEvent.Kind))} <> '{nameof(PersonEventKind.Other)}'",
                nameof(PersonEvent.PersonId), nameof(PersonEvent.Kind), nameof(PersonEvent.On)),
            r => into.Event(new EventRow(r.Int64(0), r.Enum(1, EnumNames<PersonEventKind>.All), r.Date(2))), ct);

        await Rows.ForEachAsync(c, t, scope, Select<CustodyEpisode>(target, scope, "", nameof(CustodyEpisode.PersonId), nameof(CustodyEpisode.From),
                nameof(CustodyEpisode.To), nameof(CustodyEpisode.EndReason)),
            r => into.Custody(r.Int64(0), r.Date(1), r.NullableDate(2), r.IsNull(2) ? null : r.NullableString(3)), ct);

        // The few class orders are read once per scope; a membership row then carries two ids instead of the order's texts.
        string O(string p) => "o." + target.Column<CourtOrder>(p);
        var classes = 0;
        await Rows.ForEachAsync(c, t, PersonScope.Everyone,
            $"SELECT {O(nameof(CourtOrder.ClassActionId))}, {O(nameof(CourtOrder.Id))}, a.{target.Column<ClassAction>(nameof(ClassAction.Name))}, {O(nameof(CourtOrder.Title))}, "
            + $"{O(nameof(CourtOrder.Court))}, {O(nameof(CourtOrder.CaseNumber))}, {O(nameof(CourtOrder.IssuedOn))}, {O(nameof(CourtOrder.TermsJson))} "
            + $"FROM {target.Table<CourtOrder>()} o JOIN {target.Table<ClassAction>()} a ON a.{target.Column<ClassAction>(nameof(ClassAction.Id))} = {O(nameof(CourtOrder.ClassActionId))} "
            + $"WHERE {O(nameof(CourtOrder.Kind))} = '{nameof(CourtOrderKind.ClassStay)}' ORDER BY {O(nameof(CourtOrder.Id))}",
            r =>
            {
                classes++;
                into.ClassOrder(r.Int64(0), r.Int64(1), r.String(2), r.String(3), r.String(4), r.NullableString(5), r.Date(6), r.NullableString(7));
            }, ct);

        if (classes > 0)
        {
            await Rows.ForEachAsync(c, t, scope, Select<ClassMembership>(target, scope, "", nameof(ClassMembership.PersonId), nameof(ClassMembership.ClassActionId)),
                r => into.Membership(new MembershipRow(r.Int64(0), r.Int64(1))), ct);
        }

        await Rows.ForEachAsync(c, t, scope, Select<CourtOrder>(target, scope, $"{target.Column<CourtOrder>(nameof(CourtOrder.Kind))} = '{nameof(CourtOrderKind.IndividualStay)}'",
                nameof(CourtOrder.PersonId), nameof(CourtOrder.IssuedOn), nameof(CourtOrder.TermsJson)),
            r => into.IndividualStay(r.Int64(0), r.Date(1), r.NullableString(2)), ct);

        // Amounts in cents through a float cast: SQLite keeps decimals as text, PostgreSQL as numeric.
        string B(string p) => target.Column<BondCase>(p);
        string Cents(string p) => $"CAST(ROUND(CAST({B(p)} AS DOUBLE PRECISION) * 100) AS BIGINT)";
        var bondPerson = B(nameof(BondCase.PersonId));
        await Rows.ForEachAsync(c, t, scope,
            $"SELECT {bondPerson}, {B(nameof(BondCase.DhsDecision))}, {Cents(nameof(BondCase.DhsAmount))}, {B(nameof(BondCase.RequestedOn))}, "
            + $"{B(nameof(BondCase.Decision))}, {B(nameof(BondCase.DecidedOn))}, {Cents(nameof(BondCase.Amount))}, {B(nameof(BondCase.PaidOn))}, "
            + $"{B(nameof(BondCase.Eoir43FiledOn))}, {B(nameof(BondCase.DhsAppealFiledOn))}, {B(nameof(BondCase.BriefingExtensionDays))}, "
            + $"{B(nameof(BondCase.BoardOutcome))}, {B(nameof(BondCase.BoardDecidedOn))} FROM {target.Table<BondCase>()} "
            + $"WHERE {scope.Where(bondPerson)} ORDER BY {bondPerson}, {B(nameof(BondCase.Id))}",
            r => into.Bond(new BondRow(r.Int64(0), new BondCaseInput(
                r.Enum(1, EnumNames<DhsCustodyDecision>.All), r.IsNull(2) ? null : r.Int64(2) / 100m, r.Date(3), r.Enum(4, EnumNames<BondDecision>.All),
                r.NullableDate(5), r.IsNull(6) ? null : r.Int64(6) / 100m, r.NullableDate(7), r.NullableDate(8), r.NullableDate(9), r.Int32(10),
                r.Enum(11, EnumNames<BoardBondOutcome>.All), r.NullableDate(12)))), ct);
    }

    /// <summary>SELECT of <paramref name="properties"/> (the first is the person id) in the scope, ordered by person.</summary>
    private static string Select<TEntity>(BulkTarget target, PersonScope scope, string filter, params string[] properties)
    {
        var person = target.Column<TEntity>(properties[0]);
        return $"SELECT {string.Join(", ", properties.Select(target.Column<TEntity>))} FROM {target.Table<TEntity>()} "
            + $"WHERE {(filter.Length > 0 ? filter + " AND " : "")}{scope.Where(person)} ORDER BY {person}";
    }
}
