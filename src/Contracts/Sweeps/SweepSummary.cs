using Anneal.Contracts.Runs;
using Anneal.Contracts.Specs;

namespace Anneal.Contracts.Sweeps;

/// <summary>A sweep as `anneal sweep show` prints it: its status and every run's summary.</summary>
[GenerateSerializer, Immutable, Alias("anneal.SweepSummary")]
public sealed record SweepSummary
{
    [Id(0)] public required string SweepId { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required SweepStatus Status { get; init; }
    [Id(3)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(4)] public DateTimeOffset? FinishedAt { get; init; }
    [Id(5)] public required SweepSpec Spec { get; init; }
    [Id(6)] public required RunCounts Counts { get; init; }
    /// <summary>Every run, in expansion order (spec run index, then seed).</summary>
    [Id(7)] public required IReadOnlyList<RunSummary> Runs { get; init; }
}
