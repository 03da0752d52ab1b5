using System.Globalization;
using Anneal.Vocabulary;

namespace Anneal.Contracts.Specs;

/// <summary>
/// Checks a spec and returns every problem at once, each naming the field as the spec file spells it
/// ("runs[3].steps must be positive, got -5"), so a researcher fixes the file in one pass.
/// </summary>
public static class SweepSpecValidator
{
    public const int MaxRuns = 1_000;
    public const int MaxExpandedRuns = 10_000;
    public const int MaxNameLength = 100;
    public const int MaxSteps = 100_000_000;
    public const int MaxBatchSize = 65_536;
    /// <summary>A TinyViT checkpoint is about 9 MB written to shared storage; fewer steps between them is mostly cost.</summary>
    public const int MinCheckpointEvery = 10;
    /// <summary>Checkpoints (and evaluations) per run at most: the interval is at least 1% of the run.</summary>
    public const int MaxCheckpointsPerRun = 100;
    public const int MaxEvaluationsPerRun = 100;
    /// <summary>A worker holds every loss since its last report until the run grain stores them, and sends them in one call.</summary>
    public const int MaxProgressEvery = 1_000;

    public static IReadOnlyList<string> Validate(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<string>();
        void Fail(string message) => errors.Add(message);

        if (string.IsNullOrWhiteSpace(spec.Name))
            Fail("name must not be empty");
        else if (spec.Name.Length > MaxNameLength)
            Fail($"name must be at most {MaxNameLength} characters, got {spec.Name.Length}");
        else if (spec.Name.Any(char.IsControl))
            Fail("name must not contain control characters");

        if (spec.Dataset is null || !KnownDatasets.Exists(spec.Dataset))
            Fail($"dataset must be one of {string.Join(", ", KnownDatasets.All)}, got '{spec.Dataset}'");
        if (spec.DataDir is not null && string.IsNullOrWhiteSpace(spec.DataDir))
            Fail("dataDir must not be empty when given");
        else if (spec.DataDir is not null && (!Path.IsPathFullyQualified(spec.DataDir) || spec.DataDir.Any(char.IsControl)))
            Fail("dataDir must be an absolute path on the silos, without control characters");

        if (spec.BatchSize <= 0)
            Fail($"batchSize must be positive, got {spec.BatchSize}");
        else if (spec.BatchSize > MaxBatchSize)
            Fail($"batchSize must be at most {MaxBatchSize}, got {spec.BatchSize}");

        CheckLearningRate("lr", spec.LearningRate, Fail);
        CheckLearningRates(spec.LearningRates, Fail);
        CheckSeeds(spec.Seeds, Fail);

        if (spec.EvalEvery < 0) Fail($"evalEvery must not be negative, got {spec.EvalEvery}");
        if (spec.EvalBatches < 0) Fail($"evalBatches must not be negative, got {spec.EvalBatches}");
        if (spec.CheckpointEvery < 0) Fail($"checkpointEvery must not be negative, got {spec.CheckpointEvery}");
        if (spec.ProgressEvery <= 0) Fail($"progressEvery must be positive, got {spec.ProgressEvery}");
        else if (spec.ProgressEvery > MaxProgressEvery)
            Fail($"progressEvery must be at most {MaxProgressEvery}, got {spec.ProgressEvery}: a worker holds every loss since its last report until the cluster has stored it");
        CheckIntervals(spec, Fail);
        if (spec.SmoothingWindow <= 0) Fail($"smoothingWindow must be positive, got {spec.SmoothingWindow}");
        if (spec.MinEffect is { } minEffect && (!double.IsFinite(minEffect) || minEffect < 0))
            Fail($"minEffect must be a finite number, not negative, got {Format(minEffect)}");

        if (SweepIds.Check(spec.Pool ?? "") is not null)
            Fail($"pool must be 1 to 64 letters, digits, '-', '_' or '.', got '{spec.Pool}'");

        CheckRuns(spec, Fail);
        return errors;
    }

    private static void CheckLearningRate(string field, double value, Action<string> fail)
    {
        if (KnownSettings.LearningRate.Check(value, MaxSteps) is { } problem) fail($"{field} {problem}");
    }

