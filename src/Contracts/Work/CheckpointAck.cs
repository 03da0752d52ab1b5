namespace Anneal.Contracts.Work;

/// <summary>
/// A run's answer to a committed checkpoint. <see cref="SupersededLocation"/> is the previous checkpoint, which the
/// worker may now delete; when the verdict is not Accepted, the worker deletes the one it just wrote instead.
/// </summary>
[GenerateSerializer, Immutable, Alias("anneal.CheckpointAck")]
public sealed record CheckpointAck(
    [property: Id(0)] LeaseVerdict Verdict,
    [property: Id(1)] string? SupersededLocation);
