using Anneal.Contracts;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Sweeps;
using Anneal.Ml.Devices;
using Anneal.Silo.Hosting;
using Anneal.Silo.Tests.Infrastructure;

namespace Anneal.Silo.Tests.Training;

/// <summary>The default CPU layout trains several runs in one process at once; a run's numbers must not notice.</summary>
public sealed class SideBySideTrainingTests : IAsyncLifetime
{
    private readonly TempFolder _checkpoints = new();
    private LocalSilo _silo = null!;

    public async Task InitializeAsync() =>
        _silo = await LocalSilo.StartAsync(new LocalSiloOptions { CheckpointDirectory = _checkpoints.Path, Slots = 2, Threads = 1, Device = "cpu" });

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        _checkpoints.Dispose();
    }

    [Fact]
    public async Task RunTrainedBesideAnother_GivesBitForBitTheLossesOfTheTrainerAlone_AndRecordsItsCompute()
    {
        var sweep = _silo.Grains.GetGrain<ISweepGrain>(SweepIds.New());
        await sweep.Start(TinySweeps.Of(("linear", 60), ("ema-0.999", 60)));

        var summary = await Eventually.Get(sweep.GetSummary, s => s.Status != SweepStatus.Running, "the sweep to finish", TimeSpan.FromMinutes(3));

        Assert.Equal(SweepStatus.Completed, summary.Status);
        var (first, second) = (summary.Runs[0], summary.Runs[1]);
        Assert.True(first.StartedAt < second.FinishedAt && second.StartedAt < first.FinishedAt,
            $"the two runs should have trained at the same time in the two slots ({first.StartedAt}-{first.FinishedAt}, {second.StartedAt}-{second.FinishedAt})");
        foreach (var run in summary.Runs)
        {
            var details = await _silo.Grains.GetGrain<IRunGrain>(run.RunId).GetDetails();
            Assert.Equal(1, details.Curve.BucketSteps);
            Assert.Equal(ReferenceTraining.Losses(details.Definition, threads: 1), details.Curve.Means);
            Assert.Equal(1, details.Summary.Threads);
            Assert.Equal(MklKernels.Active.Name, details.Summary.Kernels);
        }
    }
}
