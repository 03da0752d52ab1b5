using Orleans.Concurrency;

namespace Anneal.Contracts.Work;

/// <summary>
/// The pull-based work queue (one per worker pool, keyed by the pool's name, <see cref="DefaultPool"/> unless a spec
/// names another). Workers lease runs from it; it watches
/// leases and puts back runs whose lease lapsed. Runs are handed out in the order they were enqueued; requeued
/// runs go first, since they have progress to resume.
/// </summary>
[Alias("anneal.IWorkQueueGrain")]
public interface IWorkQueueGrain : IGrainWithStringKey
{
    public const string DefaultPool = "default";

    /// <summary>Adds runs at the back of the queue, in order (already present ones are left where they are).</summary>
    [Alias("Enqueue")]
    Task Enqueue(IReadOnlyList<string> runIds);

    /// <summary>Puts a run back at the front (its lease was given back or a retry is due). One-way: runs call it.</summary>
    [Alias("Requeue"), OneWay]
    Task Requeue(string runId);

    /// <summary>Stops watching a run that reached a final status. One-way: runs call it.</summary>
    [Alias("Forget"), OneWay]
    Task Forget(string runId);

    /// <summary>Removes runs that must not start (their sweep was cancelled).</summary>
    [Alias("Withdraw")]
    Task Withdraw(IReadOnlyList<string> runIds);

    /// <summary>Leases the next run to <paramref name="workerId"/>, or returns null when nothing is waiting.</summary>
    [Alias("TryLease")]
    Task<RunLease?> TryLease(string workerId, TimeSpan leaseDuration);

    [Alias("GetStats")]
    Task<QueueStats> GetStats();
}
