namespace Anneal.Client.Reports;

/// <summary>A figure to draw: its file name (without extension), caption, panels side by side, and what it lacks.</summary>
public sealed record FigurePlan(string Id, string Caption, IReadOnlyList<FigurePanel> Panels, IReadOnlyList<string> Notes);
