using Anneal.Contracts.Runs;

namespace Anneal.Contracts.Work;

/// <summary>
/// How a training attempt ended successfully: the final validation, the attempt's training time, and the compute that
/// trained it (torch threads and MKL kernel path, which change the last digits of the losses).
/// </summary>
[GenerateSerializer, Immutable, Alias("anneal.RunCompletion")]
public sealed record RunCompletion(
    [property: Id(0)] EvaluationPoint? FinalEvaluation,
    [property: Id(1)] TimeSpan TrainingTime,
    [property: Id(2)] double StepsPerSecond,
    [property: Id(3)] int? Threads = null,
    [property: Id(4)] string? Kernels = null);
