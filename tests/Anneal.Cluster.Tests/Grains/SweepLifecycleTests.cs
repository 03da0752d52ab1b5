using Anneal.Cluster.Tests.Infrastructure;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Sweeps;
using Anneal.Contracts.Work;

namespace Anneal.Cluster.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class SweepLifecycleTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task CompletedRuns_AreAggregatedIntoTheSweepSummary()
    {
        var spec = TestSpecs.Tiny(("linear", 20), ("cosine", 10));
        var sweep = Grains.GetGrain<ISweepGrain>(TestSpecs.NewSweepId());
        await sweep.Start(spec);
        var worker = new ScriptedWorker(Grains, spec.Pool, "w");

        while (await worker.Lease() is { } lease)
            await worker.RunToCompletion(lease, finalLoss: lease.Definition.Steps / 100.0);

        var summary = await Eventually.Get(sweep.GetSummary, s => s.Status == SweepStatus.Completed, "the sweep completed");
        Assert.Equal(new RunCounts(0, 0, 2, 0, 0), summary.Counts);
        Assert.NotNull(summary.FinishedAt);
        var linear = summary.Runs.Single(r => r.Variant == "linear");
        Assert.Equal(RunStatus.Completed, linear.Status);
        Assert.Equal(0.2, linear.FinalEvaluation?.Loss);
        Assert.Equal(20, linear.Progress?.Step);
        Assert.Equal(1, linear.Attempts);
        // Smoothed over the last 10 steps (the spec's window): the mean of 2.5/s for s = 11..20.
        var expected = Enumerable.Range(11, 10).Average(s => (double)ScriptedWorker.LossAt(s));
        Assert.Equal(expected, linear.Progress!.SmoothedLoss, 6);
        Assert.Equal(0.1, summary.Runs.Single(r => r.Variant == "cosine").FinalEvaluation?.Loss);

        var listing = await Eventually.Get(
            () => Grains.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key).List(1000, null),
            l => l.Any(x => x.SweepId == summary.SweepId && x.Status == SweepStatus.Completed),
            "the catalog showing the sweep completed");
        Assert.Equal(2, listing.Single(x => x.SweepId == summary.SweepId).Counts.Completed);
    }

    [Fact]
    public async Task CompleteBeforeEveryStepIsReported_IsRefused()
    {
        var spec = TestSpecs.Tiny(("linear", 20));
        await Grains.GetGrain<ISweepGrain>(TestSpecs.NewSweepId()).Start(spec);
        var worker = new ScriptedWorker(Grains, spec.Pool, "w");
        var lease = (await worker.Lease())!;
        await worker.Report(lease, 1, 15);

        await Assert.ThrowsAsync<InvalidOperationException>(() => worker.Complete(lease));
    }

    [Fact]
    public async Task Cancel_StopsRunningAndQueuedRuns_AndKeepsFinishedResults()
    {
        var spec = TestSpecs.Tiny(("linear", 30), ("cosine", 20), ("constant", 10));
        var sweep = Grains.GetGrain<ISweepGrain>(TestSpecs.NewSweepId());
        await sweep.Start(spec);
        var worker = new ScriptedWorker(Grains, spec.Pool, "w");
        var running = (await worker.Lease())!;
        var finished = (await worker.Lease())!;
        await worker.RunToCompletion(finished);
        await worker.Report(running, 1, 5);

        var cancelled = await sweep.Cancel();

        Assert.Equal(SweepStatus.Cancelled, cancelled.Status);
        Assert.Equal(new RunCounts(0, 0, 1, 0, 2), cancelled.Counts);
        Assert.Equal(LeaseVerdict.Cancelled, await Grains.GetGrain<IRunGrain>(running.RunId).Renew(running.Epoch));
        Assert.Equal(LeaseVerdict.Cancelled, (await worker.Report(running, 6, 10)).Verdict);
        Assert.Null(await worker.Lease());
        Assert.Equal(RunStatus.Completed, (await Grains.GetGrain<IRunGrain>(finished.RunId).GetSummary()).Status);
        await Eventually.Get(() => Grains.GetGrain<IWorkQueueGrain>(spec.Pool).GetStats(), s => s.Leased == 0 && s.Queued == 0,
            "the queue to forget the cancelled runs");
    }

    [Fact]
    public async Task RepeatedSameFailure_MarksTheRunFailedWithTheReason()
    {
        var spec = TestSpecs.Tiny(("linear", 20));
        var sweep = Grains.GetGrain<ISweepGrain>(TestSpecs.NewSweepId());
        await sweep.Start(spec);
        var worker = new ScriptedWorker(Grains, spec.Pool, "w");

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var lease = await Eventually.Get(() => worker.Lease(), l => l is not null, $"attempt {attempt} to be offered");
            Assert.Equal(attempt, (await Grains.GetGrain<IRunGrain>(lease!.RunId).GetSummary()).Attempts);
            Assert.Equal(LeaseVerdict.Accepted, await Grains.GetGrain<IRunGrain>(lease.RunId).Fail(lease.Epoch, "out of memory", permanent: false));
        }

        var summary = await Eventually.Get(sweep.GetSummary, s => s.Status == SweepStatus.Failed, "the sweep failed");
        var run = summary.Runs.Single();
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(3, run.Attempts);
        Assert.Contains("out of memory", run.FailureReason);
        Assert.Null(await worker.Lease());
    }

    [Fact]
    public async Task DifferentFailures_AreRetried_AndAPermanentOneIsFinal()
    {
        var spec = TestSpecs.Tiny(("linear", 20));
        var sweep = Grains.GetGrain<ISweepGrain>(TestSpecs.NewSweepId());
        await sweep.Start(spec);
        var worker = new ScriptedWorker(Grains, spec.Pool, "w");

        foreach (var reason in new[] { "a", "b", "a", "b" })
        {
            var lease = await Eventually.Get(() => worker.Lease(), l => l is not null, "a retry to be offered");
            await Grains.GetGrain<IRunGrain>(lease!.RunId).Fail(lease.Epoch, reason, permanent: false);
        }
        var last = await Eventually.Get(() => worker.Lease(), l => l is not null, "a retry to be offered");
        await Grains.GetGrain<IRunGrain>(last!.RunId).Fail(last.Epoch, "dataset file truncated", permanent: true);

        var run = (await Eventually.Get(sweep.GetSummary, s => s.Status == SweepStatus.Failed, "the sweep failed")).Runs.Single();
        Assert.Equal(5, run.Attempts);
        Assert.Equal("dataset file truncated", run.FailureReason);
    }
}
