using System.Globalization;

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

        if (!double.IsFinite(spec.LearningRate) || spec.LearningRate <= 0)
            Fail($"lr must be a positive number, got {Format(spec.LearningRate)}");

        CheckSeeds(spec.Seeds, Fail);

        if (spec.EvalEvery < 0) Fail($"evalEvery must not be negative, got {spec.EvalEvery}");
        if (spec.EvalBatches < 0) Fail($"evalBatches must not be negative, got {spec.EvalBatches}");
        if (spec.CheckpointEvery < 0) Fail($"checkpointEvery must not be negative, got {spec.CheckpointEvery}");
        if (spec.ProgressEvery <= 0) Fail($"progressEvery must be positive, got {spec.ProgressEvery}");
        if (spec.SmoothingWindow <= 0) Fail($"smoothingWindow must be positive, got {spec.SmoothingWindow}");

        if (SweepIds.Check(spec.Pool ?? "") is not null)
            Fail($"pool must be 1 to 64 letters, digits, '-', '_' or '.', got '{spec.Pool}'");

        CheckRuns(spec, Fail);
        return errors;
    }

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
        var seedCount = Math.Max(1, spec.Seeds?.Count ?? 1);
        if ((long)spec.Runs.Count * seedCount > MaxExpandedRuns)
            fail($"runs times seeds must be at most {MaxExpandedRuns}, got {(long)spec.Runs.Count * seedCount}");

        for (var i = 0; i < spec.Runs.Count; i++)
        {
            var run = spec.Runs[i];
            var field = $"runs[{i}]";
            if (run is null)
            {
                fail($"{field} must be an object");
                continue;
            }
            if (string.IsNullOrWhiteSpace(run.Variant))
                fail($"{field}.variant must name a variant ({string.Join(", ", KnownVariants.All)})");
            else if (!KnownVariants.Exists(run.Variant))
                fail($"{field}.variant '{run.Variant}' is not a known variant; known: {string.Join(", ", KnownVariants.All)}");

            if (run.Steps <= 0)
                fail($"{field}.steps must be positive, got {run.Steps}");
            else if (run.Steps > MaxSteps)
                fail($"{field}.steps must be at most {MaxSteps}, got {run.Steps}");

            if (run.Label is not null && (string.IsNullOrWhiteSpace(run.Label) || run.Label.Length > MaxNameLength))
                fail($"{field}.label must be 1 to {MaxNameLength} characters when given");
            else if (run.Label is not null && run.Label.Any(char.IsControl))
                fail($"{field}.label must not contain control characters");

            foreach (var (name, value) in run.Overrides ?? new Dictionary<string, double>())
            {
                var problem = KnownOverrides.Check(name, value, run.Steps);
                if (problem is null && KnownVariants.Exists(run.Variant) && !KnownVariants.Reads(run.Variant, name))
                    problem = $"is not read by variant {run.Variant}; it reads: {string.Join(", ", KnownVariants.OverridesOf(run.Variant))}";
                if (problem is not null) fail($"{field}.overrides.{name} {problem}");
            }
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
