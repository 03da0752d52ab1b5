using Anneal.Contracts.Specs;
using Anneal.Vocabulary;

namespace Anneal.Cluster.Tests.Specs;

public sealed class SweepSpecValidatorTests
{
    private static readonly SweepSpec Valid = new() { Runs = [new RunSpec { Variant = "linear", Steps = 100 }] };

    [Fact]
    public void ValidSpec_HasNoProblems() => Assert.Empty(SweepSpecValidator.Validate(Valid));

    [Theory]
    [InlineData("", "name must not be empty")]
    [InlineData("mnist", "dataset must be one of cifar10, fashion-mnist, synthetic, got 'mnist'")]
    public void BadNames_AreNamed(string value, string expected)
    {
        var spec = expected.StartsWith("name", StringComparison.Ordinal) ? Valid with { Name = value } : Valid with { Dataset = value };

        Assert.Equal([expected], SweepSpecValidator.Validate(spec));
    }

    [Fact]
    public void UnknownVariant_ListsTheKnownOnes()
    {
        var spec = Valid with { Runs = [new RunSpec { Variant = "adagrad", Steps = 10 }] };

        var problem = Assert.Single(SweepSpecValidator.Validate(spec));

        Assert.StartsWith("runs[0].variant 'adagrad' is not a known variant; known: constant, linear, cosine", problem);
    }

    [Fact]
    public void Overrides_AreCheckedForNameRangeAndVariant()
    {
        var spec = Valid with
        {
            Runs =
            [
                new RunSpec { Variant = "ema-0.999", Steps = 10, Overrides = new Dictionary<string, double> { ["emaRate"] = 1.5 } },
                new RunSpec { Variant = "linear", Steps = 10, Overrides = new Dictionary<string, double> { ["emarate"] = 0.9 } },
                new RunSpec { Variant = "linear", Steps = 10, Overrides = new Dictionary<string, double> { ["cooldownFraction"] = 0.5 } },
                new RunSpec { Variant = "linear", Steps = 10, Overrides = new Dictionary<string, double> { ["emaRate"] = 0.5, ["warmupSteps"] = 3 } },
            ],
        };

        var problems = SweepSpecValidator.Validate(spec);

        Assert.Equal(3, problems.Count);
        Assert.Equal("runs[0].overrides.emaRate must be in (0, 1), got 1.5", problems[0]);
        Assert.StartsWith("runs[1].overrides.emarate is not a known override", problems[1]);
        Assert.Equal("runs[2].overrides.cooldownFraction is not read by variant linear; it reads: warmupSteps, beta2, eps", problems[2]);
    }

    [Fact]
    public void DuplicateAndNegativeSeeds_AreNamed()
    {
        var problems = SweepSpecValidator.Validate(Valid with { Seeds = [1, -2, 1] });

        Assert.Equal(["seeds[1] must not be negative, got -2", "seeds must be distinct, 1 appears 2 times"], problems);
    }

    [Fact]
    public void NegativeIntervals_AreNamed()
    {
        var problems = SweepSpecValidator.Validate(Valid with { EvalEvery = -1, CheckpointEvery = -2, ProgressEvery = 0, Pool = "a b" });

        Assert.Equal(
            [
                "evalEvery must not be negative, got -1",
                "checkpointEvery must not be negative, got -2",
                "progressEvery must be positive, got 0",
                "pool must be 1 to 64 letters, digits, '-', '_' or '.', got 'a b'",
            ],
            problems);
    }

    [Theory]
    [InlineData(0.0, "must be a positive number, got 0")]
    [InlineData(-1e-3, "must be a positive number, got -0.001")]
    [InlineData(double.PositiveInfinity, "must be a finite number, got Infinity")]
    [InlineData(double.NaN, "must be a finite number, got NaN")]
    public void LearningRates_MustBePositiveAndFinite_WhereverTheyAreGiven(double bad, string problem)
    {
        var spec = Valid with
        {
            LearningRate = bad,
            LearningRates = [1e-3, bad],
            Runs = [new RunSpec { Variant = "linear", Steps = 100, LearningRate = bad }],
        };

        Assert.Equal([$"lr {problem}", $"lrs[1] {problem}", $"runs[0].lr {problem}"], SweepSpecValidator.Validate(spec));
    }

