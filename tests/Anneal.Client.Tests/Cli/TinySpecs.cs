namespace Anneal.Client.Tests.Cli;

/// <summary>Sweeps small enough to train in seconds on the synthetic dataset, in the spec-file format users write.</summary>
internal static class TinySpecs
{
    /// <summary>
    /// Constant, linear and schedule-free EMA: enough for the constant-vs-linear figure, a Pareto panel and table.
    /// Checkpoints every 20 steps, or 1% of a longer run (the validator's floor).
    /// </summary>
    public static string ThreeRuns(int steps = 20) => $$"""
        {
          "name": "tiny",
          "dataset": "synthetic",
          "batchSize": 8,
          "lr": 0.001,
          "seeds": [0],
          "checkpointEvery": {{Math.Max(20, steps / 100)}},
          "progressEvery": 10,
          "evalBatches": 1,
          "runs": [
            {"variant": "constant", "steps": {{steps}}},
            {"variant": "linear", "steps": {{steps}}},
            {"variant": "sf-ema", "steps": {{steps}}}
          ]
        }
        """;

    /// <summary>Constant and linear over three seeds, plus two EMA runs that share a display name (for the ambiguity check).</summary>
    public static string ThreeSeeds(int steps = 20) => $$"""
        {
          "name": "tiny-seeds",
          "dataset": "synthetic",
          "batchSize": 8,
          "lr": 0.001,
          "seeds": [0, 1, 2],
          "checkpointEvery": 20,
          "progressEvery": 10,
          "evalBatches": 1,
          "smoothingWindow": 2,
          "runs": [
            {"variant": "constant", "steps": {{steps}}},
            {"variant": "linear", "steps": {{steps}}},
            {"variant": "ema-0.999", "steps": {{steps}}, "overrides": {"emaRate": 0.9} },
            {"variant": "ema-0.999", "steps": {{steps}}, "overrides": {"emaRate": 0.8} }
          ]
        }
        """;

    public static string Write(TemporaryDirectory folder, string json, string name = "tiny.json")
    {
        var path = folder.File(name);
        File.WriteAllText(path, json);
        return path;
    }
}
