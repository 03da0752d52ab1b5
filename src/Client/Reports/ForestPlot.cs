using Anneal.Client.Findings;
using ScottPlot;
using SkiaSharp;

namespace Anneal.Client.Reports;

/// <summary>
/// The findings at a glance: one row per primary-metric claim, each seed's difference (B − A) as a dot, the mean as
/// a diamond on a bar spanning its CI, the ±δ band shaded, and a line at zero.
/// </summary>
public static class ForestPlot
{
    public const string Id = "findings-forest";
    private const int Width = 1400;
    private const int RowHeight = 70;
    private const int Margin = 160;

    public static IReadOnlyList<ForestRow> Rows(FindingsEvaluation evaluation)
    {
        var several = evaluation.BestLearningRates.Count > 0;
        return evaluation.Primary
            .SelectMany(finding => finding.Parts.Select(part => (finding, part)))
            .Where(pair => pair.part.Comparison.Count > 0)
            .Select(pair => new ForestRow(
                pair.finding.Id + (pair.finding.Parts.Count > 1 ? $" · {pair.part.Plan.Label}" : "")
                    + (several ? $" ({pair.finding.LearningRates})" : ""),
                pair.part))
            .ToList();
    }

    public static IReadOnlyList<string> Render(FindingsEvaluation evaluation, string directory)
    {
        var rows = Rows(evaluation);
        var height = Margin + RowHeight * rows.Count;
        var plot = Draw(rows, evaluation.Window.Steps);
        var png = Path.Combine(directory, Id + ".png");
        var svg = Path.Combine(directory, Id + ".svg");
        plot.SavePng(png, Width, height);
        using (var file = File.Create(svg))
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, Width, height), file))
            plot.Render(canvas, Width, height);
        return [png, svg];
    }

    private static Plot Draw(IReadOnlyList<ForestRow> rows, int window)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        var extent = 0.0;
        for (var i = 0; i < rows.Count; i++)
        {
            // The first claim on top: row i sits at y = −i.
            var y = -i;
            var result = rows[i].Result;
            var delta = result.Test.MinEffect;
            if (double.IsFinite(delta) && delta > 0)
            {
                var band = plot.Add.Rectangle(-delta, delta, y - 0.35, y + 0.35);
                band.FillStyle.Color = Colors.Gray.WithAlpha(0.25);
                band.LineStyle.Width = 0;
                extent = Math.Max(extent, delta);
            }
            var differences = result.Comparison.Pairs.Select(pair => pair.Difference).ToArray();
            // Seeds spread a little vertically so equal differences stay visible.
            var ys = differences.Select((_, k) => y + 0.2 - 0.4 * (k + 0.5) / differences.Length).ToArray();
            plot.Add.Markers(differences, ys, MarkerShape.FilledCircle, 7, Color.FromHex(StudyColors.Cycle(0)).WithAlpha(0.7));
            extent = differences.Aggregate(extent, (max, d) => Math.Max(max, Math.Abs(d)));
            if (result.Outcome.Interval is { } interval)
            {
                var bar = plot.Add.Line(interval.Low, y, interval.High, y);
                bar.LineWidth = 3;
                bar.LineColor = Colors.Black;
                extent = Math.Max(extent, Math.Max(Math.Abs(interval.Low), Math.Abs(interval.High)));
            }
            plot.Add.Markers(new[] { result.Comparison.Mean }, new[] { (double)y }, MarkerShape.FilledDiamond, 14, Colors.Black);
        }
        var zero = plot.Add.VerticalLine(0);
        zero.LineColor = Colors.Black;
        zero.LineWidth = 1;
        zero.LinePattern = LinePattern.Dashed;

        var positions = rows.Select((_, i) => (double)-i).ToArray();
        var labels = rows.Select(row => $"{row.Label}: {FindingFormat.Verdict(row.Result.Verdict)}").ToArray();
        plot.Axes.Left.SetTicks(positions, labels);
        extent = extent > 0 ? extent * 1.1 : 1;
        plot.Axes.SetLimits(-extent, extent, -rows.Count + 0.5, 0.5);
        plot.XLabel($"B − A in smoothed train loss over {ReportFormat.StepCount(window)} (> 0: A better)");
        plot.Title("Findings: per-seed differences, mean and CI, ±δ shaded");
        plot.Axes.Title.Label.Bold = false;
        return plot;
    }
}
