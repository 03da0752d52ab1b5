using Anneal.Cluster.Tests.Infrastructure;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Sweeps;
using Anneal.Contracts.Work;

namespace Anneal.Cluster.Tests.Grains;

/// <summary>Sweeps finish whatever messages are lost, and a retried submit starts one sweep, not two.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SweepConvergenceTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task SweepThatHeardNoneOfItsRunsUpdates_StillCompletes()
    {
        var spec = TestSpecs.Tiny(("linear", 20), ("cosine", 10));
        var id = TestSpecs.NewSweepId();
        var sweep = Grains.GetGrain<ISweepGrain>(id);
        await sweep.Start(spec);
        MessageFaults.Deafen(id);
        try
        {
            var worker = new ScriptedWorker(Grains, spec.Pool, "w");
            while (await worker.Lease() is { } lease)
                await worker.RunToCompletion(lease);

            // Only the reconcile timer can tell the sweep: no update reaches it, and it stays active (no activation).
            var summary = await Eventually.Get(sweep.GetSummary, s => s.Status != SweepStatus.Running, "the sweep to finish",
                TimeSpan.FromSeconds(60));
            Assert.Equal(SweepStatus.Completed, summary.Status);
            Assert.Equal(new RunCounts(0, 0, 2, 0, 0), summary.Counts);
            Assert.All(summary.Runs, r => Assert.Equal(r.Steps, r.Progress?.Step));
        }
        finally
        {
            MessageFaults.Hear(id);
        }
    }

    [Fact]
    public async Task SweepThatIsNotActive_AndHearsNothing_IsWokenByTheCatalog_AndCompletes()
    {
        var spec = TestSpecs.Tiny(("linear", 20));
        var id = TestSpecs.NewSweepId();
        var sweep = Grains.GetGrain<ISweepGrain>(id);
        await sweep.Start(spec);
        var catalog = Grains.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key);
        await Eventually.Get(() => catalog.List(1000, null), l => l.Any(s => s.SweepId == id), "the catalog to list the sweep");
        MessageFaults.Deafen(id);
        try
        {
            // As if its silo died: the sweep is gone from memory and no run update reaches it (none activates it either).
            await Grains.GetGrain<IManagementGrain>(0).DeactivateGrain(sweep.GetGrainId());
            var worker = new ScriptedWorker(Grains, spec.Pool, "w");
            await worker.RunToCompletion((await worker.Lease())!);

            // Nothing here calls the sweep: only the catalog's wake-up can bring it back to reconcile.
            var listing = await Eventually.Get(() => catalog.List(1000, null),
                l => l.Single(s => s.SweepId == id).Status != SweepStatus.Running, "the catalog to list the sweep finished", TimeSpan.FromSeconds(60));
            Assert.Equal(SweepStatus.Completed, listing.Single(s => s.SweepId == id).Status);
        }
        finally
        {
            MessageFaults.Hear(id);
        }
    }

    [Fact]
    public async Task ARunsRevision_GrowsWithWrittenChangesOnly_AndProgressWithinOneIsOrderedByStep()
    {
        var spec = TestSpecs.Tiny(("linear", 20));
        var sweep = Grains.GetGrain<ISweepGrain>(TestSpecs.NewSweepId());
        await sweep.Start(spec);
        var worker = new ScriptedWorker(Grains, spec.Pool, "w");
        var lease = (await worker.Lease())!;
        var run = Grains.GetGrain<IRunGrain>(lease.RunId);
        var granted = (await run.GetSummary()).Revision;

        await worker.Report(lease, 1, 5);
        await worker.Report(lease, 6, 10);

        // Progress is held in memory between writes: a restarted run grain must not fall behind a revision it sent.
        Assert.Equal(granted, (await run.GetSummary()).Revision);
        var seen = await Eventually.Get(sweep.GetSummary, s => s.Runs[0].Progress?.Step == 10, "the sweep to see step 10");
        Assert.Equal(granted, seen.Runs[0].Revision);
        await worker.Checkpoint(lease, 10);
        Assert.True((await run.GetSummary()).Revision > granted);
    }

    [Fact]
    public async Task SubmissionWhoseReplyWasLost_RetriesIntoTheSameSweep_AndASecondSubmissionIsANewSweep()
    {
        var spec = TestSpecs.Tiny(("linear", 20), ("cosine", 10));
        var submission = new SweepSubmission(spec);
        MessageFaults.LoseStartReplies(submission.SweepId, 2);
        // The fault is real: without a retry, the caller sees the lost reply.
        await Assert.ThrowsAsync<TimeoutException>(() => submission.SubmitAsync(Grains, attempts: 1));

        var started = await submission.SubmitAsync(Grains, pause: TimeSpan.FromMilliseconds(10));

        Assert.Equal(submission.SweepId, started.SweepId);
        Assert.Equal(2, started.Runs.Count);
        Assert.Equal(2, (await Grains.GetGrain<IWorkQueueGrain>(spec.Pool).GetStats()).Queued);
        var again = await new SweepSubmission(spec).SubmitAsync(Grains);
        Assert.NotEqual(started.SweepId, again.SweepId);
        Assert.Equal(4, (await Grains.GetGrain<IWorkQueueGrain>(spec.Pool).GetStats()).Queued);
    }

    [Fact]
    public async Task Retry_RequeuesFailedRunsFromTheirCheckpoint_AndTheSweepCompletes()
    {
        var spec = TestSpecs.Tiny(("linear", 20), ("cosine", 10));
        var sweep = Grains.GetGrain<ISweepGrain>(TestSpecs.NewSweepId());
        await sweep.Start(spec);
        var worker = new ScriptedWorker(Grains, spec.Pool, "w");
        var failing = (await worker.Lease())!;
        await worker.Report(failing, 1, 10);
        await worker.Checkpoint(failing, 10);
        await Grains.GetGrain<IRunGrain>(failing.RunId).Fail(failing.Epoch, "bad batch", permanent: true);
        await worker.RunToCompletion((await worker.Lease())!);
        await Eventually.Get(sweep.GetSummary, s => s.Status == SweepStatus.Failed, "the sweep to fail");

        var retried = await sweep.Retry();

        Assert.Equal(SweepStatus.Running, retried.Status);
        Assert.Null(retried.FinishedAt);
        Assert.Equal(new RunCounts(1, 0, 1, 0, 0), retried.Counts);
        var again = (await worker.Lease())!;
        Assert.Equal(failing.RunId, again.RunId);
        Assert.Equal(10, again.ResumeFrom?.Step);
        await worker.RunToCompletion(again);
        var finished = await Eventually.Get(sweep.GetSummary, s => s.Status == SweepStatus.Completed, "the sweep to complete");
        Assert.Equal(2, finished.Runs.Single(r => r.RunId == failing.RunId).Attempts);
        Assert.Null(finished.Runs.Single(r => r.RunId == failing.RunId).FailureReason);
    }

    [Fact]
    public async Task Retry_OfACancelledSweep_IsRefused()
    {
        var sweep = Grains.GetGrain<ISweepGrain>(TestSpecs.NewSweepId());
        await sweep.Start(TestSpecs.Tiny(("linear", 20)));
        await sweep.Cancel();

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(sweep.Retry);
        Assert.Contains("cancelled", refusal.Message);
    }

    [Fact]
    public async Task Delete_RefusesARunningSweep_AndRemovesAFinishedOneWithItsRunsAndCatalogLine()
    {
        var spec = TestSpecs.Tiny(("linear", 20), ("cosine", 10));
        var id = TestSpecs.NewSweepId();
        var sweep = Grains.GetGrain<ISweepGrain>(id);
        var runIds = (await sweep.Start(spec)).Runs.Select(r => r.RunId).ToArray();
        var catalog = Grains.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key);
        await Eventually.Get(() => catalog.List(1000, null), l => l.Any(s => s.SweepId == id), "the catalog to list the sweep");

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(sweep.Delete);
        Assert.Contains("cancel it first", refusal.Message);
        Assert.True(await sweep.Exists());
        await Assert.ThrowsAsync<InvalidOperationException>(() => Grains.GetGrain<IRunGrain>(runIds[0]).Delete());

        await sweep.Cancel();
        Assert.Equal(2, await sweep.Delete());

        Assert.False(await sweep.Exists());
        await Assert.ThrowsAsync<KeyNotFoundException>(sweep.GetSummary);
        foreach (var runId in runIds)
            await Assert.ThrowsAsync<KeyNotFoundException>(() => Grains.GetGrain<IRunGrain>(runId).GetSummary());
        Assert.DoesNotContain(await catalog.List(1000, null), s => s.SweepId == id);
    }

    [Fact]
    public async Task Catalog_PagesNewestFirst()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = TestSpecs.NewSweepId() + $"-p{i}";
            ids.Add(id);
            await Grains.GetGrain<ISweepGrain>(id).Start(TestSpecs.Tiny(("linear", 20)));
        }
        var catalog = Grains.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key);
        await Eventually.Get(() => catalog.List(1000, null), l => ids.All(id => l.Any(s => s.SweepId == id)), "the catalog to list the sweeps");

        var first = await catalog.List(2, null);
        var second = await catalog.List(2, first[^1].SweepId);

        Assert.Equal([ids[2], ids[1]], first.Select(s => s.SweepId));
        Assert.Equal(ids[0], second[0].SweepId);
        Assert.True(second.Count <= 2);
    }
}
