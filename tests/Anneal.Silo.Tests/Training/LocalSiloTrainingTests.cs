using Anneal.Contracts;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Sweeps;
using Anneal.Silo.Checkpoints;
using Anneal.Silo.Hosting;
using Anneal.Silo.Tests.Infrastructure;

namespace Anneal.Silo.Tests.Training;

public sealed class LocalSiloTrainingTests : IAsyncLifetime
{
    private readonly TempFolder _checkpoints = new();
    private LocalSilo _silo = null!;

    public async Task InitializeAsync() =>
        _silo = await LocalSilo.StartAsync(new LocalSiloOptions { CheckpointDirectory = _checkpoints.Path, Slots = 1, Threads = 1, Device = "cpu" });

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        _checkpoints.Dispose();
    }

    [Fact]
    public async Task RunInASweep_GivesBitForBitTheLossesOfTheTrainerAlone()
    {
        var spec = TinySweeps.Of(("linear", 60), ("ema-0.999", 40)) with { KeepFinalCheckpoint = true };
        var sweep = _silo.Grains.GetGrain<ISweepGrain>(SweepIds.New());
        await sweep.Start(spec);

        var summary = await Eventually.Get(sweep.GetSummary, s => s.Status != SweepStatus.Running, "the sweep to finish", TimeSpan.FromMinutes(2));

        Assert.Equal(SweepStatus.Completed, summary.Status);
        foreach (var run in summary.Runs)
        {
            var details = await _silo.Grains.GetGrain<IRunGrain>(run.RunId).GetDetails();
            Assert.Equal(1, details.Curve.BucketSteps);
            Assert.Equal(ReferenceTraining.Losses(details.Definition), details.Curve.Means);
            Assert.NotNull(run.FinalEvaluation);
            Assert.Equal(run.Steps, run.FinalEvaluation!.Step);
            Assert.Equal(run.Steps / spec.CheckpointEvery * spec.CheckpointEvery, details.Checkpoint?.Step);
        }
    }

    [Fact]
    public async Task CompletedRuns_LeaveNoCheckpointFiles_OrphansIncluded()
    {
        var sweep = _silo.Grains.GetGrain<ISweepGrain>(SweepIds.New());
        var runs = (await sweep.Start(TinySweeps.Of(("constant", 60), ("sf-ema", 60)))).Runs;
        // A checkpoint written but never committed (its worker died first): completion collects it too.
        var store = new FileCheckpointStore(_checkpoints.Path);
        var orphan = await store.WriteAsync(runs[0].RunId, epoch: 99, step: 10, new byte[] { 1, 2, 3 });

        var summary = await Eventually.Get(sweep.GetSummary, s => s.Status != SweepStatus.Running, "the sweep to finish", TimeSpan.FromMinutes(2));

        Assert.Equal(SweepStatus.Completed, summary.Status);
        Assert.All(summary.Runs, r => Assert.Null(r.CheckpointStep));
        // The folder keeps only the store's signing key, which is not a checkpoint.
        await Eventually.Get(() => Task.FromResult(Directory.EnumerateFiles(_checkpoints.Path, "*", SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(f) != ".checkpoint-key").ToArray()),
            files => files.Length == 0, $"no checkpoint file left (orphan {orphan} included)", TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task CancelledRun_StopsTraining_AndItsSlotTakesTheNextRun()
    {
        var longSweep = _silo.Grains.GetGrain<ISweepGrain>(SweepIds.New());
        var longRun = (await longSweep.Start(TinySweeps.Of(("constant", 50_000)) with { CheckpointEvery = 500 })).Runs.Single();
        await Eventually.Get(() => _silo.Grains.GetGrain<IRunGrain>(longRun.RunId).GetSummary(), r => r.Progress?.Step > 0,
            "the long run to be training", TimeSpan.FromMinutes(1));

        await longSweep.Cancel();
        var shortSweep = _silo.Grains.GetGrain<ISweepGrain>(SweepIds.New());
        await shortSweep.Start(TinySweeps.Of(("cosine", 20)));

        // The only slot must drop the 50,000-step run at once to train this one.
        await Eventually.Get(shortSweep.GetSummary, s => s.Status == SweepStatus.Completed, "the short sweep to complete on the freed slot",
            TimeSpan.FromSeconds(30));
        var cancelled = await _silo.Grains.GetGrain<IRunGrain>(longRun.RunId).GetSummary();
        Assert.Equal(RunStatus.Cancelled, cancelled.Status);
        Assert.True(cancelled.Progress!.Step < 50_000);
    }
}
