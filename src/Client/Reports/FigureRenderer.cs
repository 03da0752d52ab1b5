using ScottPlot;
using SkiaSharp;

namespace Anneal.Client.Reports;

/// <summary>
/// Draws a <see cref="FigurePlan"/> with ScottPlot the way the study's matplotlib code does: each curve is the
/// moving average plotted at the index of its window's first step, y from −0.05 to the study's limit, legend on.
/// Seeds: the mean as the line and their min–max as a band. Unfinished series are dashed.
/// </summary>
public sealed class FigureRenderer(int window)
{
    // The study's figsize is 5x3 inches per panel at matplotlib's 100 dpi; twice that reads well on a screen.
    public const int PanelWidth = 1000;
    public const int PanelHeight = 600;
    private const float ScaleFactor = 1.6f;

    // Beyond this many entries a legend inside the axes hides the curves; it goes beside them, on a wider panel.
    private const int CrowdedLegend = 7;

    // matplotlib's default font, so the figures read like the study's.
    private const string FontName = "DejaVu Sans";

    // The zoomed panels: the last quarter of training, where the study's comparisons are decided.
    public const double ZoomFrom = 0.75;

    public IReadOnlyList<string> Render(FigurePlan figure, string directory)
    {
        var plots = figure.Panels.Select(panel => Draw(panel)).ToList();
        List<Plot> zooms = figure.ZoomOnLastQuarter ? figure.Panels.Select(DrawZoomed).ToList() : [];
        var panelWidth = figure.Panels.Any(p => p.Lines.Count > CrowdedLegend) ? PanelWidth * 3 / 2 : PanelWidth;
        var width = panelWidth * plots.Count;
        var height = zooms.Count > 0 ? 2 * PanelHeight : PanelHeight;
        var png = Path.Combine(directory, figure.Id + ".png");
        var svg = Path.Combine(directory, figure.Id + ".svg");

        using (var surface = SKSurface.Create(new SKImageInfo(width, height)))
        {
            DrawGrid(plots, zooms, surface.Canvas, panelWidth);
            using var image = surface.Snapshot();
            using var data = image.Encode(SKEncodedImageFormat.Png, 100);
            using var file = File.Create(png);
            data.SaveTo(file);
        }
        using (var file = File.Create(svg))
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), file))
            DrawGrid(plots, zooms, canvas, panelWidth);
        return [png, svg];
    }

    // The panels side by side, each zoom under its panel.
    private static void DrawGrid(IReadOnlyList<Plot> plots, IReadOnlyList<Plot> zooms, SKCanvas canvas, int panelWidth)
    {
        DrawSideBySide(plots, canvas, panelWidth);
        if (zooms.Count == 0)
            return;
        canvas.Save();
        canvas.Translate(0, PanelHeight);
        DrawSideBySide(zooms, canvas, panelWidth);
        canvas.Restore();
    }

    private Plot DrawZoomed(FigurePanel panel)
    {
        var longest = panel.Lines.Count == 0 ? 0 : panel.Lines.Max(line => line.Series.Steps);
        var from = (int)Math.Ceiling(longest * ZoomFrom);
        var plot = Draw(panel, from);
        var values = panel.Lines
            .SelectMany(line => line.Series.Points.Where(p => p.WindowEnd >= from)
                .SelectMany(p => line.Series.SeedCount > 1 ? new[] { p.Loss.Min, p.Loss.Max } : new[] { p.Loss.Mean }))
            .ToList();
        plot.Axes.SetLimitsX(from - window, longest - window);
        if (values.Count > 0)
        {
            var (low, high) = (values.Min(), values.Max());
            var pad = Math.Max(high - low, 1e-6) * 0.08;
            plot.Axes.SetLimitsY(low - pad, high + pad);
        }
        plot.Title($"{panel.Title}: last quarter, y fitted");
        plot.Axes.Title.Label.Bold = false;
        return plot;
    }

    // Panels are drawn one by one at their offset: ScottPlot's Multiplot misplaces plots that have a ScaleFactor.
    private static void DrawSideBySide(IReadOnlyList<Plot> plots, SKCanvas canvas, int panelWidth)
    {
        for (var i = 0; i < plots.Count; i++)
        {
            canvas.Save();
            canvas.Translate(i * panelWidth, 0);
            // ScottPlot clears the whole canvas before drawing: the clip keeps earlier panels.
            canvas.ClipRect(new SKRect(0, 0, panelWidth, PanelHeight));
            plots[i].Render(canvas, panelWidth, PanelHeight);
            canvas.Restore();
        }
    }

    /// <summary>The panel's curves; from <paramref name="zoomFrom"/> on only (and no legend) for a zoomed panel.</summary>
    private Plot Draw(FigurePanel panel, int? zoomFrom = null)
    {
        var plot = new Plot();
        plot.ScaleFactor = ScaleFactor;
        plot.Font.Set(FontName);
        ScottPlot.Plottables.FillY? lastBand = null;
        var yMax = YMax(panel);
        var plotted = new List<(double X, double Y)>();
        var labels = new List<string>();
        foreach (var line in panel.Lines)
        {
            IReadOnlyList<SeriesPoint> points = zoomFrom is { } from ? line.Series.Points.Where(p => p.WindowEnd >= from).ToList() : line.Series.Points;
            if (points.Count == 0)
                continue;
            var xs = points.Select(p => (double)(p.WindowEnd - window)).ToArray();
            var color = Color.FromHex(line.Color);
            if (line.Series.SeedCount > 1)
            {
                var band = plot.Add.FillY(xs, points.Select(p => p.Loss.Min).ToArray(), points.Select(p => p.Loss.Max).ToArray());
                band.FillColor = color.WithAlpha(0.2);
                band.LineWidth = 0;
                lastBand = band;
            }
            var curve = plot.Add.ScatterLine(xs, points.Select(p => p.Loss.Mean).ToArray(), color);
            curve.LineWidth = 1.5f;
            curve.LegendText = LegendText(line);
            labels.Add(curve.LegendText);
            plotted.AddRange(xs.Zip(points, (x, p) => (x, p.Loss.Mean)));
            if (!line.Series.HasCompletedRun)
                curve.LinePattern = LinePattern.Dashed;
            else if (line.Dotted)
                curve.LinePattern = LinePattern.Dotted;
        }
        // One legend entry explains every band; the last one, so it sits under the curves it qualifies.
        if (lastBand is not null)
            lastBand.LegendText = "shaded: min–max over seeds";
        plot.Title(panel.Title);
        plot.Axes.Title.Label.Bold = false;
        plot.Axes.AutoScaleX();
        plot.Axes.SetLimitsY(-0.05, yMax);
        if (zoomFrom is not null)
        {
            // The full panel above carries the legend; here it would cover the curves' ends, the part the zoom is for.
            plot.HideLegend();
            return plot;
        }
        if (labels.Count > CrowdedLegend)
            plot.ShowLegend(Edge.Right);
        else if (labels.Count > 0)
            plot.ShowLegend(LegendPlacement.Best(InAxesFractions(plotted, plot.Axes.GetLimits()), labels));
        return plot;
    }

    private static List<(double X, double Y)> InAxesFractions(List<(double X, double Y)> points, AxisLimits limits) =>
        points.Select(p => ((p.X - limits.Left) / limits.HorizontalSpan, (p.Y - limits.Bottom) / limits.VerticalSpan)).ToList();

    private static string LegendText(FigureLine line)
    {
        var series = line.Series;
        var text = line.Label;
        if (series.SeedCount > 1)
            text += $" (mean of {series.SeedCount} seeds)";
        if (!series.HasCompletedRun)
            text += $" ({Describe(series)} {series.StepsDone}/{series.Steps})";
        return text;
    }

    private static string Describe(RunSeries series) =>
        series.Runs.Any(run => run.Status == RunStatus.Running) ? "running" : series.Runs[0].Status.ToString().ToLowerInvariant();

    /// <summary>
    /// The study's upper limit, unless the curves end above it (another dataset, a diverged run): then the limit
    /// follows the data, so no figure hides its curves.
    /// </summary>
    private static double YMax(FigurePanel panel)
    {
        var finals = panel.Lines.Where(l => l.Series.Points.Count > 0).Select(l => l.Series.Points[^1].Loss.Max).ToList();
        if (finals.Count == 0 || finals.Max() < 0.9 * panel.StudyYMax)
            return panel.StudyYMax;
        var highest = panel.Lines.SelectMany(l => l.Series.Points).Max(p => p.Loss.Max);
        return highest * 1.05;
    }
}
