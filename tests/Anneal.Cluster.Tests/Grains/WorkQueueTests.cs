using Anneal.Cluster.Tests.Infrastructure;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Sweeps;
using Anneal.Contracts.Work;
using Orleans.Core.Internal;

namespace Anneal.Cluster.Tests.Grains;

/// <summary>The work queue's order and bookkeeping, across a reactivation that reads its stored backlog and position back.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WorkQueueTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task TwoSweepsInOnePool_AreLeasedInEnqueueOrder_AcrossAReactivation()
    {
        var first = TestSpecs.Tiny(("constant", 30), ("linear", 20), ("cosine", 10));
        var second = TestSpecs.Tiny(("constant", 40), ("linear", 5)) with { Pool = first.Pool };
        var a = await Grains.GetGrain<ISweepGrain>(TestSpecs.NewSweepId()).Start(first);
        var b = await Grains.GetGrain<ISweepGrain>(TestSpecs.NewSweepId()).Start(second);
        var worker = new ScriptedWorker(Grains, first.Pool, "w1");

        var leased = new List<string> { (await worker.Lease())!.RunId };
        await ReactivateQueueAsync(first.Pool);
        Assert.Equal(new QueueStats(4, 1, 0), await Queue(first.Pool).GetStats());
        while (await worker.Lease() is { } lease) leased.Add(lease.RunId);

        Assert.Equal(a.Runs.Select(r => r.RunId).Concat(b.Runs.Select(r => r.RunId)), leased);
    }

    [Fact]
    public async Task ReleasedRun_IsLeasedNextAgain_AcrossAReactivation()
    {
        var spec = TestSpecs.Tiny(("constant", 30), ("linear", 20), ("cosine", 10));
        var summary = await Grains.GetGrain<ISweepGrain>(TestSpecs.NewSweepId()).Start(spec);
        var worker = new ScriptedWorker(Grains, spec.Pool, "w1");
        var first = (await worker.Lease())!;
        var second = (await worker.Lease())!;

        Assert.Equal(LeaseVerdict.Accepted, await Grains.GetGrain<IRunGrain>(second.RunId).Release(second.Epoch));
        await Eventually.Get(() => Queue(spec.Pool).GetStats(), s => s.Queued == 2 && s.Leased == 1, "the released run back in the queue");
        await ReactivateQueueAsync(spec.Pool);

        Assert.Equal(second.RunId, (await worker.Lease())?.RunId);
        Assert.Equal(summary.Runs[2].RunId, (await worker.Lease())?.RunId);
        Assert.Null(await worker.Lease());
        Assert.NotEqual(first.RunId, second.RunId);
    }

    [Fact]
    public async Task CancelledSweep_IsWithdrawn_AndStaysWithdrawnAfterAReactivation()
    {
        var spec = TestSpecs.Tiny(("constant", 30), ("linear", 20), ("cosine", 10));
        var sweep = Grains.GetGrain<ISweepGrain>(TestSpecs.NewSweepId());
        await sweep.Start(spec);

        await sweep.Cancel();
        await Eventually.Get(() => Queue(spec.Pool).GetStats(), s => s.Queued == 0 && s.Leased == 0, "the cancelled runs out of the queue");
        await ReactivateQueueAsync(spec.Pool);

        Assert.Equal(new QueueStats(0, 0, 0), await Queue(spec.Pool).GetStats());
        Assert.Null(await new ScriptedWorker(Grains, spec.Pool, "w1").Lease());
    }

    [Fact]
    public async Task WithdrawAfterTheRunsForgetArrived_StillRemovesThemFromTheStoredBacklog()
    {
        // A cancel marks its runs first; their one-way Forget messages can reach the queue before the Withdraw does.
        var spec = TestSpecs.Tiny(("constant", 30), ("linear", 20), ("cosine", 10));
        var summary = await Grains.GetGrain<ISweepGrain>(TestSpecs.NewSweepId()).Start(spec);
        var queue = Queue(spec.Pool);
        var runIds = summary.Runs.Select(r => r.RunId).ToArray();
        foreach (var runId in runIds) await queue.Forget(runId);

        await queue.Withdraw(runIds);
        await ReactivateQueueAsync(spec.Pool);

        Assert.Equal(new QueueStats(0, 0, 0), await Queue(spec.Pool).GetStats());
    }

    [Fact]
    public async Task RunCancelledWhileWaiting_IsPassedOver_BeforeAndAfterAReactivation()
    {
        var spec = TestSpecs.Tiny(("constant", 30), ("linear", 20), ("cosine", 10), ("constant", 5));
        var summary = await Grains.GetGrain<ISweepGrain>(TestSpecs.NewSweepId()).Start(spec);
        var worker = new ScriptedWorker(Grains, spec.Pool, "w1");

        await Grains.GetGrain<IRunGrain>(summary.Runs[1].RunId).Cancel();
        await Eventually.Get(() => Queue(spec.Pool).GetStats(), s => s.Queued == 3, "the cancelled run out of the queue");
        Assert.Equal(summary.Runs[0].RunId, (await worker.Lease())?.RunId);
        Assert.Equal(summary.Runs[2].RunId, (await worker.Lease())?.RunId);

        await Grains.GetGrain<IRunGrain>(summary.Runs[3].RunId).Cancel();
        await Eventually.Get(() => Queue(spec.Pool).GetStats(), s => s.Queued == 0, "the second cancelled run out of the queue");
        await ReactivateQueueAsync(spec.Pool);
        Assert.Null(await worker.Lease());
        Assert.Equal(new QueueStats(0, 2, 0), await Queue(spec.Pool).GetStats());
    }

    private IWorkQueueGrain Queue(string pool) => Grains.GetGrain<IWorkQueueGrain>(pool);

    /// <summary>Deactivates the queue grain: the next call activates it from its stored state.</summary>
    private async Task ReactivateQueueAsync(string pool) => await Queue(pool).Cast<IGrainManagementExtension>().DeactivateOnIdle();
}
