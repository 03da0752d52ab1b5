using Anneal.Contracts.Runs;

namespace Anneal.Contracts.Work;

/// <summary>
/// The train losses of consecutive steps starting at <see cref="FirstStep"/> (1-based), sent every few steps so
/// that a grain call and any storage write serve many steps.
/// </summary>
[GenerateSerializer, Immutable, Alias("anneal.ProgressBatch")]
public sealed record ProgressBatch(
    [property: Id(0)] int FirstStep,
    [property: Id(1)] IReadOnlyList<float> Losses,
    [property: Id(2)] double LearningRate,
    [property: Id(3)] double StepsPerSecond,
    [property: Id(4)] IReadOnlyList<EvaluationPoint> Evaluations)
{
    public int LastStep => FirstStep + Losses.Count - 1;
}
