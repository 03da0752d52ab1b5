using Anneal.Contracts;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Sweeps;
using Anneal.Silo.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Anneal.Silo.Tests.Cluster;

/// <summary>
/// Two silo processes on an append-only Redis (clustering, grain state and checkpoints all in it). Redis is stopped
/// mid-sweep and started again: the sweep completes, every run with the Trainer's losses, bit for bit.
/// </summary>
public sealed class RedisRestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task RedisRestartedMidSweep_TheSweepCompletes_WithEveryRunBitIdentical()
    {
        await using var redis = new AppendOnlyRedis();
        await redis.StartAsync();
        await using var cluster = new TestCluster(redis.ConnectionString);
        cluster.StartSilo();
        cluster.StartSilo();
        var client = await cluster.ConnectAsync(silos: 2);
        var sweep = client.GetGrain<ISweepGrain>(SweepIds.New());
        var runs = (await sweep.Start(TinySweeps.Of(("constant", 150), ("linear", 150), ("ema-0.999", 150)))).Runs;
        // Mid-sweep: a run has a checkpoint to resume from and steps left to train.
        await Eventually.Get(sweep.GetSummary, s => s.Runs.Any(r => r.CheckpointStep >= 25 && r.Status == RunStatus.Running),
            "a run past its first checkpoint", Patience);

        var logged = cluster.Silos.Select(s => s.Output.Length).ToArray();
        await redis.StopAsync();
        Log("redis stopped");
        // Down until a silo has noticed (a run grain writes progress at least every 5 s, a slot checkpoints every 25 steps).
        await Eventually.Get(() => Task.FromResult(cluster.Silos.Select((s, i) => s.Output[logged[i]..]).ToArray()),
            since => since.Any(text => text.Contains("Redis", StringComparison.Ordinal)), "a silo to log the lost Redis", TimeSpan.FromSeconds(60));
        await redis.StartAsync();
        Log("redis started again");

        var summary = await Eventually.Get(sweep.GetSummary, s => s.Status != SweepStatus.Running, "the sweep to finish", Patience);
        Log($"sweep {summary.Status}: {string.Join(", ", summary.Runs.Select(r => $"{r.Variant} {r.Status} after {r.Attempts} attempts"))}");
        Assert.Equal(SweepStatus.Completed, summary.Status);
        foreach (var run in runs)
        {
            var details = await client.GetGrain<IRunGrain>(run.RunId).GetDetails();
            Assert.Equal(ReferenceTraining.Losses(details.Definition), details.Curve.Means);
        }
    }

    private void Log(string line) => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
}
