using System.Collections.Immutable;
using Anneal.Ml.Data;

namespace Anneal.Silo.Workers;

/// <summary>
/// One dataset's load, run once and shared by every slot that asks for it while it runs. Each caller hears every chunk
/// the load reads from the moment it asks until the load ends, so a slot waiting on another slot's load advances
/// exactly as far as that load does: a stuck load stalls all of them (docs/cluster.md, "A dataset load hangs").
/// </summary>
internal sealed class SharedDatasetLoad
{
    private readonly Lazy<DatasetSplits> _splits;
    private ImmutableList<Action> _listeners = [];

    /// <param name="load">Loads the dataset on the first caller's thread, calling its argument after each chunk read.</param>
    public SharedDatasetLoad(Func<Action, DatasetSplits> load) =>
        _splits = new Lazy<DatasetSplits>(() => load(ChunkRead), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True once the dataset is loaded (not while loading, nor after a failed load).</summary>
    public bool IsLoaded => _splits.IsValueCreated;

    /// <summary>The dataset, loading it or waiting for the load under way; <paramref name="chunkRead"/> hears its chunks meanwhile.</summary>
    public DatasetSplits Get(Action? chunkRead)
    {
        if (chunkRead is null || _splits.IsValueCreated) return _splits.Value;
        ImmutableInterlocked.Update(ref _listeners, l => l.Add(chunkRead));
        try
        {
            return _splits.Value;
        }
        finally
        {
            ImmutableInterlocked.Update(ref _listeners, l => l.Remove(chunkRead));
        }
    }

    private void ChunkRead()
    {
        foreach (var listener in Volatile.Read(ref _listeners)) listener();
    }
}
