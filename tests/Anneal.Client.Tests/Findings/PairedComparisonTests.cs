using Anneal.Client.Findings;

namespace Anneal.Client.Tests.Findings;

public sealed class PairedComparisonTests
{
    [Fact]
    public void ThreeSeeds_GiveMeanSampleDeviationStudentIntervalAndWins()
    {
        // d = 0.1, 0.2, 0.3: mean 0.2, s = √((0.01 + 0 + 0.01)/2) = 0.1, s/√3 = 0.057735,
        // t(0.975, 2) = 4.302653, so the 95% CI is 0.2 ± 0.248414.
        var comparison = PairedComparison.Of(
            new Dictionary<int, double> { [0] = 1.0, [1] = 1.0, [2] = 1.0, [7] = 0.5 },
            new Dictionary<int, double> { [0] = 1.1, [1] = 1.2, [2] = 1.3 });

        Assert.Equal([0, 1, 2], comparison.Pairs.Select(p => p.Seed));
        Assert.Equal(0.2, comparison.Mean, 12);
        Assert.Equal(0.1, comparison.StandardDeviation, 12);
        Assert.Equal(1.1, comparison.MeanOfArms, 12);
        Assert.Equal(100 * 0.2 / 1.1, comparison.MeanPercent, 9);
        Assert.Equal(3, comparison.Wins);
        var interval = comparison.Interval(0.95)!;
        Assert.Equal(0.2 - 0.248414, interval.Low, 5);
        Assert.Equal(0.2 + 0.248414, interval.High, 5);
    }

    [Fact]
    public void WinsCount_OnlySeedsWhereAIsBetter()
    {
        var comparison = Differences.Of(0.1, -0.2, 0, 0.3);
        Assert.Equal(2, comparison.Wins);
        Assert.Equal(4, comparison.Count);
    }

    [Fact]
    public void OneSeed_HasAMeanButNoDeviationOrInterval()
    {
        var comparison = Differences.Of(0.4);
        Assert.Equal(0.4, comparison.Mean, 12);
        Assert.True(double.IsNaN(comparison.StandardDeviation));
        Assert.Null(comparison.Interval(0.95));
    }

    [Fact]
    public void EquivalencePValue_IsBelowAlpha_ExactlyWhenThe90PercentIntervalLiesInsideDelta()
    {
        var inside = Differences.Of(0.001, -0.001, 0.002, 0, -0.002);
        var interval = inside.Interval(0.90)!;
        Assert.True(interval.Low > -0.01 && interval.High < 0.01);
        Assert.True(inside.PValueOfEquivalence(0.01) < 0.05);

        var straddling = Differences.Of(0.1, 0.2, 0.3);
        Assert.True(straddling.PValueOfEquivalence(0.05) > 0.05);
    }
}
