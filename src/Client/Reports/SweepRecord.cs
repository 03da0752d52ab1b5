namespace Anneal.Client.Reports;

/// <summary>A sweep as the report sees it: what was asked for and every run's state at the time of the report.</summary>
public sealed record SweepRecord
{
    public required string SweepId { get; init; }
    public required string Name { get; init; }
    public string Dataset { get; init; } = "";
    public required string Status { get; init; }
    public int? BatchSize { get; init; }
    public double? LearningRate { get; init; }
    public required IReadOnlyList<RunRecord> Runs { get; init; }

    /// <summary>The smoothing window the sweep's spec asks for, in steps; null to let the report choose.</summary>
    public int? SmoothingWindow { get; init; }

    /// <summary>The spec's minimum meaningful effect δ for the findings, absolute in loss units; null for 1% of the arms' mean.</summary>
    public double? MinEffect { get; init; }
}
