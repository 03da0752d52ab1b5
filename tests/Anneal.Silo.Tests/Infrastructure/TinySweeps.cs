using Anneal.Contracts.Specs;
using Anneal.Vocabulary;

namespace Anneal.Silo.Tests.Infrastructure;

/// <summary>Sweeps small enough to train in seconds on one core: synthetic data, batch 8.</summary>
public static class TinySweeps
{
    public static SweepSpec Of(params (string Variant, int Steps)[] runs) => new()
    {
        Name = "tiny",
        Dataset = KnownDatasets.Synthetic,
        BatchSize = 8,
        Seeds = [0],
        EvalEvery = 0,
        EvalBatches = 1,
        CheckpointEvery = 25,
        ProgressEvery = 10,
        SmoothingWindow = 10,
        Runs = runs.Select(r => new RunSpec { Variant = r.Variant, Steps = r.Steps }).ToArray(),
    };
}
