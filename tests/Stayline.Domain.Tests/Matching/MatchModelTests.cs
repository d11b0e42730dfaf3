using Stayline.Domain.Matching;

namespace Stayline.Domain.Tests.Matching;

public class MatchModelTests
{
    [Fact]
    public void NameWeight_CommonName_WeighsLessThanRareName()
    {
        var model = MatchModel.Default;
        // log2 shares: two common words (1/10 and 1/20) against a common and a rare word (1/10 and 1/5000).
        Assert.True(model.NameWeight(NameLevel.Exact, Math.Log2(0.1 * 0.05)) < model.NameWeight(NameLevel.Exact, Math.Log2(0.1 / 5000)));
    }

    [Fact]
    public void NameWeight_LongerAgreeingChain_WeighsMore()
    {
        // Given, father's and family name agreeing against given and family name: the father's name is weak positive evidence.
        var model = MatchModel.Default;
        Assert.True(model.NameWeight(NameLevel.Exact, Math.Log2(0.1 * 0.1 * 0.01)) > model.NameWeight(NameLevel.Exact, Math.Log2(0.1 * 0.01)));
    }

    [Fact]
    public void EstimateU_ListLinkedWithItsCopy_StillTrustsAgreeingNames()
    {
        // Re-importing the same rows: a random pair of the two lists is often the same person; the expectation
        // step keeps those pairs from teaching u that exact names agree by chance (identical rows scored 0.35).
        PersonRecord R(int i) => new($"{i}", $"Given{i % 150}", $"Family{i}", BirthDate.Exact(1950 + (i % 50), 1 + (i % 12), 1 + (i % 28)), null, "Iraq");
        var rows = Enumerable.Range(0, 300).Select(R).ToList();
        var model = MatchModel.EstimateU(rows, rows);
        var pair = Linker.Score(rows[7], R(7), model);
        Assert.Equal(MatchDecision.SamePerson, pair.Decision);
        Assert.True(model.NameUProbabilities[(int)NameLevel.Exact] < 0.001, $"u(exact) {model.NameUProbabilities[0]}");
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
