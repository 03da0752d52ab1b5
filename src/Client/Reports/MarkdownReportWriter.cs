using System.Text;

namespace Anneal.Client.Reports;

/// <summary>report.md: the figures, the Pareto table and the table of every run, readable on GitHub as it is.</summary>
public static class MarkdownReportWriter
{
    public static void Write(SweepReport report, string path, DateTimeOffset generatedAt) =>
        File.WriteAllText(path, Render(report, generatedAt));

    public static string Render(SweepReport report, DateTimeOffset generatedAt)
    {
        var md = new StringBuilder();
        var sweep = report.Sweep;
        md.AppendLine($"# Sweep report: {sweep.Name} (`{sweep.SweepId}`)").AppendLine();
        md.AppendLine($"Status **{sweep.Status}** · {report.CompletedRuns}/{sweep.Runs.Count} runs completed · dataset {Or(sweep.Dataset)}"
            + $" · batch {sweep.BatchSize?.ToString() ?? ReportFormat.Missing} · LR {sweep.LearningRate?.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) ?? ReportFormat.Missing}"
            + $" · generated {generatedAt:yyyy-MM-dd HH:mm} UTC").AppendLine();
        FindingsMarkdown.Write(md, report.Findings);
        md.AppendLine("## How to read the figures").AppendLine();
        md.AppendLine($"Train loss is smoothed with a moving average over **{ReportFormat.StepCount(report.Window)}** ({report.Smoothing.Reason}) "
            + "and plotted as the study's `plot_losses` does: at the index of each window's first step, y from −0.05 to the study's limit "
            + "unless the curves end above it.").AppendLine();
        if (report.HasSeveralSeeds)
            md.AppendLine("Several seeds: lines and table values are the **mean across seeds**; bands and the ranges in brackets span **min–max**.").AppendLine();
        if (report.IsPartial)
            md.AppendLine($"> **Partial sweep:** {Unfinished(report)}. Figures and tables show what has finished; "
                + "unfinished curves are dashed and marked in the legend, and their final values are left empty.").AppendLine();

        WriteFigures(md, report);
        WritePareto(md, report);
        WriteRuns(md, report);
        if (report.HasSeveralSeeds)
            WriteSeries(md, report);
        md.AppendLine("## Files").AppendLine();
        md.AppendLine("- `curves.csv`: every run's downsampled train-loss curve with its moving average.");
        md.AppendLine("- `report.json`: the numbers of these tables for scripts, with every finding's per-seed differences.");
        md.AppendLine("- Each figure as PNG and SVG.");
        return md.ToString();
    }

    private static void WriteFigures(StringBuilder md, SweepReport report)
    {
        md.AppendLine("## Figures").AppendLine();
        foreach (var figure in report.Figures)
        {
            md.AppendLine($"### {figure.Caption}").AppendLine();
            md.AppendLine($"![{figure.Caption}]({figure.Id}.png)").AppendLine();
            foreach (var note in figure.Notes)
                md.AppendLine($"*{note}*").AppendLine();
            md.AppendLine($"[SVG]({figure.Id}.svg)").AppendLine();
        }
        if (report.SkippedFigures.Count == 0)
            return;
        md.AppendLine("Not drawn, for lack of runs:").AppendLine();
        foreach (var skipped in report.SkippedFigures)
            md.AppendLine($"- {skipped.Caption}: {skipped.Reason}");
        md.AppendLine();
    }

