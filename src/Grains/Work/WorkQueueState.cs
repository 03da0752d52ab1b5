namespace Anneal.Grains.Work;

/// <summary>
/// The work queue's small, often written state: what it handed out and where it is in its <see cref="WorkBacklogState"/>.
/// Written on every lease, requeue and finished run, so it holds nothing that grows with the runs waiting.
/// Stored under the schema in <see cref="Storage.StateSchemas"/>.
/// </summary>
[GenerateSerializer, Alias("anneal.WorkQueueState")]
public sealed class WorkQueueState
{
    /// <summary>
    /// Runs waiting ahead of the backlog, next first: runs put back after a lapsed, failed or released lease (and, in
    /// state written before the backlog existed, the whole queue).
    /// </summary>
    [Id(0)] public List<string> Queued { get; set; } = [];
    /// <summary>Runs handed to workers, with when the queue should next ask whether their lease lapsed.</summary>
    [Id(1)] public Dictionary<string, DateTimeOffset> Leased { get; set; } = [];
    [Id(2)] public long LeaseExpiries { get; set; }
    /// <summary>The <see cref="WorkBacklogState.Generation"/> that <see cref="Taken"/> counts in.</summary>
    [Id(3)] public long BacklogGeneration { get; set; }
    /// <summary>How many runs at the head of the backlog were handed out (or found gone) already.</summary>
    [Id(4)] public int Taken { get; set; }
}
