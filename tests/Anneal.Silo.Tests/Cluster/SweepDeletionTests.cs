using Anneal.Contracts;
using Anneal.Contracts.Sweeps;
using Anneal.Silo.Tests.Infrastructure;
using StackExchange.Redis;

namespace Anneal.Silo.Tests.Cluster;

/// <summary>A silo process with state and checkpoints in a real Redis: what a deleted sweep leaves there.</summary>
[Collection(RedisCollection.Name)]
public sealed class SweepDeletionTests(RedisServer redis)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    /// <summary>The bound: Redis back within 1 MB of where it started.</summary>
    private const long OneMegabyte = 1 << 20;

    [Fact]
    public async Task DeletedSweep_LeavesNoKeyInRedis_AndMemoryReturnsToItsStart()
    {
        await using var cluster = new TestCluster(redis);
        cluster.StartSilo();
        var client = await cluster.ConnectAsync();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        var server = connection.GetServers()[0];
        var before = await UsedMemory(server);
        var id = SweepIds.New();
        var sweep = client.GetGrain<ISweepGrain>(id);
        // Kept final checkpoints (~9 MB each) are what a finished sweep leaves behind: the delete must take them too.
        await sweep.Start(TinySweeps.Of(("constant", 50), ("linear", 50)) with { KeepFinalCheckpoint = true });
        var done = await Eventually.Get(sweep.GetSummary, s => s.Status != SweepStatus.Running, "the sweep to finish", Patience);
        Assert.Equal(SweepStatus.Completed, done.Status);
        Assert.Contains(Keys(server, id), k => k.Contains(":checkpoint:", StringComparison.Ordinal));
        Assert.Contains(Keys(server, id), k => k.Contains("/state/", StringComparison.Ordinal));
        // A checkpoint written under a lease that never committed it (its worker died first): the delete finds it too.
        await connection.GetDatabase().StringSetAsync($"anneal:{cluster.ServiceId}:checkpoint:{done.Runs[0].RunId}:e99:s10", new byte[] { 1, 2, 3 });

        Assert.Equal(2, await sweep.Delete());

        Assert.Empty(Keys(server, id));
        Assert.False(await sweep.Exists());
        Assert.DoesNotContain(await client.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key).List(1000, null), l => l.SweepId == id);
        // Right after the delete Redis still used ~7 MB more (seen once), gone seconds later: Redis frees some memory on its
        // own clock (likely the client buffers a 9 MB checkpoint write grew), so wait for it.
        var after = await Eventually.Get(() => UsedMemory(server), used => Math.Abs(used - before) < OneMegabyte,
            $"Redis memory within 1 MB of the {before} bytes it used before the sweep", TimeSpan.FromSeconds(60));
        Assert.True(Math.Abs(after - before) < OneMegabyte);
    }

    private static string[] Keys(IServer server, string sweepId) =>
        [.. server.Keys(pattern: $"*{sweepId}*", pageSize: 1000).Select(k => k.ToString())];

    private static async Task<long> UsedMemory(IServer server)
    {
        var memory = (await server.InfoAsync("memory")).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value);
        return long.Parse(memory["used_memory"]);
    }
}
