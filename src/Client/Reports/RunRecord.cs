namespace Anneal.Client.Reports;

/// <summary>What the report needs to know about one run of a sweep, whatever its status.</summary>
public sealed record RunRecord
{
    public required string RunId { get; init; }
    public required string Variant { get; init; }

    /// <summary>The run's display name in its sweep (the spec's label, or variant-steps); shared by the seeds of a configuration.</summary>
    public string? Label { get; init; }

    /// <summary>The peak learning rate the run trained with; null in records that predate it.</summary>
    public double? LearningRate { get; init; }

    /// <summary>The name <c>sweep compare</c> and the findings use: <see cref="Label"/>, else variant-steps.</summary>
    public string DisplayName => Label ?? $"{Variant}-{Steps}";
    public required int Steps { get; init; }
    public int Seed { get; init; }
    public required RunStatus Status { get; init; }

    /// <summary>Steps completed so far (equal to <see cref="Steps"/> once completed).</summary>
    public int StepsDone { get; init; }

    public IReadOnlyList<CurvePoint> Curve { get; init; } = [];
    public IReadOnlyDictionary<string, double> Overrides { get; init; } = new Dictionary<string, double>();

    /// <summary>Validation loss and accuracy of the parameters the run evaluates (the averaged ones where it averages).</summary>
    public double? ValidationLoss { get; init; }
    public double? ValidationAccuracy { get; init; }

    public double? StepsPerSecond { get; init; }
    public TimeSpan? WallTime { get; init; }
    public string? FailureReason { get; init; }

    /// <summary>Torch threads and MKL kernel path that trained the run: both change the last digits of its losses.</summary>
    public int? Threads { get; init; }
    public string? Kernels { get; init; }
}
