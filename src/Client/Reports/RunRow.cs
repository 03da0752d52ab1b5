namespace Anneal.Client.Reports;

/// <summary>A line of the table of every run.</summary>
public sealed record RunRow(RunRecord Run, string Label, double? FinalSmoothedLoss, double? LatestSmoothedLoss);
