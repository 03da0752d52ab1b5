namespace Anneal.Contracts.Work;

/// <summary>The work queue's size: runs waiting for a slot, and runs leased to workers.</summary>
[GenerateSerializer, Immutable, Alias("anneal.QueueStats")]
public sealed record QueueStats(
    [property: Id(0)] int Queued,
    [property: Id(1)] int Leased,
    [property: Id(2)] long LeaseExpiries);
