namespace Anneal.Contracts.Runs;

/// <summary>Validation loss and accuracy of the run's evaluated parameters at a step.</summary>
[GenerateSerializer, Immutable, Alias("anneal.EvaluationPoint")]
public sealed record EvaluationPoint(
    [property: Id(0)] int Step,
    [property: Id(1)] double Loss,
    [property: Id(2)] double Accuracy);
