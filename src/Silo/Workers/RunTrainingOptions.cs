using Anneal.Contracts.Runs;
using Anneal.Ml.Training;

namespace Anneal.Silo.Workers;

public static class RunTrainingOptions
{
    /// <summary>
    /// The options `anneal train` builds from the same variant, steps, seed, batch size, LR, overrides and intervals, so a
    /// run in a sweep computes exactly what `anneal train` computes.
    /// </summary>
    public static TrainingOptions For(RunDefinition run) => new()
    {
        Variant = run.Variant,
        Steps = run.Steps,
        BatchSize = run.BatchSize,
        LearningRate = run.LearningRate,
        Seed = run.Seed,
        ProgressEvery = run.ProgressEvery,
        EvalEvery = run.EvalEvery,
        EvalBatches = run.EvalBatches,
        CheckpointEvery = run.CheckpointEvery,
        Overrides = new Dictionary<string, double>(run.Overrides),
    };
}
