using Anneal.Vocabulary;

namespace Anneal.Contracts.Specs;

/// <summary>
/// Built-in sweeps. <c>study</c> is the seed study exactly; <c>quick</c> is the same 13 runs shrunk by
/// <see cref="QuickScale"/> so the whole sweep trains on two CPU cores in minutes (a demo: one seed);
/// <c>cpu-study</c> is the same 13 runs at <see cref="CpuStudySteps"/> with three seeds, a length chosen by measurement
/// (docs/results/README.md, "How the length was chosen") for a multi-seed answer on two CPU cores.
/// </summary>
public static class SweepPresets
{
    public const string Study = "study";
    public const string Quick = "quick";
    public const string CpuStudy = "cpu-study";

    /// <summary>How many times shorter every run of <c>quick</c> is than in the study (100k steps become 400).</summary>
    public const int QuickScale = 250;

    /// <summary>
    /// The shortest length at which constant LR's smoothed train loss on Fashion-MNIST stopped falling by 5% or more
    /// over the last quarter of its run, three lengths in a row (docs/results/README.md).
    /// </summary>
    public const int CpuStudySteps = 1_300;

    public const int StudySteps = 100_000;
    public const double StudyEmaRate = 0.999;
    public const double StudySlowEmaRate = 0.9999;

    public static IReadOnlyList<string> Names { get; } = [Study, Quick, CpuStudy];

    public static bool Exists(string name) => Names.Contains(name, StringComparer.Ordinal);

    /// <summary>The preset's spec; <paramref name="dataset"/> replaces its default dataset (study: cifar10, quick: fashion-mnist).</summary>
    public static SweepSpec Get(string name, string? dataset = null, string? dataDir = null) => name switch
    {
        Study => StudySpec(StudySteps, checkpointEvery: 2_000) with { Name = Study, Dataset = dataset ?? KnownDatasets.Cifar10, DataDir = dataDir },
        Quick => StudySpec(StudySteps / QuickScale, checkpointEvery: 50) with { Name = Quick, Dataset = dataset ?? KnownDatasets.FashionMnist, DataDir = dataDir },
        CpuStudy => StudySpec(CpuStudySteps, checkpointEvery: CpuStudySteps / 4) with
        {
            Name = CpuStudy, Dataset = dataset ?? KnownDatasets.FashionMnist, DataDir = dataDir, Seeds = [0, 1, 2],
        },
        _ => throw new ArgumentException($"Unknown preset '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
    };

    /// <summary>
    /// An EMA rate for a run <paramref name="scale"/> times shorter, so the average spans the same fraction of the run:
    /// the window 1/(1 - rate) shrinks with the run, i.e. rate' = 1 - (1 - rate) * scale, rounded to six decimals so
    /// that a preset written out as a spec file reads, and trains, the same.
    /// </summary>
    public static double ScaleEmaRate(double rate, double scale) => Math.Round(1 - (1 - rate) * scale, 6);

    /// <summary>The study's 13 runs with <paramref name="longest"/> steps for its 100,000 (and 3/4, 1/2, 1/4 of it).</summary>
    private static SweepSpec StudySpec(int longest, int checkpointEvery)
    {
        var scale = (double)StudySteps / longest;
        int Steps(int studySteps) => (int)((long)studySteps * longest / StudySteps);
        RunSpec Run(string variant, int studySteps, double? emaRate = null) => new()
        {
            Variant = variant,
            Steps = Steps(studySteps),
            // The study's rates are the variants' defaults; only a scaled run needs them spelt out.
            Overrides = emaRate is { } rate && longest != StudySteps
                ? new Dictionary<string, double> { [KnownSettings.EmaRate.Name] = ScaleEmaRate(rate, scale) }
                : new Dictionary<string, double>(),
        };

        return new SweepSpec
        {
            BatchSize = 128,
            LearningRate = 1e-3,
            Seeds = [0],
            EvalEvery = 0,
            // A checkpoint is ~9 MB: every 2,000 steps in the study, every few dozen or hundred when scaled down.
            CheckpointEvery = checkpointEvery,
            ProgressEvery = longest == StudySteps ? 100 : 10,
            // The study's 1,000 steps is 1% of its runs. Verdicts compare the final smoothed loss over this window, and 1%
            // of a few hundred steps is a handful of noisy batches, so a scaled-down sweep averages its last 10%.
            SmoothingWindow = longest == StudySteps ? 1_000 : longest / 10,
            Runs =
            [
                Run(KnownVariants.Constant, StudySteps),
                Run(KnownVariants.Linear, StudySteps),
                Run(KnownVariants.Linear, 75_000),
                Run(KnownVariants.Linear, 50_000),
                Run(KnownVariants.Linear, 25_000),
                Run(KnownVariants.Cosine, StudySteps),
                Run(KnownVariants.Stepwise25, StudySteps),
                Run(KnownVariants.Stepwise75, StudySteps),
                Run(KnownVariants.Polyak, StudySteps),
                Run(KnownVariants.Ema999, StudySteps, StudyEmaRate),
                Run(KnownVariants.Ema9999, StudySteps, StudySlowEmaRate),
                Run(KnownVariants.ScheduleFreePolyak, StudySteps),
                Run(KnownVariants.ScheduleFreeEma, StudySteps, StudySlowEmaRate),
            ],
        };
    }
}
