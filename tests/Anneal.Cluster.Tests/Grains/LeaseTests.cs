using Anneal.Cluster.Tests.Infrastructure;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Sweeps;
using Anneal.Contracts.Work;

namespace Anneal.Cluster.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class LeaseTests(ClusterFixture fixture)
{
    private static readonly TimeSpan ShortLease = TimeSpan.FromMilliseconds(400);

    private IGrainFactory Grains => fixture.Grains;

    private async Task<(ScriptedWorker Worker, RunLease Lease, string Pool)> StartOneRun(int steps = 40, TimeSpan? lease = null)
    {
        var spec = TestSpecs.Tiny(("linear", steps));
        await Grains.GetGrain<ISweepGrain>(TestSpecs.NewSweepId()).Start(spec);
        var worker = new ScriptedWorker(Grains, spec.Pool, "hung-worker");
        var granted = await worker.Lease(lease);
        Assert.NotNull(granted);
        return (worker, granted, spec.Pool);
    }

    [Fact]
    public async Task LapsedLease_RequeuesTheRun_ToResumeFromItsCheckpoint()
    {
        var (worker, lease, pool) = await StartOneRun(lease: ShortLease);
        await worker.Report(lease, 1, 10);
        Assert.Equal(LeaseVerdict.Accepted, (await worker.Checkpoint(lease, 10)).Verdict);
        await worker.Report(lease, 11, 15);
        // The worker now hangs: no renewals. The queue notices the lapse and offers the run again.

        var other = new ScriptedWorker(Grains, pool, "healthy-worker");
        var resumed = await Eventually.Get(() => other.Lease(), l => l is not null, "the lapsed run back in the queue");

        Assert.Equal(lease.RunId, resumed!.RunId);
        Assert.True(resumed.Epoch > lease.Epoch);
        Assert.Equal(10, resumed.ResumeFrom?.Step);
        var summary = await Grains.GetGrain<IRunGrain>(lease.RunId).GetSummary();
        Assert.Equal(2, summary.Attempts);
        Assert.Equal(1, (await Grains.GetGrain<IWorkQueueGrain>(pool).GetStats()).LeaseExpiries);
    }

    [Fact]
    public async Task RunThatLosesEveryWorker_FailsAtTheLapseCap_WithTheReason_WhileTheOtherRunCompletes()
    {
        var spec = TestSpecs.Tiny(("linear", 20), ("cosine", 20));
        await Grains.GetGrain<ISweepGrain>(TestSpecs.NewSweepId()).Start(spec);
        var healthy = new ScriptedWorker(Grains, spec.Pool, "healthy-worker");
        var carriesOn = await healthy.Lease(TimeSpan.FromMinutes(1));
        Assert.NotNull(carriesOn);

        // Each worker that takes the poison run dies at once: no renewals, the lease lapses (cap 3 in the fixture).
        RunLease? poison = null;
        for (var worker = 1; worker <= 3; worker++)
        {
            var dying = new ScriptedWorker(Grains, spec.Pool, $"dying-worker-{worker}");
            poison = await Eventually.Get(() => dying.Lease(ShortLease), l => l is not null, $"the poison run offered to worker {worker}");
            await dying.Report(poison!, 1, 5);
        }
        var run = Grains.GetGrain<IRunGrain>(poison!.RunId);
        var failed = await Eventually.Get(run.GetSummary, r => r.Status.IsTerminal(), "the poison run to fail after its third lapse");

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Equal("lost its worker 3 times; last: lease lapsed on dying-worker-3", failed.FailureReason);
        Assert.Null(await new ScriptedWorker(Grains, spec.Pool, "late-worker").Lease());
        await healthy.RunToCompletion(carriesOn!);
        Assert.Equal(RunStatus.Completed, (await Grains.GetGrain<IRunGrain>(carriesOn!.RunId).GetSummary()).Status);
    }

