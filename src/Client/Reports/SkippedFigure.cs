namespace Anneal.Client.Reports;

/// <summary>A study figure the sweep cannot draw, and why.</summary>
public sealed record SkippedFigure(string Id, string Caption, string Reason);
