using Anneal.Contracts;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Sweeps;
using Anneal.Silo.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Anneal.Silo.Tests.Cluster;

/// <summary>
/// Two silo processes on a real Redis. The silo that holds the sweep grain is frozen, so the updates its runs send it
/// are lost, while the other silo trains every run to the end; then it is killed. The sweep still completes, and
/// the catalog says so without anyone asking the sweep.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class StuckSweepTests(RedisServer redis, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>Short, so the test sees the timer at work too; the default is 30 s.</summary>
    private static readonly Dictionary<string, string> ReconcileOften = new() { ["ANNEAL_Anneal__Grains__SweepReconcilePeriod"] = "00:00:02" };

    [Fact]
    public async Task SiloHostingTheSweep_FrozenThenKilledWhileItsRunsFinish_TheSweepStillCompletes()
    {
        await using var cluster = new TestCluster(redis);
        cluster.StartSilo(ReconcileOften);
        cluster.StartSilo(ReconcileOften);
        var client = await cluster.ConnectAsync(silos: 2);
        var sweep = client.GetGrain<ISweepGrain>(SweepIds.New());
        var runs = (await sweep.Start(TinySweeps.Of(("constant", 60), ("linear", 60), ("cosine", 60), ("sf-ema", 60)))).Runs;
        var address = await client.GetGrain<IManagementGrain>(0).GetActivationAddress(sweep)
            ?? throw new InvalidOperationException("the sweep grain is not active after Start");
        var holder = cluster.Silos.Single(s => s.SiloPort == address.Endpoint.Port);
        await Eventually.Get(sweep.GetSummary, s => s.Runs.Any(r => r.Status == RunStatus.Running), "a run to start", Patience);

        holder.Signal(Signals.Stop);
        Log($"froze the silo holding the sweep (port {holder.SiloPort})");
        foreach (var run in runs)
        {
            await Eventually.Get(() => client.GetGrain<IRunGrain>(run.RunId).GetSummary(), r => r.Status == RunStatus.Completed,
                $"run {run.RunId} to complete on the other silo", Patience);
        }
        Log("every run completed");
        holder.Signal(Signals.Kill);

        // Only the catalog is asked: nothing calls the sweep itself, whose silo is gone, until the catalog wakes it.
        var listing = await Eventually.Get(() => client.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key).List(1000, null),
            l => l.Any(x => x.SweepId == sweep.GetPrimaryKeyString() && x.Status != SweepStatus.Running), "the catalog to list the sweep finished", Patience);
        var line = listing.Single(x => x.SweepId == sweep.GetPrimaryKeyString());
        Log($"catalog: sweep {line.Status}");
        Assert.Equal(SweepStatus.Completed, line.Status);
        Assert.Equal(new RunCounts(0, 0, runs.Count, 0, 0), line.Counts);
        var summary = await sweep.GetSummary();
        Assert.Equal(SweepStatus.Completed, summary.Status);
        Assert.All(summary.Runs, r => Assert.Equal(r.Steps, r.Progress?.Step));
    }

    private void Log(string line) => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
}
