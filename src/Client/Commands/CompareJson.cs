using Anneal.Client.Reports;

namespace Anneal.Client.Commands;

/// <summary><c>sweep compare --json</c>: both claims about the pair, each with its per-seed differences.</summary>
public sealed record CompareJson(string SweepId, string Metric, int? Window, ComparisonJson Beats, ComparisonJson Matches);
