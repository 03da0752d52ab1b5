namespace Anneal.Contracts.Runs;

[GenerateSerializer, Alias("anneal.RunStatus")]
public enum RunStatus
{
    /// <summary>Waiting in the work queue for a free slot (also after a lapsed lease).</summary>
    Queued = 0,
    /// <summary>Leased by a worker slot that is training it.</summary>
    Running = 1,
    Completed = 2,
    /// <summary>Failed the same way too often, or could not be trained at all; see the failure reason.</summary>
    Failed = 3,
    Cancelled = 4,
}
