namespace Anneal.Silo.Checkpoints;

/// <summary>
/// Where workers keep checkpoints. Each write goes to a new location named by run, lease epoch and step, so a fenced
/// worker's late write can never overwrite the checkpoint a run resumes from; the run grain says which location counts.
/// Locations are the store's own: it reads and deletes only locations it wrote for the same run (checked by format,
/// run id and signature, see <see cref="CheckpointSigner"/>) and refuses, and logs, anything else.
/// </summary>
public interface ICheckpointStore
{
    /// <returns>The location to commit to the run grain.</returns>
    Task<string> WriteAsync(string runId, long epoch, int step, ReadOnlyMemory<byte> checkpoint, CancellationToken cancellationToken = default);

    /// <exception cref="FileNotFoundException">Nothing at <paramref name="location"/>.</exception>
    /// <exception cref="CheckpointLocationException">Not a location this store wrote for <paramref name="runId"/>.</exception>
    Task<byte[]> ReadAsync(string runId, string location, CancellationToken cancellationToken = default);

    /// <summary>Removes a checkpoint; a missing one is not an error.</summary>
    /// <exception cref="CheckpointLocationException">Not a location this store wrote for <paramref name="runId"/>.</exception>
    Task DeleteAsync(string runId, string location, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes every checkpoint of a run but <paramref name="keep"/> (a location this store wrote for the run): superseded ones, and orphans whose commit failed
    /// or whose worker died between writing and committing. Called when the run completes.
    /// </summary>
    /// <returns>How many were removed.</returns>
    Task<int> DeleteRunAsync(string runId, string? keep, CancellationToken cancellationToken = default);
}
