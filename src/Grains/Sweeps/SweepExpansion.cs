using Anneal.Contracts;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Specs;

namespace Anneal.Grains.Sweeps;

/// <summary>Turns a spec into its runs: one per spec run and seed, indexed spec run first, then seed.</summary>
public static class SweepExpansion
{
    public static IReadOnlyList<RunDefinition> Expand(string sweepId, SweepSpec spec)
    {
        var runs = new List<RunDefinition>(spec.Runs.Count * spec.Seeds.Count);
        for (var r = 0; r < spec.Runs.Count; r++)
        {
            var run = spec.Runs[r];
            for (var s = 0; s < spec.Seeds.Count; s++)
            {
                var index = r * spec.Seeds.Count + s;
                runs.Add(new RunDefinition
                {
                    RunId = SweepIds.RunId(sweepId, index),
                    SweepId = sweepId,
                    SweepName = spec.Name,
                    Index = index,
                    Label = run.DisplayName,
                    Variant = run.Variant,
                    Steps = run.Steps,
                    Seed = spec.Seeds[s],
                    Dataset = spec.Dataset,
                    DataDir = spec.DataDir,
                    BatchSize = spec.BatchSize,
                    LearningRate = spec.LearningRate,
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
        return runs;
    }

    /// <summary>
    /// The order to queue runs in: longest first, so the sweep's last run to finish is a short one
    /// (longest-processing-time scheduling keeps the whole sweep's wall time near optimal on any number of slots).
    /// </summary>
    public static IReadOnlyList<string> QueueOrder(IEnumerable<RunDefinition> runs) =>
        runs.OrderByDescending(r => r.Steps).ThenBy(r => r.Index).Select(r => r.RunId).ToArray();
}
