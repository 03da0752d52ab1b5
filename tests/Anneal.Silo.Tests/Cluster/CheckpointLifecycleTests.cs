using Anneal.Contracts;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Sweeps;
using Anneal.Silo.Tests.Infrastructure;
using StackExchange.Redis;

namespace Anneal.Silo.Tests.Cluster;

/// <summary>A silo process with checkpoints in a real Redis: what is left there once a sweep completes.</summary>
[Collection(RedisCollection.Name)]
public sealed class CheckpointLifecycleTests(RedisServer redis)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task CompletedSweep_LeavesNoCheckpointKeys_OrphansIncluded_UnlessTheFinalOneIsKept()
    {
        await using var cluster = new TestCluster(redis);
        cluster.StartSilo();
        var client = await cluster.ConnectAsync();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var spec = TinySweeps.Of(("constant", 100), ("ema-0.999", 100));
        var dropping = client.GetGrain<ISweepGrain>(SweepIds.New());
        var keeping = client.GetGrain<ISweepGrain>(SweepIds.New());
        var dropped = (await dropping.Start(spec)).Runs;
        var kept = (await keeping.Start(spec with { KeepFinalCheckpoint = true })).Runs;
        // A checkpoint written under a lease that never committed it (its worker died first).
        var orphan = $"anneal:{cluster.ServiceId}:checkpoint:{dropped[0].RunId}:e99:s10";
        await connection.GetDatabase().StringSetAsync(orphan, new byte[] { 1, 2, 3 });

        foreach (var sweep in new[] { dropping, keeping })
        {
            var done = await Eventually.Get(sweep.GetSummary, s => s.Status != SweepStatus.Running, "the sweep to finish", Patience);
            Assert.Equal(SweepStatus.Completed, done.Status);
        }

        string[] Keys(RunSummary run) =>
            [.. connection.GetServers()[0].Keys(pattern: $"anneal:{cluster.ServiceId}:checkpoint:{run.RunId}:*").Select(k => k.ToString())];
        await Eventually.Get(() => Task.FromResult(dropped.SelectMany(Keys).ToArray()), keys => keys.Length == 0,
            "no checkpoint key left of the sweep that keeps none", Patience);
        foreach (var run in kept)
        {
            var details = await client.GetGrain<IRunGrain>(run.RunId).GetDetails();
            var location = Assert.IsType<CheckpointInfo>(details.Checkpoint).Location;
            await Eventually.Get(() => Task.FromResult(Keys(run)), keys => keys.Length == 1,
                $"only the final checkpoint of {run.RunId} left", Patience);
            Assert.Equal("redis:" + Assert.Single(Keys(run)), location.Split('#')[0]); // a location is signed: KEY#SIGNATURE
        }
    }
}
