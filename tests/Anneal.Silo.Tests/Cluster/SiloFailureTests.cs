using Anneal.Contracts;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Sweeps;
using Anneal.Silo.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Anneal.Silo.Tests.Cluster;

/// <summary>
/// Two silo processes clustered through a real Redis. A silo is killed, frozen or stopped while it trains the only
/// run; the other finishes the run from its last checkpoint, and the losses equal the Trainer's alone, bit for bit.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class SiloFailureTests(RedisServer redis, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task KilledSilo_ItsRunResumesOnTheOtherFromTheCheckpoint_WithIdenticalLosses()
    {
        await using var cluster = new TestCluster(redis);
        var (client, run, holder) = await StartOneRunOnTwoSilos(cluster);

        holder.Signal(Signals.Kill);
        Log("holder killed");

        var finished = await WaitForCompletion(cluster, client, run);
        Assert.True(finished.Summary.Attempts >= 2, $"expected a second attempt, got {finished.Summary.Attempts}");
        Assert.False(holder.Hosts(finished.Summary.Worker));
        Assert.Equal(ReferenceTraining.Losses(finished.Definition), finished.Curve.Means);
    }

    [Fact]
    public async Task FrozenSilo_ItsRunResumesOnTheOther_AndWakingUpChangesNothing()
    {
        await using var cluster = new TestCluster(redis);
        var (client, run, holder) = await StartOneRunOnTwoSilos(cluster);

        holder.Signal(Signals.Stop);
        var finished = await WaitForCompletion(cluster, client, run);
        holder.Signal(Signals.Continue);
        // The woken silo learns it was declared dead and stops; whatever it still reports is fenced off.
        try
        {
            await holder.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
        }

        var after = await client.GetGrain<IRunGrain>(run.RunId).GetDetails();
        Assert.True(finished.Summary.Attempts >= 2);
        Assert.Equal(RunStatus.Completed, after.Summary.Status);
        Assert.Equal(finished.Summary.Revision, after.Summary.Revision);
        Assert.Equal(ReferenceTraining.Losses(after.Definition), after.Curve.Means);
    }

    [Fact]
    public async Task TerminatedSilo_CheckpointsGivesItsRunBackAndExitsCleanly()
    {
        await using var cluster = new TestCluster(redis);
        var (client, run, holder) = await StartOneRunOnTwoSilos(cluster);

        holder.Signal(Signals.Terminate);

        Assert.Equal(0, await holder.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("given back at checkpoint step", holder.Output);
        var finished = await WaitForCompletion(cluster, client, run);
        Assert.Equal(2, finished.Summary.Attempts);
        Assert.Equal(0, (await client.GetGrain<Contracts.Work.IWorkQueueGrain>(Contracts.Work.IWorkQueueGrain.DefaultPool).GetStats()).LeaseExpiries);
        Assert.Equal(ReferenceTraining.Losses(finished.Definition), finished.Curve.Means);
    }

    [Fact]
    public async Task TwoSilos_ShareOneSweep()
    {
        await using var cluster = new TestCluster(redis);
        cluster.StartSilo();
        cluster.StartSilo();
        var client = await cluster.ConnectAsync(silos: 2);
        var sweep = client.GetGrain<ISweepGrain>(SweepIds.New());

        await sweep.Start(TinySweeps.Of(("linear", 120), ("cosine", 120), ("constant", 120), ("sf-ema", 120)));
        var summary = await Eventually.Get(sweep.GetSummary, s => s.Status != SweepStatus.Running, "the sweep to finish", Patience);

        Assert.Equal(SweepStatus.Completed, summary.Status);
        Assert.All(cluster.Silos, silo => Assert.Contains(summary.Runs, r => silo.Hosts(r.Worker)));
    }

    [Fact]
    public async Task SweepState_SurvivesRestartingTheSilo()
    {
        await using var cluster = new TestCluster(redis);
        var first = cluster.StartSilo();
        var client = await cluster.ConnectAsync();
        var id = SweepIds.New();
        await client.GetGrain<ISweepGrain>(id).Start(TinySweeps.Of(("linear", 30), ("ema-0.999", 20)));
        var before = await Eventually.Get(client.GetGrain<ISweepGrain>(id).GetSummary, s => s.Status == SweepStatus.Completed,
            "the sweep to complete", Patience);
        var curveBefore = (await client.GetGrain<IRunGrain>(before.Runs[0].RunId).GetDetails()).Curve;

        first.Signal(Signals.Terminate);
        Assert.Equal(0, await first.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        cluster.StartSilo();
        var again = await cluster.ConnectAsync();

        var after = await again.GetGrain<ISweepGrain>(id).GetSummary();
        Assert.Equal(SweepStatus.Completed, after.Status);
        Assert.Equal(before.CreatedAt, after.CreatedAt);
        Assert.Equal(before.Runs.Select(r => r.FinalEvaluation), after.Runs.Select(r => r.FinalEvaluation));
        Assert.Equal(curveBefore.Means, (await again.GetGrain<IRunGrain>(before.Runs[0].RunId).GetDetails()).Curve.Means);
        Assert.Contains(await again.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key).List(1000, null), l => l.SweepId == id);
    }

    private async Task<(IClusterClient Client, RunSummary Run, SiloProcess Holder)> StartOneRunOnTwoSilos(TestCluster cluster)
    {
        cluster.StartSilo();
        cluster.StartSilo();
        var client = await cluster.ConnectAsync(silos: 2);
        Log("two silos active");
        var sweep = client.GetGrain<ISweepGrain>(SweepIds.New());
        var run = (await sweep.Start(TinySweeps.Of(("ema-0.999", 200)))).Runs.Single();
        // Mid-run, past a checkpoint: the other silo has something to resume from and something left to train.
        var running = await Eventually.Get(() => client.GetGrain<IRunGrain>(run.RunId).GetSummary(),
            r => r.CheckpointStep >= 50, "the run to pass its second checkpoint", Patience);
        Log($"run at step {running.Progress!.Step}, checkpoint {running.CheckpointStep}, on {running.Worker}");
        Assert.True(running.Progress!.Step < run.Steps, "the run finished before the test could disturb it");
        return (client, running, cluster.HolderOf(running));
    }

    private void Log(string line) => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");

    private async Task<RunDetails> WaitForCompletion(TestCluster cluster, IClusterClient client, RunSummary run)
    {
        var run2 = client.GetGrain<IRunGrain>(run.RunId);
        await Eventually.Get(run2.GetSummary, r => r.Status.IsTerminal(), "the run to finish on the remaining silo", Patience);
        var details = await run2.GetDetails();
        Log($"run {details.Summary.Status} after {details.Summary.Attempts} attempts on {details.Summary.Worker}");
        foreach (var silo in cluster.Silos)
        {
            foreach (var message in silo.AnnealMessages()) Log($"silo {silo.SiloPort}: {message}");
        }
        Assert.Equal(RunStatus.Completed, details.Summary.Status);
        return details;
    }
}
