namespace Anneal.Client.Reports;

/// <summary>The moving-average window the report uses, in steps, and why that one.</summary>
public sealed record SmoothingChoice(int Steps, string Reason);
