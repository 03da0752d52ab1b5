using Anneal.Client.Reports;

namespace Anneal.Client.Tests.Reports;

/// <summary>Runs built from known per-step losses, downsampled the way the run grain stores curves.</summary>
internal static class SyntheticSweeps
{
    public static double[] PerStep(int steps, Func<int, double> lossAtStep) =>
        Enumerable.Range(1, steps).Select(lossAtStep).ToArray();

    /// <summary>Means over consecutive buckets of <paramref name="bucket"/> steps, each point at its bucket's last step.</summary>
    public static IReadOnlyList<CurvePoint> Downsample(IReadOnlyList<double> perStep, int bucket) =>
        Enumerable.Range(0, (perStep.Count + bucket - 1) / bucket)
            .Select(i =>
            {
                var slice = perStep.Skip(i * bucket).Take(bucket).ToList();
                return new CurvePoint(i * bucket + slice.Count, slice.Average());
            })
            .ToList();

    public static RunRecord Run(string variant, int steps, Func<int, double> loss, int seed = 0, int bucket = 10,
        RunStatus status = RunStatus.Completed, int? stepsDone = null, IReadOnlyDictionary<string, double>? overrides = null)
    {
        var done = stepsDone ?? (status == RunStatus.Completed ? steps : 0);
        return new RunRecord
        {
            RunId = $"{variant}-{steps}-s{seed}",
            Variant = variant,
            Steps = steps,
            Seed = seed,
            Status = status,
            StepsDone = done,
            Curve = done == 0 ? [] : Downsample(PerStep(done, loss), bucket),
            Overrides = overrides ?? new Dictionary<string, double>(),
            ValidationLoss = status == RunStatus.Completed ? loss(steps) + 0.05 : null,
            ValidationAccuracy = status == RunStatus.Completed ? 0.9 - loss(steps) / 10 : null,
            StepsPerSecond = done == 0 ? null : 40 + seed,
            WallTime = done == 0 ? null : TimeSpan.FromSeconds(done / 40.0),
        };
    }

    public static SweepRecord Sweep(params RunRecord[] runs) => new()
    {
        SweepId = "sweep-test",
        Name = "test",
        Dataset = "synthetic",
        Status = runs.All(r => r.Status == RunStatus.Completed) ? "completed" : "running",
        BatchSize = 32,
        LearningRate = 1e-3,
        Runs = runs,
    };

    /// <summary>
    /// The study's 13 runs at <paramref name="longest"/> steps with loss shapes that behave as the study found
    /// (decay beats constant, EMA catches cosine, Polyak lags, schedule-free EMA leads), plus per-step noise.
    /// </summary>
    public static SweepRecord StudyLike(int longest, int seeds = 1, int bucket = 10)
    {
        var runs = new List<RunRecord>();
        foreach (var seed in Enumerable.Range(0, seeds))
        {
            RunRecord Make(string variant, int steps, Func<double, double> lrFraction, double averagingGain = 0, double lag = 1)
            {
                var noise = new Random(variant.Aggregate(steps * 31 + seed, (hash, c) => hash * 31 + c));
                return Run(variant, steps, step =>
                {
                    var progress = step / (double)longest;
                    var learned = 0.45 + 1.9 * Math.Exp(-step * lag / (0.08 * longest)) + 0.25 * (1 - progress);
                    var smoothing = 0.3 * (1 - lrFraction(step / (double)steps)) + averagingGain * (1 - Math.Exp(-step / (0.05 * longest)));
                    return learned - smoothing + 0.15 * (noise.NextDouble() - 0.5) + 0.02 * seed;
                }, seed, bucket);
            }

            runs.Add(Make("constant", longest, _ => 1));
            foreach (var fraction in new[] { 1.0, 0.75, 0.5, 0.25 })
                runs.Add(Make("linear", (int)(longest * fraction), p => 1 - p));
            runs.Add(Make("cosine", longest, p => 0.5 * (1 + Math.Cos(Math.PI * p))));
            runs.Add(Make("stepwise-25", longest, p => p > 0.25 ? 0.1 : 1));
            runs.Add(Make("stepwise-75", longest, p => p > 0.75 ? 0.1 : 1));
            runs.Add(Make("polyak", longest, _ => 1, averagingGain: 0.1, lag: 0.5));
            runs.Add(Make("ema-0.999", longest, _ => 1, averagingGain: 0.18));
            runs.Add(Make("ema-0.9999", longest, _ => 1, averagingGain: 0.27));
            runs.Add(Make("sf-polyak", longest, _ => 1, averagingGain: 0.12, lag: 0.7));
            runs.Add(Make("sf-ema", longest, _ => 1, averagingGain: 0.4));
        }
        return Sweep([.. runs]);
    }
}
