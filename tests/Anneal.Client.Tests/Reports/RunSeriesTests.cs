using Anneal.Client.Reports;

namespace Anneal.Client.Tests.Reports;

public sealed class RunSeriesTests
{
    [Fact]
    public void Seeds_OfOneConfiguration_AreCombinedIntoMeanAndMinMax()
    {
        var sweep = SyntheticSweeps.Sweep(
            SyntheticSweeps.Run("constant", 100, _ => 1.0, seed: 0),
            SyntheticSweeps.Run("constant", 100, _ => 2.0, seed: 1),
            SyntheticSweeps.Run("constant", 100, _ => 6.0, seed: 2));

        var series = Assert.Single(RunSeries.Group(sweep.Runs, window: 20));

        Assert.Equal(3, series.SeedCount);
        Assert.Equal(new Spread(3.0, 1.0, 6.0, Math.Sqrt(14.0 / 3), 3), series.FinalLoss);
        Assert.All(series.Points, point => Assert.Equal(3.0, point.Loss.Mean, precision: 12));
        Assert.Equal(new[] { 20, 30, 40, 50, 60, 70, 80, 90, 100 }, series.Points.Select(p => p.WindowEnd));
    }

    [Fact]
    public void Seeds_StillRunning_AreLeftOutOfTheMeanOnceOneHasCompleted()
    {
        var sweep = SyntheticSweeps.Sweep(
            SyntheticSweeps.Run("sf-ema", 100, _ => 1.0, seed: 0),
            SyntheticSweeps.Run("sf-ema", 100, _ => 5.0, seed: 1, status: RunStatus.Running, stepsDone: 60));

        var series = Assert.Single(RunSeries.Group(sweep.Runs, window: 20));

        Assert.Equal(1, series.SeedCount);
        Assert.Equal(1.0, series.FinalLoss!.Mean);
        Assert.False(series.IsComplete);
        Assert.Equal(100, series.Points[^1].WindowEnd);
    }

    [Fact]
    public void Runs_DifferingInLengthOrOverrides_AreSeparateConfigurations()
    {
        var sweep = SyntheticSweeps.Sweep(
            SyntheticSweeps.Run("linear", 100, _ => 1.0),
            SyntheticSweeps.Run("linear", 50, _ => 1.0),
            SyntheticSweeps.Run("ema-0.999", 100, _ => 1.0),
            SyntheticSweeps.Run("ema-0.999", 100, _ => 1.0, overrides: new Dictionary<string, double> { ["emaRate"] = 0.9 }));

        Assert.Equal(4, RunSeries.Group(sweep.Runs, window: 10).Count);
    }
}
