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
