using Anneal.Ml.Training;

namespace Anneal.Client.Output;

/// <summary>DIR/result.json and the --json output of <c>anneal train</c>.</summary>
public sealed record RunResult(
    TrainingStatus Status,
    int Step,
    int Steps,
    string Variant,
    string Dataset,
    double LearningRate,
    int BatchSize,
    int Seed,
    string? FailureReason,
    float? LastLoss,
    EvaluationResult? FinalEvaluation,
    IReadOnlyList<EvaluationResult> Evaluations,
    double StepsPerSecond,
    double WallSeconds,
    string Device,
    int Threads,
    long Parameters,
    string OutputDir);
