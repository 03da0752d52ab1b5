namespace Anneal.Client.Reports;

/// <summary>A figure to draw: its file name (without extension), caption, panels side by side, and what it lacks.</summary>
public sealed record FigurePlan(string Id, string Caption, IReadOnlyList<FigurePanel> Panels, IReadOnlyList<string> Notes)
{
    /// <summary>A comparison figure: under each panel, the same curves over the last quarter of training, y fitted to that part.</summary>
    public bool ZoomOnLastQuarter { get; init; }
}