    [Theory]
    [InlineData("beta2", 1.0, "must be in (0, 1), got 1")]
    [InlineData("beta2", 0.0, "must be in (0, 1), got 0")]
    [InlineData("eps", 0.0, "must be a positive number, got 0")]
    [InlineData("eps", -1e-8, "must be a positive number, got -1E-08")]
    public void AdamOverrides_AreCheckedAgainstTheirRange(string name, double value, string problem)
    {
        var spec = Valid with { Runs = [new RunSpec { Variant = "cosine", Steps = 10, Overrides = new Dictionary<string, double> { [name] = value } }] };

        Assert.Equal([$"runs[0].overrides.{name} {problem}"], SweepSpecValidator.Validate(spec));
    }

    [Fact]
    public void AdamOverrides_AreReadByEveryVariant()
    {
        var spec = Valid with
        {
            Runs = [.. KnownVariants.Names.Select(v => new RunSpec
            {
                Variant = v,
                Steps = 10,
                Overrides = new Dictionary<string, double> { ["beta2"] = 0.99, ["eps"] = 1e-8 },
            })],
        };

        Assert.Empty(SweepSpecValidator.Validate(spec));
    }

    [Fact]
    public void AnLrsGridPastTheRunCap_IsRefusedNamingLrs()
    {
        var runs = Enumerable.Range(0, 1_000).Select(_ => new RunSpec { Variant = "linear", Steps = 10 }).ToArray();
        var spec = Valid with { Runs = runs, Seeds = [0, 1, 2, 3], LearningRates = [1e-4, 1e-3, 1e-2] };

        Assert.Equal(["lrs: runs times lrs (3) times seeds must be at most 10000, got 12000"], SweepSpecValidator.Validate(spec));
        Assert.Empty(SweepSpecValidator.Validate(spec with { LearningRates = [1e-4, 1e-3] }));
    }

    [Fact]
    public void AnLrsGrid_MustListDistinctRates()
    {
        Assert.Equal(["lrs must list at least one learning rate when given"], SweepSpecValidator.Validate(Valid with { LearningRates = [] }));
        Assert.Equal(["lrs must be distinct, 0.001 appears 2 times"], SweepSpecValidator.Validate(Valid with { LearningRates = [1e-3, 3e-3, 1e-3] }));
    }

    [Theory]
    [InlineData(-0.01, "minEffect must be a finite number, not negative, got -0.01")]
    [InlineData(double.NaN, "minEffect must be a finite number, not negative, got NaN")]
    public void MinEffect_MustBeFiniteAndNotNegative(double bad, string expected)
    {
        Assert.Equal([expected], SweepSpecValidator.Validate(Valid with { MinEffect = bad }));
        Assert.Empty(SweepSpecValidator.Validate(Valid with { MinEffect = 0 }));
    }

    [Theory]
    [InlineData(1, 100, "checkpointEvery must be 0 (no checkpoints) or at least 10, got 1: each checkpoint is about 9 MB")]
    [InlineData(500, 100_000, "checkpointEvery must be 0 (no checkpoints) or at least 1000, got 500: each checkpoint is about 9 MB")]
    public void CheckpointEvery_IsBoundedByCostAndRunLength(int checkpointEvery, int steps, string expected)
    {
        var spec = Valid with { CheckpointEvery = checkpointEvery, Runs = [new RunSpec { Variant = "linear", Steps = 100 }, new RunSpec { Variant = "linear", Steps = steps }] };

        Assert.StartsWith(expected, Assert.Single(SweepSpecValidator.Validate(spec)));
        Assert.Empty(SweepSpecValidator.Validate(spec with { CheckpointEvery = 0 }));
        Assert.Empty(SweepSpecValidator.Validate(spec with { CheckpointEvery = Math.Max(10, steps / 100) }));
    }

    [Fact]
    public void EvalEvery_IsAtLeastOnePercentOfTheLongestRun()
    {
        var spec = Valid with { EvalEvery = 1, Runs = [new RunSpec { Variant = "linear", Steps = 20_000 }] };

        Assert.StartsWith("evalEvery must be 0 (only at the end) or at least 200, got 1: a run keeps every evaluation",
            Assert.Single(SweepSpecValidator.Validate(spec)));
        Assert.Empty(SweepSpecValidator.Validate(spec with { EvalEvery = 200 }));
    }

    [Fact]
    public void ProgressEvery_IsAtMostAThousand()
    {
        Assert.StartsWith("progressEvery must be at most 1000, got 1000000: a worker holds every loss",
            Assert.Single(SweepSpecValidator.Validate(Valid with { ProgressEvery = 1_000_000 })));
        Assert.Empty(SweepSpecValidator.Validate(Valid with { ProgressEvery = 1_000 }));
    }
}
