using Anneal.Contracts.Specs;
using Anneal.Vocabulary;

namespace Anneal.Cluster.Tests.Specs;

public sealed class SweepPresetsTests
{
    private static readonly (string Variant, int Steps)[] StudyRuns =
    [
        ("constant", 100_000), ("linear", 100_000), ("linear", 75_000), ("linear", 50_000), ("linear", 25_000),
        ("cosine", 100_000), ("stepwise-25", 100_000), ("stepwise-75", 100_000), ("polyak", 100_000),
        ("ema-0.999", 100_000), ("ema-0.9999", 100_000), ("sf-polyak", 100_000), ("sf-ema", 100_000),
    ];

    [Fact]
    public void Study_IsTheSeedStudysThirteenRuns()
    {
        var spec = SweepPresets.Get(SweepPresets.Study);

        Assert.Equal(StudyRuns, spec.Runs.Select(r => (r.Variant, r.Steps)));
        Assert.Equal(128, spec.BatchSize);
        Assert.Equal(1e-3, spec.LearningRate);
        Assert.Equal("cifar10", spec.Dataset);
        Assert.Equal(1000, spec.SmoothingWindow);
        // The variants' own EMA rates are the study's: nothing is overridden.
        Assert.All(spec.Runs, r => Assert.Empty(r.Overrides));
        Assert.Empty(SweepSpecValidator.Validate(spec));
    }

    [Fact]
    public void Quick_ScalesEveryLengthByOneFactor()
    {
        var spec = SweepPresets.Get(SweepPresets.Quick);

        Assert.Equal(StudyRuns.Select(r => (r.Variant, r.Steps / SweepPresets.QuickScale)), spec.Runs.Select(r => (r.Variant, r.Steps)));
        Assert.Equal(400, spec.Runs[0].Steps);
        Assert.Equal(128, spec.BatchSize);
        Assert.Equal("fashion-mnist", spec.Dataset);
        // 10% of its 400-step runs: verdicts compare final smoothed losses, and 4 steps (the study's 1%) is mostly noise.
        Assert.Equal(40, spec.SmoothingWindow);
        Assert.Empty(SweepSpecValidator.Validate(spec));
    }

    [Fact]
    public void Quick_ScalesEmaRatesSoEachAverageSpansTheSameFractionOfItsRun()
    {
        var spec = SweepPresets.Get(SweepPresets.Quick);
        double Rate(string variant) => spec.Runs.Single(r => r.Variant == variant).Overrides[KnownSettings.EmaRate.Name];

        Assert.Equal(0.75, Rate("ema-0.999"), 12);
        Assert.Equal(0.975, Rate("ema-0.9999"), 12);
        Assert.Equal(0.975, Rate("sf-ema"), 12);
        // Window 1/(1-rate) as a fraction of the run: 1000/100k in the study, 4/400 here.
        Assert.Equal(1.0 / (1 - 0.999) / 100_000, 1.0 / (1 - Rate("ema-0.999")) / 400, 12);
        Assert.All(spec.Runs.Where(r => !r.Variant.Contains("ema")), r => Assert.Empty(r.Overrides));
    }

    [Fact]
    public void CpuStudy_IsTheStudyAt1300StepsWithThreeSeeds_AsPublishedInDocsResults()
    {
        var spec = SweepPresets.Get(SweepPresets.CpuStudy);
        double Rate(string variant) => spec.Runs.Single(r => r.Variant == variant).Overrides[KnownSettings.EmaRate.Name];

        Assert.Equal(StudyRuns.Select(r => (r.Variant, r.Steps * 1_300 / 100_000)), spec.Runs.Select(r => (r.Variant, r.Steps)));
        Assert.Equal([0, 1, 2], spec.Seeds);
        Assert.Equal((130, 325, "fashion-mnist"), (spec.SmoothingWindow, spec.CheckpointEvery, spec.Dataset));
        // The rates of the sweep in docs/results/cpu-study-fashion-mnist: 1 - (1 - rate) * 100000/1300, to six decimals.
        Assert.Equal(0.923077, Rate("ema-0.999"));
        Assert.Equal(0.992308, Rate("ema-0.9999"));
        Assert.Equal(0.992308, Rate("sf-ema"));
        Assert.Empty(SweepSpecValidator.Validate(spec));
    }

    [Fact]
    public void Dataset_CanBeReplaced()
    {
        Assert.Equal("synthetic", SweepPresets.Get(SweepPresets.Quick, "synthetic").Dataset);
        Assert.Throws<ArgumentException>(() => SweepPresets.Get("huge"));
    }
}
