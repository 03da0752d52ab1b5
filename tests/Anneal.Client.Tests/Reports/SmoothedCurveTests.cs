using Anneal.Client.Reports;

namespace Anneal.Client.Tests.Reports;

public sealed class SmoothedCurveTests
{
    /// <summary>The study's smoothing, on per-step losses: np.convolve(loss, np.ones(w), 'valid') / w.</summary>
    private static double[] StudyConvolution(double[] losses, int window) =>
        Enumerable.Range(0, losses.Length - window + 1).Select(i => losses.Skip(i).Take(window).Average()).ToArray();

    [Fact]
    public void MovingAverage_OverWholeBuckets_EqualsStudyConvolutionOfPerStepLosses()
    {
        var random = new Random(7);
        var losses = SyntheticSweeps.PerStep(500, step => 2.0 / Math.Sqrt(step) + random.NextDouble());
        var curve = SmoothedCurve.From(SyntheticSweeps.Downsample(losses, bucket: 10), window: 50);
        var expected = StudyConvolution(losses, 50);

        Assert.Equal(46, curve.Points.Count); // window ends 50, 60, ..., 500
        foreach (var point in curve.Points)
            Assert.Equal(expected[point.PlotX(50)], point.Loss, precision: 10);
        Assert.Equal(expected[^1], curve.Final!.Value, precision: 10);
    }

    [Fact]
    public void MovingAverage_ReadAtAnyStep_IsExactForPiecewiseConstantBuckets()
    {
        // Each bucket holds one value, so interpolating inside a bucket is exact and any window end can be read.
        var losses = SyntheticSweeps.PerStep(100, step => (step - 1) / 10);
        var curve = SmoothedCurve.From(SyntheticSweeps.Downsample(losses, bucket: 10), window: 15);

        Assert.Equal(StudyConvolution(losses, 15)[37 - 15], curve.ValueAt(37)!.Value, precision: 10);
    }

    [Fact]
    public void MovingAverage_HasNoValueBeforeTheFirstFullWindow()
    {
        var curve = SmoothedCurve.From(SyntheticSweeps.Downsample(SyntheticSweeps.PerStep(40, _ => 1.0), 10), window: 50);

        Assert.Empty(curve.Points);
        Assert.Null(curve.Final);
        Assert.Null(curve.ValueAt(30));
    }

    [Fact]
    public void MovingAverage_RefusesCurvesWhoseStepsDoNotIncrease()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            SmoothedCurve.From([new CurvePoint(10, 1), new CurvePoint(10, 2)], window: 5));

        Assert.Contains("point 1 has step 10", error.Message);
    }

    [Fact]
    public void DefaultWindow_IsOnePercentOfTheLongestRun_RoundedUpToWholeBuckets()
    {
        var sweep = SyntheticSweeps.Sweep(
            SyntheticSweeps.Run("linear", 2_500, _ => 1, bucket: 10),
            SyntheticSweeps.Run("constant", 1_000, _ => 1, bucket: 10));

        Assert.Equal(30, SmoothingWindow.Choose(sweep, requested: null).Steps); // 25 steps, as 1,000 of 100,000, → 3 buckets
        Assert.Equal(7, SmoothingWindow.Choose(sweep, requested: 7).Steps);
    }

    [Fact]
    public void SpecWindow_IsUsed_UnlessItSwallowsTheRuns()
    {
        var run = SyntheticSweeps.Run("linear", 2_000, _ => 1, bucket: 10);

        Assert.Equal(40, SmoothingWindow.Choose(SyntheticSweeps.Sweep(run) with { SmoothingWindow = 40 }, null).Steps);
        var tooLong = SmoothingWindow.Choose(SyntheticSweeps.Sweep(run) with { SmoothingWindow = 1_000 }, null);
        Assert.Equal(20, tooLong.Steps);
        Assert.Contains("the spec's 1,000 is over a tenth of the longest run", tooLong.Reason);
    }
}
