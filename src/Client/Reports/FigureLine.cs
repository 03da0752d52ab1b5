namespace Anneal.Client.Reports;

/// <summary>
/// One curve of a figure panel: a series, its legend label and its colour (#rrggbb). Dotted tells apart curves that
/// share a colour once a panel has more curves than the colour cycle.
/// </summary>
public sealed record FigureLine(RunSeries Series, string Label, string Color, bool Dotted = false);
