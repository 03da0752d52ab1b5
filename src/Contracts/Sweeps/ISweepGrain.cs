using Orleans.Concurrency;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Specs;

namespace Anneal.Contracts.Sweeps;

/// <summary>
/// A sweep (key: sweep id, see <see cref="SweepIds.New"/>). Start expands the spec into one run per spec run and
/// seed, queues them, and from then on the sweep tracks their status and results until every run has finished.
/// </summary>
[Alias("anneal.ISweepGrain")]
public interface ISweepGrain : IGrainWithStringKey
{
    /// <summary>
    /// Validates, stores and starts the sweep. Throws <see cref="SweepSpecException"/> (nothing stored) for an invalid
    /// spec. Starting an existing sweep again with the same spec returns its summary; with another spec it throws.
    /// </summary>
    [Alias("Start")]
    Task<SweepSummary> Start(SweepSpec spec);

    /// <summary>The sweep's status and every run's summary. Throws <see cref="KeyNotFoundException"/> for an unknown id.</summary>
    [Alias("GetSummary")]
    Task<SweepSummary> GetSummary();

    /// <summary>Whether a sweep with this id was ever started.</summary>
    [Alias("Exists")]
    Task<bool> Exists();

    /// <summary>Cancels every run not yet finished (each is marked cancelled before it leaves the queue); finished runs keep their results.</summary>
    [Alias("Cancel")]
    Task<SweepSummary> Cancel();

    /// <summary>
    /// Requeues every failed run (each resumes from its checkpoint) and puts the sweep back to running; returns the
    /// summary. Throws <see cref="InvalidOperationException"/> for a cancelled sweep.
    /// </summary>
    [Alias("Retry")]
    Task<SweepSummary> Retry();

    /// <summary>
    /// Removes the finished sweep and everything it stored: every run's state and checkpoints, the sweep's state and its
    /// catalog line; returns how many runs were removed. Throws <see cref="InvalidOperationException"/> while the sweep
    /// is running (cancel it first). Repeating it after a partial failure finishes the removal.
    /// </summary>
    [Alias("Delete")]
    Task<int> Delete();

    /// <summary>A run tells its sweep what changed (status, progress). One-way: runs never wait on their sweep.</summary>
    [Alias("RunChanged"), OneWay]
    Task RunChanged(RunSummary run);
}
