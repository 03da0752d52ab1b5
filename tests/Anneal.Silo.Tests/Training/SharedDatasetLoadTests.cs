using Anneal.Contracts.Runs;
using Anneal.Silo.Datasets;
using Anneal.Silo.Workers;
using Anneal.Vocabulary;

namespace Anneal.Silo.Tests.Training;

/// <summary>Two slots asking the dataset cache for the same dataset at once share one load, and both hear it advance.</summary>
public sealed class SharedDatasetLoadTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public void ASlotWaitingOnAnotherSlotsLoad_HearsEveryChunkThatLoadReadsWhileItWaits()
    {
        var cache = new DatasetCache(capacity: 2, new DataRoots(null));
        var run = Synthetic();
        var waiterChunks = 0;
        Thread? waiter = null;
        Anneal.Ml.Data.DatasetSplits? waited = null;
        var loaderChunks = 0;

        var loaded = cache.Get(run, () =>
        {
            if (++loaderChunks != 1) return;
            // At the first chunk, a second slot asks for the same dataset; the load goes on once it waits on this one.
            waiter = new Thread(() => waited = cache.Get(run, () => Interlocked.Increment(ref waiterChunks)));
            waiter.Start();
            var deadline = DateTime.UtcNow + Patience;
            while ((waiter.ThreadState & ThreadState.WaitSleepJoin) == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "the second slot never started waiting on the load under way");
                Thread.Yield();
            }
        });
        Assert.True(waiter!.Join(Patience), "the waiting slot never got the dataset");

        Assert.Same(loaded, waited);
        Assert.Equal(11, loaderChunks); // 10,000 training and 1,000 test images, drawn 1,000 at a time
        Assert.Equal(loaderChunks - 1, waiterChunks);
    }

    [Fact]
    public void ALoadGivenUpAsStuck_IsForgotten_SoTheNextAttemptLoadsAfresh()
    {
        var cache = new DatasetCache(capacity: 2, new DataRoots(null));
        var run = Synthetic();
        using var release = new ManualResetEventSlim();
        using var stuck = new ManualResetEventSlim();
        var first = new Thread(() => cache.Get(run, () =>
        {
            stuck.Set();
            release.Wait();
        }));
        first.Start();
        Assert.True(stuck.Wait(Patience), "the first load never read a chunk");

        cache.ForgetUnfinished(run);
        var fresh = cache.Get(run);

        Assert.Equal(11_000, fresh.Train.Count + fresh.Test.Count);
        Assert.Equal([DatasetCache.KeyOf(run)], cache.Keys);
        release.Set();
        Assert.True(first.Join(Patience));
    }

    private static RunDefinition Synthetic() => new()
    {
        RunId = "shared-load-test/1", SweepId = "shared-load-test", SweepName = "shared-load-test", Index = 0, Label = "constant",
        Variant = "constant", Steps = 10, Seed = 7, Dataset = KnownDatasets.Synthetic, BatchSize = 8, LearningRate = 1e-3,
    };
}
