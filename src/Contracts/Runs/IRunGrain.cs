using Anneal.Contracts.Work;

namespace Anneal.Contracts.Runs;

/// <summary>
/// One run of a sweep (key: run id, see <see cref="SweepIds.RunId"/>). It owns the run's status, attempts, progress,
/// loss curve, validations and checkpoint, and the lease: every call a worker makes carries the lease epoch and is
/// refused (<see cref="LeaseVerdict.Fenced"/>) unless it is the current one, so a run never has two writers.
/// </summary>
[Alias("anneal.IRunGrain")]
public interface IRunGrain : IGrainWithStringKey
{
    /// <summary>Creates the run as queued; repeating it with the same definition does nothing.</summary>
    [Alias("Initialize")]
    Task Initialize(RunDefinition definition);

    [Alias("GetSummary")]
    Task<RunSummary> GetSummary();

    [Alias("GetDetails")]
    Task<RunDetails> GetDetails();

    /// <summary>Cancels the run; a worker training it learns so at its next renewal (within a second).</summary>
    [Alias("Cancel")]
    Task Cancel();

    /// <summary>
    /// Puts a failed run back to queued, its failure count cleared, so it resumes from its checkpoint; nothing
    /// changes unless the run had failed. Returns the run's summary; the caller enqueues it.
    /// </summary>
    [Alias("Retry")]
    Task<RunSummary> Retry();

    /// <summary>
    /// Removes the finished run's stored state (its sweep is being deleted); the caller removes its checkpoints first.
    /// Throws <see cref="InvalidOperationException"/> for a run not finished.
    /// </summary>
    [Alias("Delete")]
    Task Delete();

    // ---- the work queue's side ----

    /// <summary>Leases a queued run to a worker under a new epoch; null when the run is not waiting for one.</summary>
    [Alias("Grant")]
    Task<RunLease?> Grant(string workerId, TimeSpan leaseDuration);

    /// <summary>Asked by the queue when it believes the lease expired; a lapsed lease is fenced and the run requeued.</summary>
    [Alias("CheckLease")]
    Task<LeaseCheck> CheckLease();

    // ---- the worker's side; each call carries the lease epoch ----

    /// <summary>Extends the lease by its duration; workers call it about once a second, which also carries cancellation.</summary>
    [Alias("Renew")]
    Task<LeaseVerdict> Renew(long epoch);

    /// <summary>Records a batch of steps' losses and any validations; also renews the lease.</summary>
    [Alias("ReportProgress")]
    Task<ProgressAck> ReportProgress(long epoch, ProgressBatch batch);

    /// <summary>
    /// Makes a checkpoint written to the store the one to resume from. The run must already have the losses up to
    /// <paramref name="step"/> (report them first).
    /// </summary>
    [Alias("CommitCheckpoint")]
    Task<CheckpointAck> CommitCheckpoint(long epoch, int step, string location);

    /// <summary>Marks the run completed; the run must have the losses of every step.</summary>
    [Alias("Complete")]
    Task<LeaseVerdict> Complete(long epoch, RunCompletion completion);

    /// <summary>
    /// Reports a failed attempt. The run is retried from its checkpoint unless it failed the same way
    /// <c>MaxSameFailures</c> times in a row, or the failure is <paramref name="permanent"/> (bad data, non-finite loss).
    /// </summary>
    [Alias("Fail")]
    Task<LeaseVerdict> Fail(long epoch, string reason, bool permanent);

    /// <summary>Gives the lease back (the silo is shutting down) so the run resumes elsewhere from its checkpoint.</summary>
    [Alias("Release")]
    Task<LeaseVerdict> Release(long epoch);
}
