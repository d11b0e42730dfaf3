using Stayline.Domain.Deadlines;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using static Stayline.Tests.Infrastructure.TestClock;

namespace Stayline.Tests.Features.Deadlines;

/// <summary>Which deadlines a person gets from their latest decision. Dates worked by hand on the federal calendar.</summary>
public class PersonDeadlinesTests
{
    private static ProtectionFacts Order(string on, Adjudicator by = Adjudicator.ImmigrationJudge, bool inAbsentia = false, AppealRight appeal = AppealRight.Reserved,
        params MatterFacts[] matters) => new()
        {
            Orders = [new RemovalOrderFacts(1, D(on), by) { InAbsentia = inAbsentia, Appeal = appeal }],
            Matters = [.. matters],
        };

    private static string Derive(ProtectionFacts facts, string asOf)
    {
        var list = new List<DerivedDeadline>();
        PersonDeadlines.Derive(facts, [], D(asOf), CourtCalendar.Federal, list);
        return string.Join("; ", list.Select(d => $"{d.RuleId} {d.DueDate:yyyy-MM-dd} {d.State}"));
    }

    public static TheoryData<string, ProtectionFacts, string, string> Cases => new()
    {
        // 2017-03-01 + 30 = Fri 03-31; + 90 = Tue 05-30 (Memorial Day was Mon 05-29).
        // Appeal reserved and not taken: final when the appeal time ran out, Fri 03-31 (8 CFR 1003.39, 1241.1(c)):
        // + 30 = Sun 04-30, so Mon 05-01; + 90 = Thu 06-29.
        { "judge's order, appeal reserved", Order("2017-03-01"), "2017-03-10",
            "bia-appeal 2017-03-31 Open; reconsider-ij 2017-05-01 Open; mtr-ij 2017-06-29 Open" },
        // Not recorded whether appeal was waived: counted from the decision, the safe reading.
        { "judge's order, appeal right not recorded", Order("2017-03-01", appeal: AppealRight.Unknown), "2017-03-10",
            "bia-appeal 2017-03-31 Open; reconsider-ij 2017-03-31 Open; mtr-ij 2017-05-30 Open" },
        // A motion filed before the order became final still answers the deadline counted from finality.
        { "judge's order, appeal reserved, motion filed inside the appeal time", Order("2017-03-01", matters:
            new MatterFacts(2, MatterKind.MotionToReopenIj, MatterStatus.Pending) { FiledOn = D("2017-03-20") }), "2017-03-25",
            "bia-appeal 2017-03-31 Open; reconsider-ij 2017-05-01 Open; mtr-ij 2017-06-29 Met" },
        { "judge's order, appeal waived", Order("2017-03-01", appeal: AppealRight.Waived), "2017-04-03",
            "bia-appeal 2017-03-31 NotApplicable; reconsider-ij 2017-03-31 Missed; mtr-ij 2017-05-30 Open" },
        // + 180 = Mon 2017-08-28.
        { "in absentia", Order("2017-03-01", inAbsentia: true), "2017-03-10", "mtr-in-absentia 2017-08-28 Open" },
        { "Board order, petition filed in time", Order("2017-03-01", Adjudicator.Board, matters: new MatterFacts(2, MatterKind.PetitionForReview, MatterStatus.Pending) { FiledOn = D("2017-03-30") }),
            "2017-04-10", "pfr 2017-03-31 Met; reconsider-bia 2017-03-31 Missed; mtr-bia 2017-05-30 Open" },
        // Motion denied Fri 2018-01-19 + 30 = Sun 02-18; Mon 02-19 Washington's Birthday: Tue 02-20. Appeal filed 02-21 is late.
        { "judge denied the motion, appeal a day late", Order("1998-03-12", matters:
            [new MatterFacts(2, MatterKind.MotionToReopenIj, MatterStatus.Denied) { FiledOn = D("2017-11-06"), DecidedOn = D("2018-01-19") },
             new MatterFacts(3, MatterKind.BiaAppeal, MatterStatus.Pending) { FiledOn = D("2018-02-21") }]),
            "2018-02-22", "bia-appeal 2018-02-20 Missed" },
        { "motion granted: case reopened", Order("1998-03-12", matters: new MatterFacts(2, MatterKind.MotionToReopenIj, MatterStatus.Granted) { FiledOn = D("2017-11-06"), DecidedOn = D("2018-01-19") }),
            "2018-02-01", "" },
    };

    private static ProtectionFacts ClassMember(params MatterFacts[] matters) => Order("1998-03-12", matters: matters) with
    {
        Classes = [new ClassMembershipFacts(new ClassStayOrder("Doe", "Doe order", D("2017-07-24"), ClassStayTerms.HamamaLike))],
        Events = [new PersonEventFact(Stayline.Domain.Custody.PersonEventKind.AFileReceived, D("2017-09-01")),
            new PersonEventFact(Stayline.Domain.Custody.PersonEventKind.RecordOfProceedingsReceived, D("2017-09-15"))],
    };

    // Later receipt Fri 2017-09-15 + 90 = Thu 2017-12-14. The protection engine counts any motion to reopen not decided
    // before the order took effect, also one filed before it; the deadline must read the same.
    public static TheoryData<string, ProtectionFacts, string, string> ClassCases => new()
    {
        { "no motion yet", ClassMember(), "2017-10-02", "class-mtr 2017-12-14 Open" },
        { "no motion by the due day", ClassMember(), "2017-12-15", "class-mtr 2017-12-14 Missed" },
        { "motion filed before the order, still pending", ClassMember(new MatterFacts(2, MatterKind.MotionToReopenIj, MatterStatus.Pending) { FiledOn = D("2017-07-10") }),
            "2017-12-15", "class-mtr 2017-12-14 Met" },
        { "motion decided before the order does not answer it", ClassMember(new MatterFacts(2, MatterKind.MotionToReopenIj, MatterStatus.Denied) { FiledOn = D("2017-03-01"), DecidedOn = D("2017-05-01") }),
            "2017-12-15", "class-mtr 2017-12-14 Missed" },
        { "motion filed after the due day", ClassMember(new MatterFacts(2, MatterKind.MotionToReopenBia, MatterStatus.Pending) { FiledOn = D("2017-12-15") }),
            "2017-12-16", "class-mtr 2017-12-14 Missed" },
    };

    [Theory]
    [MemberData(nameof(ClassCases))]
    public void Derive_ClassOrderMotion_MetByAnyLiveMotionToReopen(string because, ProtectionFacts facts, string asOf, string expected)
    {
        var list = new List<DerivedDeadline>();
        PersonDeadlines.Derive(facts, [7], D(asOf), CourtCalendar.Federal, list);
        var got = string.Join("; ", list.Where(d => d.OrderKey == 7).Select(d => $"{d.RuleId} {d.DueDate:yyyy-MM-dd} {d.State}"));
        Assert.True(expected == got, $"{because}: got \"{got}\"");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Derive_LatestDecision_GivesItsDeadlinesAndStates(string because, ProtectionFacts facts, string asOf, string expected)
    {
        Assert.True(expected == Derive(facts, asOf), $"{because}: got \"{Derive(facts, asOf)}\"");
    }
}
