namespace Anneal.Contracts.Runs;

/// <summary>Where a run stands: its last reported step, loss, LR and speed.</summary>
[GenerateSerializer, Immutable, Alias("anneal.RunProgress")]
public sealed record RunProgress(
    [property: Id(0)] int Step,
    [property: Id(1)] float LastLoss,
    /// <summary>Mean train loss over the last <c>smoothingWindow</c> steps (or all steps when fewer).</summary>
    [property: Id(2)] double SmoothedLoss,
    [property: Id(3)] double LearningRate,
    [property: Id(4)] double StepsPerSecond,
    [property: Id(5)] DateTimeOffset UpdatedAt);