    [Fact]
    public async Task FencedWorker_LateProgressCheckpointAndCompletion_AreRefused()
    {
        var (hung, stale, pool) = await StartOneRun(steps: 20, lease: ShortLease);
        await hung.Report(stale, 1, 10);
        await hung.Checkpoint(stale, 10);
        var healthy = new ScriptedWorker(Grains, pool, "healthy-worker");
        var current = await Eventually.Get(() => healthy.Lease(), l => l is not null, "the lapsed run back in the queue");

        // The hung worker wakes up and carries on as if nothing happened.
        Assert.Equal(LeaseVerdict.Fenced, (await hung.Report(stale, 11, 20)).Verdict);
        Assert.Equal(LeaseVerdict.Fenced, (await hung.Checkpoint(stale, 20)).Verdict);
        Assert.Equal(LeaseVerdict.Fenced, await hung.Complete(stale));
        Assert.Equal(LeaseVerdict.Fenced, await Grains.GetGrain<IRunGrain>(stale.RunId).Renew(stale.Epoch));

        var details = await Grains.GetGrain<IRunGrain>(stale.RunId).GetDetails();
        Assert.Equal(10, details.Summary.Progress?.Step);
        Assert.Equal(10, details.Checkpoint?.Step);
        Assert.Equal(stale.Epoch, details.Checkpoint?.Epoch);
        Assert.True(current!.Epoch > stale.Epoch);
        await healthy.RunToCompletion(current!);
        Assert.Equal(RunStatus.Completed, (await Grains.GetGrain<IRunGrain>(stale.RunId).GetSummary()).Status);
    }

    [Fact]
    public async Task RenewedLease_DoesNotLapse()
    {
        // Long enough that a busy machine's pauses between renewals (a second or more under CI load) never lapse it.
        var leaseDuration = TimeSpan.FromSeconds(3);
        var (worker, lease, pool) = await StartOneRun(lease: leaseDuration);
        var run = Grains.GetGrain<IRunGrain>(lease.RunId);
        var until = DateTime.UtcNow + leaseDuration * 3;
        while (DateTime.UtcNow < until)
        {
            Assert.Equal(LeaseVerdict.Accepted, await run.Renew(lease.Epoch));
            await Task.Delay(leaseDuration / 10);
        }

        Assert.Equal(RunStatus.Running, (await run.GetSummary()).Status);
        Assert.Null(await worker.Lease());
        Assert.Equal(0, (await Grains.GetGrain<IWorkQueueGrain>(pool).GetStats()).LeaseExpiries);
    }

    [Fact]
    public async Task ReleasedLease_PutsTheRunBackFirst_WithItsCheckpoint()
    {
        var (worker, lease, pool) = await StartOneRun();
        await worker.Report(lease, 1, 20);
        await worker.Checkpoint(lease, 20);

        Assert.Equal(LeaseVerdict.Accepted, await Grains.GetGrain<IRunGrain>(lease.RunId).Release(lease.Epoch));

        var next = await Eventually.Get(() => worker.Lease(), l => l is not null, "the released run back in the queue");
        Assert.Equal(lease.RunId, next!.RunId);
        Assert.Equal(20, next.ResumeFrom?.Step);
        Assert.Equal(LeaseVerdict.Fenced, (await worker.Report(lease, 21, 25)).Verdict);
    }

    [Fact]
    public async Task ResumedRun_RepeatedStepsAreNotCountedTwice()
    {
        var (worker, lease, _) = await StartOneRun(steps: 30);
        await worker.Report(lease, 1, 15);
        await worker.Checkpoint(lease, 10);

        // Resumed from step 10, the run reports steps 11..15 again, then goes on.
        var ack = await worker.Report(lease, 11, 30);

        Assert.Equal(31, ack.NextStep);
        var details = await Grains.GetGrain<IRunGrain>(lease.RunId).GetDetails();
        Assert.Equal(30, details.Curve.LastStep);
        Assert.Equal(30, details.Curve.Means.Count);
        for (var step = 1; step <= 30; step++)
            Assert.Equal(ScriptedWorker.LossAt(step), details.Curve.Means[step - 1]);
    }

    [Fact]
    public async Task ProgressWithAGap_AsksTheWorkerToResendFromTheFirstMissingStep()
    {
        var (worker, lease, _) = await StartOneRun(steps: 30);
        await worker.Report(lease, 1, 10);

        var ack = await worker.Report(lease, 16, 20);

        Assert.Equal(LeaseVerdict.Accepted, ack.Verdict);
        Assert.Equal(11, ack.NextStep);
        Assert.Equal(10, (await Grains.GetGrain<IRunGrain>(lease.RunId).GetSummary()).Progress?.Step);
    }

    [Fact]
    public async Task CheckpointAhead_OfReportedProgress_IsRefused()
    {
        var (worker, lease, _) = await StartOneRun(steps: 30);
        await worker.Report(lease, 1, 10);

        await Assert.ThrowsAsync<InvalidOperationException>(() => worker.Checkpoint(lease, 20));
    }
}
