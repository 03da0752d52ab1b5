namespace Anneal.Contracts.Runs;

/// <summary>The latest committed checkpoint of a run: the step it holds and where the checkpoint store keeps it.</summary>
[GenerateSerializer, Immutable, Alias("anneal.CheckpointInfo")]
public sealed record CheckpointInfo(
    [property: Id(0)] int Step,
    [property: Id(1)] string Location,
    [property: Id(2)] long Epoch,
    [property: Id(3)] DateTimeOffset CommittedAt);
