using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using static Stayline.Domain.Tests.Protection.Facts;
using static Stayline.Domain.Tests.Protection.TestCourtCalendar;

namespace Stayline.Domain.Tests.Protection;

/// <summary>
/// A stay lasting "until the matter is decided" (or while it is pending) ends when the matter is withdrawn: a withdrawn
/// petition or motion is pending no longer. The Board's final order of 2019-07-15 leaves no automatic stay, so the only
/// protection is the granted stay.
/// </summary>
public class WithdrawalTests
{
    private const int Petition = 11;

    private static ProtectionFacts StayUntilPetitionDecided(MatterFacts petition) => APerson()
        .WithOrder(1, "2019-07-15", Adjudicator.Board)
        .With(petition)
        .With(new IndividualStayFacts(Adjudicator.CourtOfAppeals, D("2019-08-07")) { UntilDecisionOfMatter = Petition });

    private static MatterFacts PetitionFiled() => Filed(Petition, MatterKind.PetitionForReview, "2019-08-05");

    public static TheoryData<string, MatterFacts> WithdrawnOnSeptember10 => new()
    {
        { "withdrawn status, WithdrawnOn", PetitionFiled() with { Status = MatterStatus.Withdrawn, WithdrawnOn = D("2019-09-10") } },
        { "withdrawn status, day in DecidedOn", PetitionFiled() with { Status = MatterStatus.Withdrawn, DecidedOn = D("2019-09-10") } },
        { "status not yet updated", PetitionFiled() with { WithdrawnOn = D("2019-09-10") } },
    };

    [Theory]
    [MemberData(nameof(WithdrawnOnSeptember10))]
    public void Evaluate_MatterOfStayWithdrawn_StayEndsOnWithdrawalDay(string recorded, MatterFacts petition)
    {
        var facts = StayUntilPetitionDecided(petition);

        var before = facts.At("2019-09-09");
        var on = facts.At("2019-09-10");

        Assert.True(ProtectionState.Protected == before.State, recorded);
        Assert.Equal(UntilEvent.CourtDecidesPetition, before.Primary?.Until);
        Assert.Equal(ProtectionState.NotProtected, on.State);
        Assert.Contains(on.Reasons, r => r.Code == ReasonCode.IndividualStayExpired && r.Date2 == D("2019-09-10"));
        Assert.True(on.Has(ReasonCode.MatterWithdrawn));
    }

    [Fact]
    public void Evaluate_MatterOfStayWithdrawnUndated_Unknown()
    {
        var status = StayUntilPetitionDecided(PetitionFiled() with { Status = MatterStatus.Withdrawn }).At("2019-09-10");

        Assert.Equal(ProtectionState.Unknown, status.State);
        Assert.True(status.Lacks(ReasonCode.WithdrawalDateMissing));
    }

    [Theory]
    [InlineData("2019-09-09", ProtectionState.Protected)]
    [InlineData("2019-09-10", ProtectionState.NotProtected)]
    public void Evaluate_PetitionWithGrantedStayMotionWithdrawn_StayEnds(string asOf, ProtectionState state)
    {
        var facts = APerson()
            .WithOrder(1, "2019-07-15", Adjudicator.Board)
            .With(PetitionFiled().WithStayMotion(StayMotionOutcome.Granted, "2019-08-07") with { WithdrawnOn = D("2019-09-10") });

        Assert.Equal(state, facts.At(asOf).State);
    }

    [Fact]
    public void Evaluate_PetitionWithGrantedStayMotionWithdrawnUndated_Unknown()
    {
        var facts = APerson()
            .WithOrder(1, "2019-07-15", Adjudicator.Board)
            .With(PetitionFiled().WithStayMotion(StayMotionOutcome.Granted, "2019-08-07") with { Status = MatterStatus.Withdrawn });

        var status = facts.At("2019-09-10");

        Assert.Equal(ProtectionState.Unknown, status.State);
        Assert.True(status.Lacks(ReasonCode.WithdrawalDateMissing));
    }

    [Fact]
    public void Evaluate_InAbsentiaMotionWithdrawn_StayEnds()
    {
        var facts = APerson()
            .WithOrder(1, "2010-04-07", inAbsentia: true)
            .With(Filed(10, MatterKind.MotionToReopenIj, "2019-08-05").OnGround(MotionGround.LackOfNotice) with { WithdrawnOn = D("2019-09-10") });

        Assert.Equal(ProtectionState.Protected, facts.At("2019-09-09").State);
        Assert.Equal(ProtectionState.NotProtected, facts.At("2019-09-10").State);
    }
}
