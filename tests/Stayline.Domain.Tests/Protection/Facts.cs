using Stayline.Domain.Custody;
using Stayline.Domain.Deadlines;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using static Stayline.Domain.Tests.Protection.TestCourtCalendar;

namespace Stayline.Domain.Tests.Protection;

/// <summary>Explicit builders: each call adds one recorded fact.</summary>
internal static class Facts
{
    public static readonly ClassStayOrder Hamama = new(
        "Hamama v. Adducci", "Hamama v. Adducci, No. 17-cv-11910 (E.D. Mich.), stay order", D("2017-07-24"), ClassStayTerms.HamamaLike);

    public static ProtectionFacts APerson() => new();

    public static ProtectionFacts WithOrder(
        this ProtectionFacts f, int key, string issuedOn, Adjudicator by = Adjudicator.ImmigrationJudge,
        AppealRight appeal = AppealRight.Reserved, bool inAbsentia = false, DecisionType type = DecisionType.Merits,
        ProceedingType proceeding = ProceedingType.Unknown) =>
        f with { Orders = f.Orders.Add(new(key, D(issuedOn), by) { Appeal = appeal, InAbsentia = inAbsentia, Type = type, Proceeding = proceeding }) };

    public static ProtectionFacts With(this ProtectionFacts f, MatterFacts matter) => f with { Matters = f.Matters.Add(matter) };

    public static ProtectionFacts With(this ProtectionFacts f, IndividualStayFacts stay) => f with { Stays = f.Stays.Add(stay) };

    public static ProtectionFacts On(this ProtectionFacts f, PersonEventKind kind, string on) =>
        f with { Events = f.Events.Add(new(kind, D(on))) };

    public static ProtectionFacts InClass(this ProtectionFacts f, ClassStayOrder order) =>
        f with { Classes = f.Classes.Add(new(order)) };

    /// <summary>Replace the matter with the same key (a status change recorded later).</summary>
    public static ProtectionFacts Update(this ProtectionFacts f, int key, Func<MatterFacts, MatterFacts> change)
    {
        var index = f.Matters.IndexOf(f.Matters.Single(m => m.Key == key));
        return f with { Matters = f.Matters.SetItem(index, change(f.Matters[index])) };
    }

    public static MatterFacts Filed(int key, MatterKind kind, string? filedOn) =>
        new(key, kind, MatterStatus.Pending) { FiledOn = filedOn is null ? null : D(filedOn) };

    public static MatterFacts Denied(this MatterFacts m, string? on) => m with { Status = MatterStatus.Denied, DecidedOn = on is null ? null : D(on) };

    public static MatterFacts Granted(this MatterFacts m, string on) => m with { Status = MatterStatus.Granted, DecidedOn = D(on) };

    public static MatterFacts Against(this MatterFacts m, int matterKey) => m with { ChallengesMatter = matterKey };

    public static MatterFacts AgainstOrder(this MatterFacts m, int orderKey) => m with { ChallengesOrder = orderKey };

    public static MatterFacts WithStayMotion(this MatterFacts m, StayMotionOutcome outcome = StayMotionOutcome.Pending, string? decidedOn = null) =>
        m with { StayMotion = new(outcome) { DecidedOn = decidedOn is null ? null : D(decidedOn) } };

    /// <summary>Evaluated on the real federal calendar (5 U.S.C. 6103(a) holidays and executive-order closures).</summary>
    public static ProtectionStatus At(this ProtectionFacts f, string asOf) => ProtectionEngine.Evaluate(f, D(asOf), CourtCalendar.Federal);

    public static MatterFacts OnGround(this MatterFacts m, MotionGround? ground) => m with { Ground = ground };

    public static bool Has(this ProtectionStatus s, ReasonCode code) => s.Reasons.Any(r => r.Code == code);

    public static bool Lacks(this ProtectionStatus s, ReasonCode code) => s.Missing.Any(r => r.Code == code);
}
