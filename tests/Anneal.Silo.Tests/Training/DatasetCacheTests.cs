using Anneal.Contracts.Runs;
using Anneal.Contracts.Specs;
using Anneal.Silo.Datasets;
using Anneal.Silo.Workers;
using Anneal.Vocabulary;

namespace Anneal.Silo.Tests.Training;

public sealed class DatasetCacheTests
{
    [Fact]
    public void BeyondItsCapacity_TheLeastRecentlyUsedDatasetIsDropped()
    {
        var cache = new DatasetCache(capacity: 2, new DataRoots(null));
        var seed1 = cache.Get(Synthetic(1));
        var seed2 = cache.Get(Synthetic(2));
        Assert.Same(seed1, cache.Get(Synthetic(1))); // seed 1 is now the most recently used

        cache.Get(Synthetic(3));

        Assert.Equal([DatasetCache.KeyOf(Synthetic(1)), DatasetCache.KeyOf(Synthetic(3))], cache.Keys);
        Assert.Same(seed1, cache.Get(Synthetic(1)));
        Assert.NotSame(seed2, cache.Get(Synthetic(2))); // dropped, so loaded again
    }

    private static RunDefinition Synthetic(int seed) => new()
    {
        RunId = $"cache-test/{seed}", SweepId = "cache-test", SweepName = "cache-test", Index = seed, Label = "constant",
        Variant = "constant", Steps = 10, Seed = seed, Dataset = KnownDatasets.Synthetic, BatchSize = 8, LearningRate = 1e-3,
    };
}
