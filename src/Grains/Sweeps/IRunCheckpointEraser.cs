namespace Anneal.Grains.Sweeps;

/// <summary>
/// Removes every checkpoint a run left in the silo's checkpoint store, for <see cref="SweepGrain"/> deleting a sweep.
/// The silo host registers it over its checkpoint store; a host without one (grains alone, in memory) registers none.
/// </summary>
public interface IRunCheckpointEraser
{
    /// <returns>How many checkpoints were removed.</returns>
    Task<int> EraseAsync(string runId, CancellationToken cancellationToken = default);
}
