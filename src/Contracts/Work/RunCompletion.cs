using Anneal.Contracts.Runs;

namespace Anneal.Contracts.Work;

/// <summary>How a training attempt ended successfully: the final validation and the attempt's training time.</summary>
[GenerateSerializer, Immutable, Alias("anneal.RunCompletion")]
public sealed record RunCompletion(
    [property: Id(0)] EvaluationPoint? FinalEvaluation,
    [property: Id(1)] TimeSpan TrainingTime,
    [property: Id(2)] double StepsPerSecond);
