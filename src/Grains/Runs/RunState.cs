using Anneal.Contracts.Runs;

namespace Anneal.Grains.Runs;

/// <summary>A run's stored state, under the schema named in <see cref="Storage.StateSchemas"/> (docs/cluster.md, "Stored state").</summary>
[GenerateSerializer, Alias("anneal.RunState")]
public sealed class RunState
{
    [Id(0)] public RunDefinition? Definition { get; set; }
    [Id(1)] public RunStatus Status { get; set; }
    /// <summary>Fencing token: grows with every lease granted; only calls under the current epoch count.</summary>
    [Id(2)] public long Epoch { get; set; }
    [Id(3)] public string? Worker { get; set; }
    [Id(4)] public DateTimeOffset? LeaseExpiresAt { get; set; }
    [Id(5)] public TimeSpan LeaseDuration { get; set; }
    [Id(6)] public int Attempts { get; set; }
    [Id(7)] public string? LastFailure { get; set; }
    [Id(8)] public int SameFailures { get; set; }
    [Id(9)] public string? FailureReason { get; set; }
    /// <summary>Loss curve: the sum of the losses of each bucket of <see cref="LossCurveMath.BucketSteps"/> steps.</summary>
    [Id(10)] public List<double> CurveSums { get; set; } = [];
    /// <summary>The last step whose loss the run has; steps arrive in order, so 1..LastStep are all known.</summary>
    [Id(11)] public int LastStep { get; set; }
    [Id(12)] public List<EvaluationPoint> Evaluations { get; set; } = [];
    [Id(13)] public RunProgress? Progress { get; set; }
    [Id(14)] public CheckpointInfo? Checkpoint { get; set; }
    [Id(15)] public DateTimeOffset? StartedAt { get; set; }
    [Id(16)] public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Training time of finished attempts; the current one is added when it ends.</summary>
    [Id(17)] public TimeSpan TrainingTime { get; set; }
    [Id(18)] public DateTimeOffset? AttemptStartedAt { get; set; }
    [Id(19)] public EvaluationPoint? FinalEvaluation { get; set; }
    [Id(20)] public long Revision { get; set; }
    /// <summary>Torch threads and MKL kernel path of the attempt that completed the run.</summary>
    [Id(21)] public int? Threads { get; set; }
    [Id(22)] public string? Kernels { get; set; }
    /// <summary>Leases of this run that lapsed (the worker stopped renewing); capped by AnnealGrainOptions.MaxLapsedLeases.</summary>
    [Id(23)] public int LapsedLeases { get; set; }
}
