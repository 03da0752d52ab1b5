using Anneal.Client.Findings;

namespace Anneal.Client.Reports;

/// <summary>One row of the forest plot: a primary-metric comparison with at least one paired seed.</summary>
public sealed record ForestRow(string Label, ComparisonResult Result);
