using System.Text.Json.Serialization;
using Anneal.Vocabulary;

namespace Anneal.Contracts.Specs;

/// <summary>
/// A sweep as the researcher writes it: shared training settings and a list of runs. Every run is trained once per
/// learning rate of the grid (<see cref="LearningRateGrid"/>) and seed.
/// Defaults here are the defaults of a spec file that omits the field.
/// </summary>
[GenerateSerializer, Immutable, Alias("anneal.SweepSpec")]
public sealed record SweepSpec
{
    [Id(0)] public string Name { get; init; } = "sweep";

    /// <summary>A name from <see cref="KnownDatasets"/>.</summary>
    [Id(1)] public string Dataset { get; init; } = KnownDatasets.Synthetic;

    /// <summary>Where the silos find the dataset; null means the training core's default place.</summary>
    [Id(2)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DataDir { get; init; }

    [Id(3)] public int BatchSize { get; init; } = 128;

    /// <summary>Peak learning rate of every run that sets none of its own, unless <see cref="LearningRates"/> is given.</summary>
    [Id(4)]
    [JsonPropertyName("lr")]
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>
    /// A learning-rate grid: every run that sets no <c>lr</c> of its own is trained at each of these, for every seed.
    /// Replaces <see cref="LearningRate"/>; a spec file may give one of <c>lr</c> and <c>lrs</c>, not both.
    /// </summary>
    [Id(14)]
    [JsonPropertyName("lrs")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? LearningRates { get; init; }

    [Id(5)] public IReadOnlyList<int> Seeds { get; init; } = [0];

    /// <summary>Steps between validations; 0 evaluates only at the end.</summary>
    [Id(6)] public int EvalEvery { get; init; }

    /// <summary>Test batches per validation; 0 uses the whole test split.</summary>
    [Id(7)] public int EvalBatches { get; init; }

    /// <summary>Steps between checkpoints; a lost silo costs at most this many steps.</summary>
    [Id(8)] public int CheckpointEvery { get; init; } = 500;

    /// <summary>Steps between progress reports to the cluster (losses travel in batches, never one call per step).</summary>
    [Id(9)] public int ProgressEvery { get; init; } = 50;

    [Id(10)] public IReadOnlyList<RunSpec> Runs { get; init; } = [];

    /// <summary>Moving-average window, in steps, for smoothed losses in summaries and reports (the study uses 1000).</summary>
    [Id(11)] public int SmoothingWindow { get; init; } = 1000;

    /// <summary>The worker pool that trains this sweep: only silos serving this pool lease its runs (e.g. "gpu").</summary>
    [Id(12)] public string Pool { get; init; } = DefaultPool;

    /// <summary>
    /// The smallest difference between two runs' metric, in the metric's units, that a verdict counts as meaningful;
    /// null: 1% of the mean of both compared arms. Not negative.
    /// </summary>
    [Id(13)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? MinEffect { get; init; }
    /// Keep each run's last checkpoint after it completes (about 9 MB a run, e.g. to train it further). By default a
    /// completed run's checkpoints are deleted: storage then holds only the checkpoints of unfinished runs.
    /// </summary>
    [Id(15)] public bool KeepFinalCheckpoint { get; init; }

    public const string DefaultPool = "default";
}
