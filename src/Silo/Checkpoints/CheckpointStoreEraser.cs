using Anneal.Grains.Sweeps;

namespace Anneal.Silo.Checkpoints;

/// <summary>Lets a sweep being deleted remove its runs' checkpoints from this silo's store, orphans included.</summary>
public sealed class CheckpointStoreEraser(ICheckpointStore store) : IRunCheckpointEraser
{
    public Task<int> EraseAsync(string runId, CancellationToken cancellationToken = default) =>
        store.DeleteRunAsync(runId, keep: null, cancellationToken);
}
