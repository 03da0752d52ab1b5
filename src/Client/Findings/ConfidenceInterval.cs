namespace Anneal.Client.Findings;

/// <summary>A two-sided interval for the mean difference at <see cref="Level"/> (0.95 for a 95% interval).</summary>
public sealed record ConfidenceInterval(double Low, double High, double Level);
