using ScottPlot;

namespace Anneal.Client.Reports;

/// <summary>
/// matplotlib's <c>legend(loc="best")</c>, which the study relies on: of the candidate corners and edges, the one whose
/// box (estimated from the labels) covers the fewest plotted points, ties going to the earlier candidate.
/// </summary>
internal static class LegendPlacement
{
    // matplotlib's order of preference: upper right, upper left, lower left, lower right, right, center left, …
    private static readonly (Alignment Alignment, double X, double Y)[] Candidates =
    [
        (Alignment.UpperRight, 1, 1), (Alignment.UpperLeft, 0, 1), (Alignment.LowerLeft, 0, 0), (Alignment.LowerRight, 1, 0),
        (Alignment.MiddleRight, 1, 0.5), (Alignment.MiddleLeft, 0, 0.5), (Alignment.LowerCenter, 0.5, 0),
        (Alignment.UpperCenter, 0.5, 1), (Alignment.MiddleCenter, 0.5, 0.5),
    ];

    /// <param name="points">Plotted points as fractions of the axes (0..1 inside the view).</param>
    /// <param name="labels">Legend entries, to size the box.</param>
    public static Alignment Best(IReadOnlyList<(double X, double Y)> points, IReadOnlyList<string> labels)
    {
        // Rough box in axes fractions for a 1000x600 panel: ~1.6% of the width per character, ~7% of the height per entry.
        var width = Math.Min(0.95, 0.08 + 0.016 * (labels.Count == 0 ? 0 : labels.Max(l => l.Length)));
        var height = Math.Min(0.95, 0.04 + 0.07 * labels.Count);
        return Candidates
            .Select((candidate, order) => (candidate.Alignment, order, Covered: points.Count(p => Inside(p, candidate, width, height))))
            .OrderBy(c => c.Covered)
            .ThenBy(c => c.order)
            .First()
            .Alignment;
    }

    private static bool Inside((double X, double Y) point, (Alignment Alignment, double X, double Y) anchor, double width, double height)
    {
        var left = anchor.X * (1 - width);
        var bottom = anchor.Y * (1 - height);
        return point.X >= left && point.X <= left + width && point.Y >= bottom && point.Y <= bottom + height;
    }
}
