using Anneal.Contracts;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Specs;

namespace Anneal.Grains.Sweeps;

/// <summary>
/// Turns a spec into its runs: one per spec run, learning rate (<see cref="LearningRateGrid"/>) and seed. Runs are
/// indexed spec run first, then learning rate in the order the spec lists them, then seed in the spec's order, so the
/// same spec always gives the same run ids.
/// </summary>
public static class SweepExpansion
{
    public static IReadOnlyList<RunDefinition> Expand(string sweepId, SweepSpec spec)
    {
        var runs = new List<RunDefinition>((int)LearningRateGrid.ExpandedRunCount(spec));
        foreach (var run in spec.Runs)
        {
            foreach (var learningRate in LearningRateGrid.For(spec, run))
            {
                foreach (var seed in spec.Seeds)
                {
                    var index = runs.Count;
                    runs.Add(new RunDefinition
                    {
                        RunId = SweepIds.RunId(sweepId, index),
                        SweepId = sweepId,
                        SweepName = spec.Name,
                        Index = index,
                        Label = LearningRateGrid.DisplayName(spec, run, learningRate),
                        Variant = run.Variant,
                        Steps = run.Steps,
                        Seed = seed,
                        Dataset = spec.Dataset,
                        DataDir = spec.DataDir,
                        BatchSize = spec.BatchSize,
                        LearningRate = learningRate,
                        EvalEvery = spec.EvalEvery,
                        EvalBatches = spec.EvalBatches,
                        CheckpointEvery = spec.CheckpointEvery,
                        ProgressEvery = spec.ProgressEvery,
                        Overrides = new Dictionary<string, double>(run.Overrides),
                        SmoothingWindow = spec.SmoothingWindow,
                        Pool = spec.Pool,
                        KeepFinalCheckpoint = spec.KeepFinalCheckpoint,
                    });
                }
            }
        }
        return runs;
    }

    /// <summary>
    /// The order to queue runs in: longest first, so the sweep's last run to finish is a short one
    /// (longest-processing-time scheduling keeps the whole sweep's wall time near optimal on any number of slots).
    /// </summary>
    public static IReadOnlyList<string> QueueOrder(IEnumerable<RunDefinition> runs) =>
        runs.OrderByDescending(r => r.Steps).ThenBy(r => r.Index).Select(r => r.RunId).ToArray();
}
