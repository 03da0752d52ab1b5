namespace Anneal.Grains.Work;

/// <summary>The work queue's stored state. Renaming or moving this type breaks state stored in Redis.</summary>
[GenerateSerializer, Alias("anneal.WorkQueueState")]
public sealed class WorkQueueState
{
    /// <summary>Runs waiting for a slot, next first.</summary>
    [Id(0)] public List<string> Queued { get; set; } = [];
    /// <summary>Runs handed to workers, with when the queue should next ask whether their lease lapsed.</summary>
    [Id(1)] public Dictionary<string, DateTimeOffset> Leased { get; set; } = [];
    [Id(2)] public long LeaseExpiries { get; set; }
}
