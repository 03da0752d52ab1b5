namespace Anneal.Contracts.Sweeps;

[GenerateSerializer, Alias("anneal.SweepStatus")]
public enum SweepStatus
{
    /// <summary>Some runs are queued or training.</summary>
    Running = 0,
    /// <summary>Every run completed.</summary>
    Completed = 1,
    /// <summary>Every run finished, and at least one failed.</summary>
    Failed = 2,
    Cancelled = 3,
}
