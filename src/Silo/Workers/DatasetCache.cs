using System.Collections.Concurrent;
using Anneal.Contracts.Runs;
using Anneal.Ml.Data;
using Anneal.Silo.Datasets;

namespace Anneal.Silo.Workers;

/// <summary>
/// Loads each dataset once per silo and shares it between slots and runs (images are read-only). Keyed by dataset and
/// folder; the synthetic dataset also by seed, because `anneal train` draws it from the run's seed.
/// </summary>
public sealed class DatasetCache(DataRoots roots)
{
    private readonly ConcurrentDictionary<string, Lazy<DatasetSplits>> _loaded = new();

    /// <exception cref="DatasetException">Missing or malformed files, or a folder outside the data roots; the next call tries again.</exception>
    public DatasetSplits Get(RunDefinition run)
    {
        roots.Check(run.DataDir);
        var seed = run.Dataset == DatasetCatalog.Synthetic ? run.Seed : 0;
        var key = $"{run.Dataset}|{run.DataDir}|{seed}";
        var lazy = _loaded.GetOrAdd(key, _ => new Lazy<DatasetSplits>(
            () => DatasetCatalog.Load(run.Dataset, run.DataDir, download: true, seed),
            LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            _loaded.TryRemove(new KeyValuePair<string, Lazy<DatasetSplits>>(key, lazy));
            throw;
        }
    }
}
