using Anneal.Contracts.Runs;
using Anneal.Ml.Data;
using Anneal.Silo.Datasets;

namespace Anneal.Silo.Workers;

/// <summary>
/// Loads each dataset once per silo and shares it between slots and runs (images are read-only). Keyed by dataset and
/// folder; the synthetic dataset also by seed, because `anneal train` draws it from the run's seed. Holds at most
/// <see cref="Capacity"/> datasets: a sweep over many seeds of the synthetic dataset, or many folders, would otherwise
/// keep every one loaded. Beyond that the least recently used is dropped (a run still training on it keeps its own
/// reference; the memory goes when that run ends). A load under way is shared too (<see cref="SharedDatasetLoad"/>).
/// </summary>
/// <param name="roots">The folders a run's data folder must lie under (--data-root).</param>
public sealed class DatasetCache(int capacity, DataRoots roots)
{
    private readonly object _gate = new();
    // Most recently used last. A handful of entries: a list is simpler than a linked map and as fast.
    private readonly List<(string Key, SharedDatasetLoad Load)> _loaded = [];

    public int Capacity { get; } = capacity >= 1 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "at least one dataset");

    /// <summary>The keys held now, least recently used first.</summary>
    public IReadOnlyList<string> Keys
    {
        get
        {
            lock (_gate) return [.. _loaded.Select(e => e.Key)];
        }
    }

    /// <param name="chunkRead">
    /// Called each time the load (this caller's, or the one under way it waits for) has read another chunk, on the
    /// loading thread: how an attempt shows it advances while loading.
    /// </param>
    /// <exception cref="DatasetException">Missing or malformed files, or a folder outside the data roots; the next call tries again.</exception>
    public DatasetSplits Get(RunDefinition run, Action? chunkRead = null)
    {
        roots.Check(run.DataDir);
        var seed = run.Dataset == DatasetCatalog.Synthetic ? run.Seed : 0;
        var key = KeyOf(run);
        SharedDatasetLoad load;
        lock (_gate)
        {
            var index = _loaded.FindIndex(e => e.Key == key);
            if (index >= 0)
            {
                load = _loaded[index].Load;
                _loaded.RemoveAt(index);
            }
            else
            {
                load = new SharedDatasetLoad(beat => DatasetCatalog.Load(run.Dataset, run.DataDir, download: true, seed, beat));
            }
            _loaded.Add((key, load));
            if (_loaded.Count > Capacity) _loaded.RemoveAt(0);
        }
        try
        {
            return load.Get(chunkRead);
        }
        catch
        {
            lock (_gate) _loaded.RemoveAll(e => ReferenceEquals(e.Load, load));
            throw;
        }
    }

    /// <summary>
    /// Forgets the run's dataset if it is still loading: an attempt gave up on that load as stuck, so the next attempt
    /// reads afresh instead of waiting on it. The stuck read's thread is left behind.
    /// </summary>
    public void ForgetUnfinished(RunDefinition run)
    {
        var key = KeyOf(run);
        lock (_gate) _loaded.RemoveAll(e => e.Key == key && !e.Load.IsLoaded);
    }

    public static string KeyOf(RunDefinition run) =>
        $"{run.Dataset}|{run.DataDir}|{(run.Dataset == DatasetCatalog.Synthetic ? run.Seed : 0)}";
}
