namespace Anneal.Client.Reports;

/// <summary>One plot, as one call of the study's <c>plot_losses</c>: a title, the study's upper y limit and its curves.</summary>
public sealed record FigurePanel(string Title, double StudyYMax, IReadOnlyList<FigureLine> Lines);
