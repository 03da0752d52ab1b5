using Anneal.Contracts.Runs;

namespace Anneal.Contracts.Work;

/// <summary>
/// A worker's right to train a run until <see cref="ExpiresAt"/> unless renewed. <see cref="Epoch"/> is the fencing
/// token: every later report carries it, and the run refuses reports from any epoch but the current one.
/// </summary>
[GenerateSerializer, Immutable, Alias("anneal.RunLease")]
public sealed record RunLease(
    [property: Id(0)] string RunId,
    [property: Id(1)] long Epoch,
    [property: Id(2)] RunDefinition Definition,
    /// <summary>The checkpoint to resume from; null to start from step 0.</summary>
    [property: Id(3)] CheckpointInfo? ResumeFrom,
    [property: Id(4)] DateTimeOffset ExpiresAt,
    [property: Id(5)] TimeSpan Duration);
