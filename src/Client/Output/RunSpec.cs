using Anneal.Ml.Training;

namespace Anneal.Client.Output;

/// <summary>What <c>anneal train</c> was asked to do, saved as DIR/run.json so <c>--resume DIR</c> repeats it exactly.</summary>
public sealed record RunSpec(
    string Dataset,
    string? Data,
    string Variant,
    int Steps,
    int BatchSize,
    double LearningRate,
    int Seed,
    int EvalEvery,
    int EvalBatches,
    int CheckpointEvery,
    Dictionary<string, double> Overrides)
{
    /// <summary>Torch threads and MKL kernel path the run was started with: both change the last digits of its losses.</summary>
    public int? Threads { get; init; }

    /// <inheritdoc cref="Threads"/>
    public string? Kernels { get; init; }

    public TrainingOptions ToOptions(int progressEvery) => new()
    {
        Variant = Variant,
        Steps = Steps,
        BatchSize = BatchSize,
        LearningRate = LearningRate,
        Seed = Seed,
        EvalEvery = EvalEvery,
        EvalBatches = EvalBatches,
        CheckpointEvery = CheckpointEvery,
        ProgressEvery = progressEvery,
        Overrides = Overrides,
    };
}
