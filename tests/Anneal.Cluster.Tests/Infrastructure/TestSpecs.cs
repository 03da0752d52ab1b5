using Anneal.Contracts.Specs;
using Anneal.Contracts;
using Anneal.Vocabulary;

namespace Anneal.Cluster.Tests.Infrastructure;

/// <summary>Small specs, each with its own pool so tests sharing the cluster never take each other's runs.</summary>
public static class TestSpecs
{
    public static SweepSpec Tiny(params (string Variant, int Steps)[] runs) => new()
    {
        Name = "tiny",
        Dataset = KnownDatasets.Synthetic,
        BatchSize = 8,
        Seeds = [0],
        CheckpointEvery = 10,
        ProgressEvery = 5,
        SmoothingWindow = 10,
        Pool = "pool-" + Guid.NewGuid().ToString("N")[..12],
        Runs = runs.Select(r => new RunSpec { Variant = r.Variant, Steps = r.Steps }).ToArray(),
    };

    public static string NewSweepId() => SweepIds.New();
}
