using Anneal.Contracts.Runs;
using Anneal.Contracts.Specs;
using Anneal.Contracts.Sweeps;

namespace Anneal.Grains.Sweeps;

/// <summary>A sweep's stored state, under the schema named in <see cref="Storage.StateSchemas"/> (docs/cluster.md, "Stored state").</summary>
[GenerateSerializer, Alias("anneal.SweepState")]
public sealed class SweepState
{
    [Id(0)] public SweepSpec? Spec { get; set; }
    [Id(1)] public DateTimeOffset CreatedAt { get; set; }
    [Id(2)] public DateTimeOffset? FinishedAt { get; set; }
    [Id(3)] public SweepStatus Status { get; set; }
    /// <summary>
    /// Every run's latest summary, by index. Not stored (each run stores its own): rewriting every run's summary on
    /// every run's change made a sweep's writes grow with the square of its runs (docs/performance.md). Activation
    /// rebuilds it from the spec and the runs.
    /// </summary>
    [Id(4), System.Text.Json.Serialization.JsonIgnore] public List<RunSummary> Runs { get; set; } = [];
    /// <summary>Set once every run exists and is queued; until then, activation finishes the launch.</summary>
    [Id(5)] public bool Launched { get; set; }
    [Id(6)] public bool CancelRequested { get; set; }
    /// <summary>Set when a delete began; a sweep being deleted is never started, retried or reopened.</summary>
    [Id(7)] public bool Deleting { get; set; }
}
