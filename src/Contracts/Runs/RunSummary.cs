namespace Anneal.Contracts.Runs;

/// <summary>One run as a sweep's summary, the CLI's table and the report show it.</summary>
[GenerateSerializer, Immutable, Alias("anneal.RunSummary")]
public sealed record RunSummary
{
    [Id(0)] public required string RunId { get; init; }
    [Id(1)] public required int Index { get; init; }
    [Id(2)] public required string Label { get; init; }
    [Id(3)] public required string Variant { get; init; }
    [Id(4)] public required int Steps { get; init; }
    [Id(5)] public required int Seed { get; init; }
    [Id(6)] public required RunStatus Status { get; init; }
    /// <summary>Leases granted so far (1 for a run that trained undisturbed).</summary>
    [Id(7)] public int Attempts { get; init; }
    [Id(8)] public RunProgress? Progress { get; init; }
    /// <summary>Validation at the end of training (of the averaged parameters where the variant averages).</summary>
    [Id(9)] public EvaluationPoint? FinalEvaluation { get; init; }
    [Id(10)] public string? FailureReason { get; init; }
    [Id(11)] public DateTimeOffset? StartedAt { get; init; }
    [Id(12)] public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>Time spent training, summed over attempts (excludes time queued).</summary>
    [Id(13)] public TimeSpan TrainingTime { get; init; }
    /// <summary>The silo and slot training it now, or that trained it last.</summary>
    [Id(14)] public string? Worker { get; init; }
    [Id(15)] public int? CheckpointStep { get; init; }
    /// <summary>Grows with every change, so a sweep keeps the newest summary when updates cross on the wire.</summary>
    [Id(16)] public long Revision { get; init; }
    /// <summary>Torch threads and MKL kernel path that trained the run (known once completed).</summary>
    [Id(17)] public int? Threads { get; init; }
    [Id(18)] public string? Kernels { get; init; }
}
