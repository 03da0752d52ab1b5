namespace Anneal.Contracts.Runs;

/// <summary>Everything a worker needs to train one run of a sweep: one spec run at one learning rate and seed.</summary>
[GenerateSerializer, Immutable, Alias("anneal.RunDefinition")]
public sealed record RunDefinition
{
    [Id(0)] public required string RunId { get; init; }
    [Id(1)] public required string SweepId { get; init; }
    [Id(2)] public required string SweepName { get; init; }
    /// <summary>Position in the sweep's expansion: spec run, then learning rate, then seed (see SweepExpansion).</summary>
    [Id(3)] public required int Index { get; init; }
    [Id(4)] public required string Label { get; init; }
    [Id(5)] public required string Variant { get; init; }
    [Id(6)] public required int Steps { get; init; }
    [Id(7)] public required int Seed { get; init; }
    [Id(8)] public required string Dataset { get; init; }
    [Id(9)] public string? DataDir { get; init; }
    [Id(10)] public required int BatchSize { get; init; }
    [Id(11)] public required double LearningRate { get; init; }
    [Id(12)] public int EvalEvery { get; init; }
    [Id(13)] public int EvalBatches { get; init; }
    [Id(14)] public int CheckpointEvery { get; init; }
    [Id(15)] public int ProgressEvery { get; init; } = 50;
    [Id(16)] public IReadOnlyDictionary<string, double> Overrides { get; init; } = new Dictionary<string, double>();
    [Id(17)] public int SmoothingWindow { get; init; } = 1000;
    /// <summary>The work queue (worker pool) this run waits in.</summary>
    [Id(18)] public string Pool { get; init; } = Specs.SweepSpec.DefaultPool;
    /// <summary>See <see cref="Specs.SweepSpec.KeepFinalCheckpoint"/>.</summary>
    [Id(19)] public bool KeepFinalCheckpoint { get; init; }
}
