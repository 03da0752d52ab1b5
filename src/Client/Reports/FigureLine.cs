namespace Anneal.Client.Reports;

/// <summary>One curve of a figure panel: a series, its legend label and its colour (#rrggbb).</summary>
public sealed record FigureLine(RunSeries Series, string Label, string Color);
