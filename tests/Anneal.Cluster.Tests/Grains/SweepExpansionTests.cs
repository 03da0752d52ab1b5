using Anneal.Cluster.Tests.Infrastructure;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Specs;
using Anneal.Contracts.Sweeps;
using Anneal.Contracts.Work;

namespace Anneal.Cluster.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class SweepExpansionTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Start_ExpandsEverySpecRunTimesEverySeed_AllQueued()
    {
        var spec = TestSpecs.Tiny(("linear", 20), ("ema-0.999", 40)) with { Seeds = [0, 7] };
        var id = TestSpecs.NewSweepId();

        var summary = await Grains.GetGrain<ISweepGrain>(id).Start(spec);

        Assert.Equal(SweepStatus.Running, summary.Status);
        Assert.Equal(4, summary.Runs.Count);
        Assert.Equal(["linear", "linear", "ema-0.999", "ema-0.999"], summary.Runs.Select(r => r.Variant));
        Assert.Equal([0, 7, 0, 7], summary.Runs.Select(r => r.Seed));
        Assert.Equal([20, 20, 40, 40], summary.Runs.Select(r => r.Steps));
        Assert.All(summary.Runs, r => Assert.Equal(RunStatus.Queued, r.Status));
        Assert.Equal(new RunCounts(4, 0, 0, 0, 0), summary.Counts);

        var details = await Grains.GetGrain<IRunGrain>(summary.Runs[3].RunId).GetDetails();
        Assert.Equal(7, details.Definition.Seed);
        Assert.Equal(spec.BatchSize, details.Definition.BatchSize);
        Assert.Equal(spec.Pool, details.Definition.Pool);
        Assert.Equal(4, (await Grains.GetGrain<IWorkQueueGrain>(spec.Pool).GetStats()).Queued);
    }

    [Fact]
    public async Task TryLease_HandsOutLongestRunsFirst_ThenNothing()
    {
        var spec = TestSpecs.Tiny(("constant", 10), ("cosine", 30), ("linear", 20));
        await Grains.GetGrain<ISweepGrain>(TestSpecs.NewSweepId()).Start(spec);
        var worker = new ScriptedWorker(Grains, spec.Pool, "w1");

        var leases = new List<RunLease>();
        while (await worker.Lease() is { } lease) leases.Add(lease);

        Assert.Equal([30, 20, 10], leases.Select(l => l.Definition.Steps));
        Assert.All(leases, l => Assert.Null(l.ResumeFrom));
        Assert.Equal(new QueueStats(0, 3, 0), await Grains.GetGrain<IWorkQueueGrain>(spec.Pool).GetStats());
    }

    [Fact]
    public async Task Start_InvalidSpec_ThrowsEveryProblem_AndStoresNothing()
    {
        var spec = TestSpecs.Tiny(("linear", 20), ("no-such-variant", -5)) with { BatchSize = 0 };
        var sweep = Grains.GetGrain<ISweepGrain>(TestSpecs.NewSweepId());

        var error = await Assert.ThrowsAsync<SweepSpecException>(() => sweep.Start(spec));

        Assert.Contains("batchSize must be positive, got 0", error.Errors);
        Assert.Contains("runs[1].steps must be positive, got -5", error.Errors);
        Assert.Contains(error.Errors, e => e.StartsWith("runs[1].variant 'no-such-variant' is not a known variant", StringComparison.Ordinal));
        Assert.False(await sweep.Exists());
        Assert.Equal(0, (await Grains.GetGrain<IWorkQueueGrain>(spec.Pool).GetStats()).Queued);
    }

    [Fact]
    public async Task Start_Twice_WithTheSameSpecIsIdempotent_WithAnotherRefused()
    {
        var spec = TestSpecs.Tiny(("linear", 20));
        var sweep = Grains.GetGrain<ISweepGrain>(TestSpecs.NewSweepId());

        var first = await sweep.Start(spec);
        var again = await sweep.Start(spec);

        Assert.Equal(first.CreatedAt, again.CreatedAt);
        Assert.Equal(1, (await Grains.GetGrain<IWorkQueueGrain>(spec.Pool).GetStats()).Queued);
        await Assert.ThrowsAsync<InvalidOperationException>(() => sweep.Start(spec with { BatchSize = 16 }));
    }

    [Fact]
    public async Task GetSummary_OfUnknownSweep_Throws()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Grains.GetGrain<ISweepGrain>(TestSpecs.NewSweepId()).GetSummary());
    }

    [Fact]
    public async Task Catalog_ListsStartedSweeps()
    {
        var id = TestSpecs.NewSweepId();
        await Grains.GetGrain<ISweepGrain>(id).Start(TestSpecs.Tiny(("linear", 20)) with { Name = "listed" });

        var listing = await Eventually.Get(
            () => Grains.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key).List(1000, null),
            list => list.Any(l => l.SweepId == id),
            $"sweep {id} in the catalog");

        var line = listing.Single(l => l.SweepId == id);
        Assert.Equal("listed", line.Name);
        Assert.Equal(1, line.Counts.Total);
    }
}
