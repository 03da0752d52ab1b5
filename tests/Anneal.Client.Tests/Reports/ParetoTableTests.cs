using Anneal.Client.Reports;

namespace Anneal.Client.Tests.Reports;

public sealed class ParetoTableTests
{
    [Fact]
    public void EachLinearLength_SitsBesideAnytimeLossesReadAtThatStep()
    {
        // Per-step loss step/1000 smoothed over 10 steps ending at L is (L - 4.5) / 1000.
        var sweep = SyntheticSweeps.Sweep(
            SyntheticSweeps.Run("linear", 100, _ => 0.5),
            SyntheticSweeps.Run("linear", 200, _ => 0.2),
            SyntheticSweeps.Run("sf-ema", 200, step => step / 1000.0),
            SyntheticSweeps.Run("constant", 200, _ => 0.3));

        var table = ParetoTable.Build(RunSeries.Group(sweep.Runs, window: 10));

        Assert.Equal(new[] { "constant", "sf-ema" }, table.Columns.Select(c => c.Variant));
        Assert.Equal(new[] { 100, 200 }, table.Rows.Select(r => r.LinearSteps));
        Assert.Equal(0.5, table.Rows[0].Linear!.Mean, precision: 12);
        Assert.Equal(0.3, table.Rows[0].Methods[0]!.Mean, precision: 12);
        Assert.Equal(0.0955, table.Rows[0].Methods[1]!.Mean, precision: 12);
        Assert.Equal(0.1955, table.Rows[1].Methods[1]!.Mean, precision: 12);
        Assert.True(table.Columns[1].Dominates(table.Rows.Count));
        Assert.Equal(1, table.Columns[0].AtOrBelowLinear); // 0.3 beats 0.5 at 100 but not 0.2 at 200
        Assert.False(table.Columns[0].Dominates(table.Rows.Count));
    }

    [Fact]
    public void AnytimeRuns_ShorterThanOrNotYetAtTheLength_LeaveTheCellEmpty()
    {
        var sweep = SyntheticSweeps.Sweep(
            SyntheticSweeps.Run("linear", 200, _ => 0.2),
            SyntheticSweeps.Run("ema-0.9999", 100, _ => 0.1),
            SyntheticSweeps.Run("sf-polyak", 200, _ => 0.1, status: RunStatus.Running, stepsDone: 150));

        var table = ParetoTable.Build(RunSeries.Group(sweep.Runs, window: 10));

        var row = Assert.Single(table.Rows);
        Assert.All(row.Methods, Assert.Null);
        Assert.All(table.Columns, column => Assert.Equal(0, column.Compared));
    }

    [Fact]
    public void UnfinishedLinearDecay_HasNoFinalLoss()
    {
        var sweep = SyntheticSweeps.Sweep(
            SyntheticSweeps.Run("linear", 200, _ => 0.2, status: RunStatus.Running, stepsDone: 120),
            SyntheticSweeps.Run("sf-ema", 200, _ => 0.1));

        var row = Assert.Single(ParetoTable.Build(RunSeries.Group(sweep.Runs, window: 10)).Rows);

        Assert.Null(row.Linear);
        Assert.Equal(0.1, row.Methods[0]!.Mean, precision: 12);
    }
}
