namespace Anneal.Contracts.Runs;

/// <summary>Everything known about a run: summary, definition, loss curve, validations, checkpoint.</summary>
[GenerateSerializer, Immutable, Alias("anneal.RunDetails")]
public sealed record RunDetails(
    [property: Id(0)] RunSummary Summary,
    [property: Id(1)] RunDefinition Definition,
    [property: Id(2)] LossCurve Curve,
    [property: Id(3)] IReadOnlyList<EvaluationPoint> Evaluations,
    [property: Id(4)] CheckpointInfo? Checkpoint);
