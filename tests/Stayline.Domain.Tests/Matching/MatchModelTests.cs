using Stayline.Domain.Matching;

namespace Stayline.Domain.Tests.Matching;

public class MatchModelTests
{
    [Fact]
    public void NameWeight_CommonName_WeighsLessThanRareName()
    {
        var model = MatchModel.Default;
        Assert.True(model.NameWeight(NameLevel.Exact, 0.01) < model.NameWeight(NameLevel.Exact, 0.00001));
    }

    [Fact]
    public void NameWeight_UnknownFrequency_IsLevelWeight() =>
        Assert.Equal(MatchModel.Default.NameWeight(NameLevel.Strong), MatchModel.Default.NameWeight(NameLevel.Strong, 0));

    [Theory]
    [InlineData(NameLevel.Exact, true)]
    [InlineData(NameLevel.Strong, true)]
    [InlineData(NameLevel.Conflicting, false)]
    [InlineData(NameLevel.Different, false)]
    public void NameWeight_Levels_AgreeingPositiveConflictingNegative(NameLevel level, bool positive) =>
        Assert.Equal(positive, MatchModel.Default.NameWeight(level) > 0);

    [Theory]
    [InlineData(0.95, MatchDecision.SamePerson)]
    [InlineData(0.9, MatchDecision.SamePerson)]
    [InlineData(0.5, MatchDecision.NeedsReview)]
    [InlineData(0.29, MatchDecision.Different)]
    public void Decide_Scores_UseThresholds(double score, MatchDecision expected) => Assert.Equal(expected, MatchModel.Decide(score));

    [Fact]
    public void ScoreOf_WeightFor_AreInverse()
    {
        var model = MatchModel.Default;
        Assert.Equal(0.9, model.ScoreOf(model.WeightFor(0.9)), 9);
    }

    [Fact]
    public void EstimateU_LargerList_LowersPrior()
    {
        PersonRecord R(int i) => new($"{i}", $"Given{i}", $"Family{i}", BirthDate.YearOnly(1950 + (i % 50)), null, "Iraq");
        var small = MatchModel.EstimateU(Enumerable.Range(0, 100).Select(R).ToList(), null);
        var large = MatchModel.EstimateU(Enumerable.Range(0, 5_000).Select(R).ToList(), null, samples: 1000);
        Assert.Equal(-10, small.PriorWeight);
        Assert.True(large.PriorWeight < -12); // about log2(1/5000)
    }
}