    private static void CheckLearningRates(IReadOnlyList<double>? rates, Action<string> fail)
    {
        if (rates is null) return;
        if (rates.Count == 0) fail("lrs must list at least one learning rate when given");
        for (var i = 0; i < rates.Count; i++) CheckLearningRate($"lrs[{i}]", rates[i], fail);
        foreach (var duplicate in rates.GroupBy(r => r).Where(g => g.Count() > 1))
            fail($"lrs must be distinct, {Format(duplicate.Key)} appears {duplicate.Count()} times");
    }
    /// <summary>Bounds checkpointEvery and evalEvery against the longest run, so no spec can make a run write without limit.</summary>
    private static void CheckIntervals(SweepSpec spec, Action<string> fail)
    {
        var longest = spec.Runs?.Where(r => r is not null && r.Steps is > 0 and <= MaxSteps).Select(r => r.Steps).DefaultIfEmpty(0).Max() ?? 0;
        if (spec.CheckpointEvery > 0)
        {
            var least = Math.Max(MinCheckpointEvery, Ceiling(longest, MaxCheckpointsPerRun));
            if (spec.CheckpointEvery < least)
                fail($"checkpointEvery must be 0 (no checkpoints) or at least {least}, got {spec.CheckpointEvery}: each checkpoint is about 9 MB, " +
                    $"so checkpoints come at least {MinCheckpointEvery} steps apart and at most {MaxCheckpointsPerRun} per run (the longest has {longest} steps)");
        }
        if (spec.EvalEvery > 0)
        {
            var least = Ceiling(longest, MaxEvaluationsPerRun);
            if (spec.EvalEvery < least)
                fail($"evalEvery must be 0 (only at the end) or at least {least}, got {spec.EvalEvery}: a run keeps every evaluation and each costs " +
                    $"a pass over the test batches, so a run evaluates at most {MaxEvaluationsPerRun} times (the longest has {longest} steps)");
        }
    }

    private static int Ceiling(int steps, int parts) => (int)((steps + (long)parts - 1) / parts);

    private static void CheckSeeds(IReadOnlyList<int>? seeds, Action<string> fail)
    {
        if (seeds is null || seeds.Count == 0)
        {
            fail("seeds must list at least one seed");
            return;
        }
        for (var i = 0; i < seeds.Count; i++)
        {
            if (seeds[i] < 0) fail($"seeds[{i}] must not be negative, got {seeds[i]}");
        }
        foreach (var duplicate in seeds.GroupBy(s => s).Where(g => g.Count() > 1))
            fail($"seeds must be distinct, {duplicate.Key} appears {duplicate.Count()} times");
    }

    private static void CheckRuns(SweepSpec spec, Action<string> fail)
    {
        if (spec.Runs is null || spec.Runs.Count == 0)
        {
            fail("runs must list at least one run");
            return;
        }
        if (spec.Runs.Count > MaxRuns)
            fail($"runs must list at most {MaxRuns} runs, got {spec.Runs.Count}");
        var expanded = LearningRateGrid.ExpandedRunCount(spec with { Runs = [.. spec.Runs.Where(r => r is not null)], Seeds = spec.Seeds ?? [0] });
        if (expanded > MaxExpandedRuns)
            fail(spec.LearningRates is { Count: > 1 } grid
                ? $"lrs: runs times lrs ({grid.Count}) times seeds must be at most {MaxExpandedRuns}, got {expanded}"
                : $"runs times seeds must be at most {MaxExpandedRuns}, got {expanded}");

        for (var i = 0; i < spec.Runs.Count; i++)
        {
            var run = spec.Runs[i];
            var field = $"runs[{i}]";
            if (run is null)
            {
                fail($"{field} must be an object");
                continue;
            }
            var variant = KnownVariants.Find(run.Variant ?? "");
            if (string.IsNullOrWhiteSpace(run.Variant))
                fail($"{field}.variant must name a variant ({string.Join(", ", KnownVariants.Names)})");
            else if (variant is null)
                fail($"{field}.variant '{run.Variant}' is not a known variant; known: {string.Join(", ", KnownVariants.Names)}");

            if (run.Steps <= 0)
                fail($"{field}.steps must be positive, got {run.Steps}");
            else if (run.Steps > MaxSteps)
                fail($"{field}.steps must be at most {MaxSteps}, got {run.Steps}");

            if (run.Label is not null && (string.IsNullOrWhiteSpace(run.Label) || run.Label.Length > MaxNameLength))
                fail($"{field}.label must be 1 to {MaxNameLength} characters when given");
            else if (run.Label is not null && run.Label.Any(char.IsControl))
                fail($"{field}.label must not contain control characters");

            if (run.LearningRate is { } lr) CheckLearningRate($"{field}.lr", lr, fail);

            foreach (var (name, value) in run.Overrides ?? new Dictionary<string, double>())
            {
                var setting = KnownSettings.FindOverride(name);
                var problem = setting is null
                    ? $"is not a known override; known: {string.Join(", ", KnownSettings.Overrides.Select(o => o.Name))}"
                    : setting.Check(value, run.Steps);
                if (problem is null && variant is not null && !variant.Accepts(setting!))
                    problem = $"is not read by variant {run.Variant}; it reads: {string.Join(", ", variant.Reads.Select(r => r.Setting.Name))}";
                if (problem is not null) fail($"{field}.overrides.{name} {problem}");
            }
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
