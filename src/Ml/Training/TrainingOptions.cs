using Anneal.Vocabulary;

namespace Anneal.Ml.Training;

/// <summary>One training run's settings. <see cref="Validate"/> says what is wrong in one line.</summary>
public sealed record TrainingOptions
{
    /// <summary>A name from <see cref="Variants.VariantCatalog"/>.</summary>
    public required string Variant { get; init; }
    public required int Steps { get; init; }
    public int BatchSize { get; init; } = 128;
    public double LearningRate { get; init; } = 1e-3;
    public int Seed { get; init; } = 0;
    /// <summary>Steps between <see cref="ITrainingObserver.OnProgress"/> calls.</summary>
    public int ProgressEvery { get; init; } = 50;
    /// <summary>0: evaluate only at the end.</summary>
    public int EvalEvery { get; init; } = 0;
    /// <summary>Batches of <see cref="Trainer.EvaluationBatchSize"/> test images per evaluation; 0: the whole test split.</summary>
    public int EvalBatches { get; init; } = 0;
    /// <summary>0: no periodic checkpoints.</summary>
    public int CheckpointEvery { get; init; } = 0;
    /// <summary>Variant settings such as "emaRate", "warmupSteps", "beta2", "eps"; <see cref="KnownVariants"/> lists the ones each reads.</summary>
    public IReadOnlyDictionary<string, double> Overrides { get; init; } = new Dictionary<string, double>();

    /// <exception cref="ArgumentException">The first invalid setting, in one line.</exception>
    public void Validate()
    {
        if (!Variants.VariantCatalog.Exists(Variant))
        {
            throw new ArgumentException($"unknown variant '{Variant}'; known: {string.Join(", ", KnownVariants.Names)}");
        }
        Require(Steps > 0, $"steps must be positive (got {Steps})");
        Require(BatchSize > 0, $"batch size must be positive (got {BatchSize})");
        if (KnownSettings.LearningRate.Check(LearningRate, Steps) is { } problem)
        {
            throw new ArgumentException($"learning rate {problem}");
        }
        Require(ProgressEvery > 0, $"progress interval must be positive (got {ProgressEvery})");
        Require(EvalEvery >= 0, $"evaluation interval must not be negative (got {EvalEvery})");
        Require(EvalBatches >= 0, $"evaluation batches must not be negative (got {EvalBatches})");
        Require(CheckpointEvery >= 0, $"checkpoint interval must not be negative (got {CheckpointEvery})");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