    private static void WritePareto(StringBuilder md, SweepReport report)
    {
        md.AppendLine("## Pareto table").AppendLine();
        var table = report.Pareto;
        if (table.Rows.Count == 0 || table.Columns.Count == 0)
        {
            md.AppendLine("Not computed: it needs linear decays and at least one anytime method (constant, Polyak, EMA or schedule-free).").AppendLine();
            return;
        }
        md.AppendLine("For each linear decay of length L: its final smoothed train loss, and each anytime method's smoothed loss "
            + "over the window ending at step L. **Bold**: at or below the linear decay.").AppendLine();
        md.AppendLine("| L | Linear decay (final) | " + string.Join(" | ", table.Columns.Select(c => c.Label)) + " |");
        md.AppendLine("|---:|---:|" + string.Concat(table.Columns.Select(_ => "---:|")));
        foreach (var row in table.Rows)
        {
            var cells = row.Methods.Select(value =>
            {
                var text = ReportFormat.Spread(value, ReportFormat.Loss);
                return value is not null && row.Linear is not null && value.Mean <= row.Linear.Mean ? $"**{text}**" : text;
            });
            md.AppendLine($"| {ReportFormat.Steps(row.LinearSteps)} | {ReportFormat.Spread(row.Linear, ReportFormat.Loss)} | {string.Join(" | ", cells)} |");
        }
        md.AppendLine();
        foreach (var column in table.Columns)
        {
            var verdict = column.Dominates(table.Rows.Count) ? " — Pareto-dominant over the linear decays" : "";
            md.AppendLine($"- {column.Label}: at or below the linear decay at {column.AtOrBelowLinear} of {column.Compared} lengths compared{verdict}.");
        }
        md.AppendLine();
    }

    private static void WriteRuns(StringBuilder md, SweepReport report)
    {
        md.AppendLine("## Runs").AppendLine();
        md.AppendLine("Validation: loss and accuracy of the parameters each run evaluates (the averaged ones where it averages).").AppendLine();
        md.AppendLine("| Run | Variant | Steps | Seed | Status | Final smoothed train loss | Val loss | Val accuracy | Steps/s | Wall time |");
        md.AppendLine("|---|---|---:|---:|---|---:|---:|---:|---:|---:|");
        foreach (var row in report.Rows)
        {
            var run = row.Run;
            md.AppendLine($"| `{run.RunId}` | {row.Label} | {ReportFormat.Steps(run.Steps)} | {run.Seed} | {Status(run)} | "
                + $"{ReportFormat.Loss(row.FinalSmoothedLoss)} | {ReportFormat.Loss(run.ValidationLoss)} | {ReportFormat.Accuracy(run.ValidationAccuracy)} | "
                + $"{ReportFormat.Rate(run.StepsPerSecond)} | {ReportFormat.Duration(run.WallTime)} |");
        }
        md.AppendLine();
    }

    private static void WriteSeries(StringBuilder md, SweepReport report)
    {
        md.AppendLine("## Across seeds").AppendLine();
        md.AppendLine("Mean (min–max) over the completed seeds of each configuration.").AppendLine();
        md.AppendLine("| Variant | Steps | Seeds | Final smoothed train loss | Val loss | Val accuracy |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var series in report.Series)
            md.AppendLine($"| {StudyFigures.Decorate(series.Method.Label, series)} | {ReportFormat.Steps(series.Steps)} | "
                + $"{series.Runs.Count(r => r.Status == RunStatus.Completed)}/{series.Runs.Count} | "
                + $"{ReportFormat.Spread(series.FinalLoss, ReportFormat.Loss)} | {ReportFormat.Spread(series.ValidationLoss, ReportFormat.Loss)} | "
                + $"{ReportFormat.Spread(series.ValidationAccuracy, ReportFormat.Accuracy)} |");
        md.AppendLine();
    }

    private static string Status(RunRecord run) => run.Status switch
    {
        RunStatus.Completed => "completed",
        RunStatus.Running => $"running {run.StepsDone}/{run.Steps}",
        RunStatus.Failed => $"**failed** at {run.StepsDone}{(run.FailureReason is null ? "" : ": " + run.FailureReason.ReplaceLineEndings(" ").Replace("|", "\\|"))}",
        RunStatus.Cancelled => $"cancelled at {run.StepsDone}",
        _ => "queued",
    };

    private static string Unfinished(SweepReport report) =>
        string.Join(", ", report.Sweep.Runs
            .Where(run => run.Status != RunStatus.Completed)
            .GroupBy(run => run.Status)
            .Select(group => $"{group.Count()} {group.Key.ToString().ToLowerInvariant()}"))
        + $" of {report.Sweep.Runs.Count} runs";

    private static string Or(string text) => string.IsNullOrEmpty(text) ? ReportFormat.Missing : text;
}
