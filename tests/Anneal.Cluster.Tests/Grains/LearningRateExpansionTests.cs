using Anneal.Contracts.Specs;
using Anneal.Grains.Sweeps;

namespace Anneal.Cluster.Tests.Grains;

/// <summary>How a learning-rate grid expands: every run at every lr and seed, in a documented, repeatable order.</summary>
public sealed class LearningRateExpansionTests
{
    private static readonly SweepSpec Grid = new()
    {
        Seeds = [5, 1],
        LearningRates = [3e-3, 3e-4],
        Runs =
        [
            new RunSpec { Variant = "linear", Steps = 400 },
            new RunSpec { Variant = "constant", Steps = 400, LearningRate = 1e-3 },
        ],
    };

    [Fact]
    public void AGrid_ExpandsSpecRunThenLrThenSeed_AndARunsOwnLrWins()
    {
        var runs = SweepExpansion.Expand("s", Grid);

        Assert.Equal(
            [
                ("linear-400@3e-3", 3e-3, 5), ("linear-400@3e-3", 3e-3, 1),
                ("linear-400@3e-4", 3e-4, 5), ("linear-400@3e-4", 3e-4, 1),
                ("constant-400@1e-3", 1e-3, 5), ("constant-400@1e-3", 1e-3, 1),
            ],
            runs.Select(r => (r.Label, r.LearningRate, r.Seed)));
        Assert.Equal(Enumerable.Range(0, 6), runs.Select(r => r.Index));
        Assert.Equal(runs.Select(r => r.RunId), SweepExpansion.Expand("s", Grid).Select(r => r.RunId));
        Assert.Equal(6, LearningRateGrid.ExpandedRunCount(Grid));
    }

    [Fact]
    public void OneLearningRate_KeepsPlainDisplayNames()
    {
        var single = Grid with { LearningRates = [1e-3] };

        Assert.All(SweepExpansion.Expand("s", single), r => Assert.DoesNotContain("@", r.Label));
        Assert.All(SweepExpansion.Expand("s", new SweepSpec { Runs = Grid.Runs }), r => Assert.Equal(1e-3, r.LearningRate));
    }

    [Fact]
    public void ALabel_StillCarriesTheLr_WhenSeveralAreSwept()
    {
        var labelled = Grid with { Runs = [new RunSpec { Variant = "linear", Steps = 10, Label = "decay" }] };

        Assert.Equal(["decay@3e-3", "decay@3e-4"], SweepExpansion.Expand("s", labelled).Select(r => r.Label).Distinct());
    }
}
