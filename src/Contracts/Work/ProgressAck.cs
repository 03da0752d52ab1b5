namespace Anneal.Contracts.Work;

/// <summary>
/// A run's answer to progress. <see cref="NextStep"/> is the first step it has no loss for: when that is earlier than
/// the worker's next step (the run grain moved and lost unsaved progress), the worker resends from there.
/// Losses up to <see cref="DurableStep"/> are in storage and need not be kept by the worker any more.
/// </summary>
[GenerateSerializer, Immutable, Alias("anneal.ProgressAck")]
public sealed record ProgressAck(
    [property: Id(0)] LeaseVerdict Verdict,
    [property: Id(1)] int NextStep,
    [property: Id(2)] int DurableStep);
