namespace Anneal.Ml.Training;

public sealed record TrainingOutcome(
    TrainingStatus Status,
    int Step,
    string? FailureReason,
    EvaluationResult? FinalEvaluation,
    double StepsPerSecond,
    TimeSpan WallTime);
