using Anneal.Contracts.Runs;
using Anneal.Ml.Data;
using Anneal.Ml.Devices;
using Anneal.Ml.Training;

namespace Anneal.Silo.Tests.Infrastructure;

/// <summary>What the Trainer alone computes for a run, as `anneal train` would: the reference a sweep must equal.</summary>
public static class ReferenceTraining
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<float[]>> Cache = new();

    /// <summary>Computed once per distinct run settings in this test process (several tests share one reference).</summary>
    public static float[] Losses(RunDefinition run, int threads = 1)
    {
        var key = string.Join("|", run.Variant, run.Steps, run.Seed, run.BatchSize, run.LearningRate, run.Dataset, run.DataDir,
            run.EvalEvery, run.EvalBatches, run.CheckpointEvery, string.Join(",", run.Overrides.OrderBy(o => o.Key)), threads);
        return Cache.GetOrAdd(key, _ => new Lazy<float[]>(() => Compute(run, threads))).Value;
    }

    private static float[] Compute(RunDefinition run, int threads)
    {
        var data = DatasetCatalog.Load(run.Dataset, run.DataDir, download: false, run.Dataset == DatasetCatalog.Synthetic ? run.Seed : 0);
        var options = new TrainingOptions
        {
            Variant = run.Variant,
            Steps = run.Steps,
            BatchSize = run.BatchSize,
            LearningRate = run.LearningRate,
            Seed = run.Seed,
            EvalEvery = run.EvalEvery,
            EvalBatches = run.EvalBatches,
            CheckpointEvery = run.CheckpointEvery,
            Overrides = new Dictionary<string, double>(run.Overrides),
        };
        using var trainer = new Trainer(options, data, new ComputeDevice(ComputeDevice.Cpu, threads));
        var observer = new LossCollector();
        var outcome = trainer.Run(observer);
        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        return observer.Losses.ToArray();
    }

    private sealed class LossCollector : ITrainingObserver
    {
        public List<float> Losses { get; } = [];
        public void OnProgress(ProgressReport report) => Losses.AddRange(report.Losses);
        public void OnEvaluation(EvaluationResult evaluation) { }
        public void OnCheckpointDue(int step) { }
    }
}
