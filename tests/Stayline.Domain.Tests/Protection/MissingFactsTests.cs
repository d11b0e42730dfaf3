using System.Collections.Immutable;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using static Stayline.Domain.Tests.Protection.Facts;
using static Stayline.Domain.Tests.Protection.TestCourtCalendar;

namespace Stayline.Domain.Tests.Protection;

/// <summary>When facts that decide the answer are missing, the answer is "unknown — check", never "protected".</summary>
public class MissingFactsTests
{
    private static ProtectionFacts ClassMemberWithFiles() => APerson().WithOrder(1, "1998-03-12").InClass(Hamama)
        .On(PersonEventKind.AFileReceived, "2017-08-14").On(PersonEventKind.RecordOfProceedingsReceived, "2017-09-25");

    public static TheoryData<string, ProtectionFacts, string, ReasonCode> Cases => new()
    {
        {
            "class motion filed on an unrecorded day, read after the deadline",
            ClassMemberWithFiles().With(Filed(10, MatterKind.MotionToReopenIj, null)), "2017-12-27", ReasonCode.FiledDateMissing
        },
        {
            "Board appeal of a merits decision filed on an unrecorded day, read after day 30",
            APerson().WithOrder(1, "2019-08-02").With(Filed(10, MatterKind.BiaAppeal, null)), "2019-10-01", ReasonCode.FiledDateMissing
        },
        {
            "class motion denied on an unrecorded day",
            ClassMemberWithFiles().With(Filed(10, MatterKind.MotionToReopenIj, "2017-11-06").Denied(null)), "2018-03-01", ReasonCode.DecisionDateMissing
        },
        {
            "nothing recorded at all",
            APerson(), "2018-03-01", ReasonCode.NoRemovalOrderRecorded
        },
        {
            "stay tied to a matter that is not recorded",
            APerson().WithOrder(1, "2005-01-10").With(new IndividualStayFacts(Adjudicator.Board, D("2018-01-02")) { UntilDecisionOfMatter = 99 }),
            "2018-03-01", ReasonCode.StayMatterMissing
        },
        {
            "standalone stay motion granted without recorded terms",
            APerson().WithOrder(1, "2005-01-10").With(Filed(10, MatterKind.StayMotion, "2018-01-02").Granted("2018-01-09")),
            "2018-03-01", ReasonCode.StayGrantedTermsMissing
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_DecisiveFactMissing_Unknown(string why, ProtectionFacts facts, string asOf, ReasonCode missing)
    {
        var status = facts.At(asOf);

        Assert.True(status.State == ProtectionState.Unknown, why);
        Assert.True(status.Lacks(missing), why);
        Assert.StartsWith("Unknown — check: ", status.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_FilingDateMissingButStillInsidePeriod_Protected()
    {
        var status = ClassMemberWithFiles().With(Filed(10, MatterKind.MotionToReopenIj, null)).At("2017-12-20");

        Assert.Equal(ProtectionState.Protected, status.State);
        Assert.Empty(status.Missing);
    }

    [Fact]
    public void Evaluate_ClassMemberWithFilesNotReceived_ProtectedDespiteUnknownDates()
    {
        var status = APerson().WithOrder(1, "1998-03-12").InClass(Hamama).At("2017-09-01");

        Assert.Equal(ProtectionState.Protected, status.State);
        Assert.Null(status.NextDeadline?.Due);
    }

    [Fact]
    public void Evaluate_MissingFactAndAnotherProtection_ProtectedAndStillListsMissing()
    {
        var facts = APerson().WithOrder(1, "2019-08-02").With(Filed(10, MatterKind.BiaAppeal, null))
            .With(new IndividualStayFacts(Adjudicator.Dhs, D("2019-09-01")) { LastDay = D("2019-12-31") });

        var status = facts.At("2019-10-01");

        Assert.Equal(ProtectionState.Protected, status.State);
        Assert.True(status.Lacks(ReasonCode.FiledDateMissing));
    }

    [Fact]
    public void Evaluate_DefaultArrays_ReadAsEmpty()
    {
        var facts = new ProtectionFacts { Orders = default, Matters = default, Events = ImmutableArray<PersonEventFact>.Empty };

        Assert.Equal(ProtectionState.Unknown, facts.At("2018-03-01").State);
    }
}
