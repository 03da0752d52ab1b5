using System.Diagnostics;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Specs;
using Anneal.Contracts.Sweeps;
using Anneal.Contracts;
using Anneal.Grains.Sweeps;
using Anneal.Ml.Data;
using Anneal.Ml.Devices;
using Anneal.Ml.Training;
using Anneal.Silo.Hosting;
using Anneal.Silo.Workers;
using Anneal.Vocabulary;

namespace Anneal.Benchmarks;

/// <summary>
/// The same small sweep, alternately trained back to back with the Trainer alone (as `anneal train` runs them, with
/// the same checkpoints written to disk) and through a local cluster (one slot: grains, leases, progress, checkpoints).
/// </summary>
public static class OrchestrationOverheadBenchmark
{
    public static async Task<int> RunAsync(BenchmarkArguments args)
    {
        var rounds = args.Int("rounds", 2);
        var steps = args.Int("steps", 200);
        var batch = args.Int("batch", 64);
        var threads = args.Int("threads", 2);
        var dataset = args.String("dataset") ?? KnownDatasets.Synthetic;
        var spec = new SweepSpec
        {
            Name = "overhead",
            Dataset = dataset,
            BatchSize = batch,
            CheckpointEvery = Math.Max(SweepSpecValidator.MinCheckpointEvery, steps / 4),
            ProgressEvery = 10,
            EvalBatches = 2,
            Runs = [Run(KnownVariants.Constant, steps), Run(KnownVariants.Linear, steps), Run(KnownVariants.Ema999, steps)],
        };
        using var folder = new TemporaryFolder();
        await using var silo = await LocalSilo.StartAsync(new LocalSiloOptions
        {
            CheckpointDirectory = Path.Combine(folder.Path, "cluster"),
            Slots = 1,
            Threads = threads,
            Device = "cpu",
        });
        var device = ComputeDevice.Select("cpu", threads, _ => { });
        var data = DatasetCatalog.Load(dataset, null, download: false, 0);

        Console.WriteLine($"orchestration overhead: {spec.Runs.Count} runs x {steps} steps, batch {batch}, {dataset}, {threads} threads, checkpoint every {spec.CheckpointEvery}");
        // Warm-up of both paths (native library, JIT, the silo's dataset cache); not measured.
        await ThroughClusterAsync(silo, spec with { Runs = [Run(KnownVariants.Constant, 5)] });
        TrainAlone(spec with { Runs = [Run(KnownVariants.Constant, 5)] }, data, device, folder.Path);

        var alone = new List<double>();
        var bare = new List<double>();
        var cluster = new List<double>();
        var noCheckpoints = spec with { CheckpointEvery = 0 };
        Console.WriteLine("| round | Trainer alone, checkpoints to disk as `anneal train --checkpoint-every` (s) | Trainer alone, no checkpoints (s) | through the local cluster (s) | cluster / alone | cluster / alone without checkpoints |");
        Console.WriteLine("|---|---|---|---|---|---|");
        for (var round = 1; round <= rounds; round++)
        {
            // ABBA order: load that drifts during a round (a shared machine) falls on every path alike.
            if (round % 2 == 1)
            {
                alone.Add(TrainAlone(spec, data, device, folder.Path));
                bare.Add(TrainAlone(noCheckpoints, data, device, folder.Path));
                cluster.Add(await ThroughClusterAsync(silo, spec));
            }
            else
            {
                cluster.Add(await ThroughClusterAsync(silo, spec));
                bare.Add(TrainAlone(noCheckpoints, data, device, folder.Path));
                alone.Add(TrainAlone(spec, data, device, folder.Path));
            }
            Console.WriteLine($"| {round} | {alone[^1]:F2} | {bare[^1]:F2} | {cluster[^1]:F2} | {cluster[^1] / alone[^1]:F3} | {cluster[^1] / bare[^1]:F3} |");
        }
        Console.WriteLine($"| total | {alone.Sum():F2} | {bare.Sum():F2} | {cluster.Sum():F2} | {cluster.Sum() / alone.Sum():F3} | {cluster.Sum() / bare.Sum():F3} |");
        Console.WriteLine($"overhead vs anneal train: {(cluster.Sum() / alone.Sum() - 1) * 100:F1}%; vs the Trainer without checkpoints: {(cluster.Sum() / bare.Sum() - 1) * 100:F1}%; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        return 0;
    }

    private static RunSpec Run(string variant, int steps) => new() { Variant = variant, Steps = steps };

    private static double TrainAlone(SweepSpec spec, DatasetSplits data, ComputeDevice device, string folder)
    {
        var clock = Stopwatch.StartNew();
        foreach (var run in SweepExpansion.Expand("alone", spec))
        {
            using var trainer = new Trainer(RunTrainingOptions.For(run), data, device);
            var outcome = trainer.Run(new CheckpointingObserver(trainer, Path.Combine(folder, "alone.ckpt")));
            if (outcome.Status != TrainingStatus.Completed) throw new InvalidOperationException($"{run.Label}: {outcome.Status}");
        }
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> ThroughClusterAsync(LocalSilo silo, SweepSpec spec)
    {
        var sweep = silo.Grains.GetGrain<ISweepGrain>(SweepIds.New());
        var clock = Stopwatch.StartNew();
        await sweep.Start(spec);
        SweepSummary summary;
        while ((summary = await sweep.GetSummary()).Status == SweepStatus.Running) await Task.Delay(20);
        var seconds = clock.Elapsed.TotalSeconds;
        if (summary.Status != SweepStatus.Completed) throw new InvalidOperationException($"sweep {summary.Status}");
        return seconds;
    }

    /// <summary>Writes checkpoints to a file as `anneal train --checkpoint-every` does.</summary>
    private sealed class CheckpointingObserver(Trainer trainer, string path) : ITrainingObserver
    {
        public void OnProgress(ProgressReport report) { }
        public void OnEvaluation(EvaluationResult evaluation) { }

        public void OnCheckpointDue(int step)
        {
            using var file = File.Create(path);
            trainer.SaveCheckpoint(file);
        }
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("anneal-bench-").FullName;
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
