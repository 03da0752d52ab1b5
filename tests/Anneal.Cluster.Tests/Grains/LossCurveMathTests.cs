using Anneal.Contracts.Runs;
using Anneal.Grains.Runs;

namespace Anneal.Cluster.Tests.Grains;

public sealed class LossCurveMathTests
{
    [Fact]
    public void StudyLengthRun_IsKeptInAtMostMaxPointsBuckets_WithExactBucketMeans()
    {
        const int steps = 100_000;
        var bucket = LossCurveMath.BucketSteps(steps);
        var sums = new List<double>();
        for (var first = 1; first <= steps; first += 100)
            LossCurveMath.Append(sums, bucket, first, Enumerable.Range(first, 100).Select(s => (float)s).ToArray(), 0);

        var curve = LossCurveMath.ToCurve(sums, bucket, steps);

        Assert.Equal(50, bucket);
        Assert.Equal(LossCurve.MaxPoints, curve.Means.Count);
        Assert.Equal((1 + 50) / 2f, curve.Means[0]);
        Assert.Equal((99_951 + 100_000) / 2f, curve.Means[^1]);
        Assert.Equal(25.5, curve.CenterStep(0));
    }

    [Fact]
    public void PartialLastBucket_IsAveragedOverTheStepsItHolds()
    {
        var sums = new List<double>();
        LossCurveMath.Append(sums, 4, 1, [1, 1, 1, 1, 3, 5], 0);

        var curve = LossCurveMath.ToCurve(sums, 4, 6);

        Assert.Equal([1f, 4f], curve.Means);
    }

    [Fact]
    public void Smoothed_IsTheMeanOfTheLastWindowSteps()
    {
        var sums = new List<double>();
        LossCurveMath.Append(sums, 1, 1, [10, 20, 30, 40], 0);

        Assert.Equal(35, LossCurveMath.Smoothed(sums, 1, 4, window: 2));
        Assert.Equal(25, LossCurveMath.Smoothed(sums, 1, 4, window: 1000));
    }
}
