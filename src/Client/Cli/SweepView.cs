using Anneal.Client.Reports;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Sweeps;
using Spectre.Console;

namespace Anneal.Client.Cli;

/// <summary>
/// A sweep as <c>show</c>, <c>cancel</c> and the end of <c>watch</c> print it. Smoothed losses come from the same
/// report model as report.md, so the numbers on screen and in the report agree.
/// </summary>
public static class SweepView
{
    public static SweepShowJson ToJson(SweepSummary summary, SweepReport report)
    {
        var rows = report.Rows.ToDictionary(row => row.Run.RunId);
        return new SweepShowJson(summary.SweepId, summary.Name, summary.Status, summary.CreatedAt, summary.FinishedAt,
            summary.Spec.Dataset, report.Window, summary.Counts,
            summary.Runs.Select(run => Run(run, rows.GetValueOrDefault(run.RunId))).ToList());
    }

    public static void Write(IAnsiConsole console, SweepSummary summary, SweepReport report)
    {
        console.MarkupLine($"[bold]{Markup.Escape(summary.Name)}[/] ({Markup.Escape(summary.SweepId)}): {Status(summary.Status)} · "
            + $"{Counts(summary.Counts)} · dataset {Markup.Escape(summary.Spec.Dataset)} · smoothing over {ReportFormat.StepCount(report.Window)}");
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("Run", "Variant", "Seed", "Status", "Step", "Smoothed loss", "Val loss", "Val acc", "Steps/s");
        foreach (var column in table.Columns.Skip(4))
            column.RightAligned();
        var rows = report.Rows.ToDictionary(row => row.Run.RunId);
        foreach (var run in summary.Runs)
        {
            var row = rows.GetValueOrDefault(run.RunId);
            table.AddRow(
                Markup.Escape(run.RunId[(run.RunId.LastIndexOf('/') + 1)..]),
                Markup.Escape(run.Label),
                run.Seed.ToString(),
                RunStatusMarkup(run),
                $"{run.Progress?.Step ?? (run.Status == RunStatus.Completed ? run.Steps : 0)}/{run.Steps}",
                ReportFormat.Loss(row?.FinalSmoothedLoss ?? row?.LatestSmoothedLoss),
                ReportFormat.Loss(run.FinalEvaluation?.Loss),
                ReportFormat.Accuracy(run.FinalEvaluation?.Accuracy),
                ReportFormat.Rate(row?.Run.StepsPerSecond ?? run.Progress?.StepsPerSecond));
        }
        console.Write(table);
        foreach (var failed in summary.Runs.Where(run => run.FailureReason is not null))
            console.MarkupLine($"[red]{Markup.Escape(failed.Label)} failed:[/] {Markup.Escape(failed.FailureReason!)}");
    }

    public static string Counts(RunCounts counts)
    {
        var parts = new List<string> { $"{counts.Completed}/{counts.Total} completed" };
        if (counts.Running > 0) parts.Add($"{counts.Running} running");
        if (counts.Queued > 0) parts.Add($"{counts.Queued} queued");
        if (counts.Failed > 0) parts.Add($"{counts.Failed} failed");
        if (counts.Cancelled > 0) parts.Add($"{counts.Cancelled} cancelled");
        return string.Join(", ", parts);
    }

    public static string Status(SweepStatus status) => status switch
    {
        SweepStatus.Completed => "[green]completed[/]",
        SweepStatus.Failed => "[red]failed[/]",
        SweepStatus.Cancelled => "[yellow]cancelled[/]",
        _ => "[blue]running[/]",
    };

    /// <summary>The exit code a followed or watched sweep ends with.</summary>
    public static int ExitCodeOf(SweepStatus status) => status switch
    {
        SweepStatus.Failed => ExitCodes.TrainingFailed,
        SweepStatus.Cancelled => ExitCodes.SweepCancelled,
        _ => ExitCodes.Success,
    };

    private static string RunStatusMarkup(RunSummary run) => run.Status switch
    {
        RunStatus.Completed => "[green]completed[/]",
        RunStatus.Running => "[blue]running[/]",
        RunStatus.Failed => "[red]failed[/]",
        RunStatus.Cancelled => "[yellow]cancelled[/]",
        _ => "[grey]queued[/]",
    };

    private static RunShowJson Run(RunSummary run, RunRow? row) => new(
        run.RunId, run.Label, run.Variant, run.Steps, run.Seed, run.Status,
        run.Status == RunStatus.Completed ? run.Steps : run.Progress?.Step ?? 0,
        run.Attempts,
        row?.LatestSmoothedLoss,
        row?.FinalSmoothedLoss,
        run.FinalEvaluation is { } e ? new ValidationJson(e.Step, e.Loss, e.Accuracy) : null,
        row?.Run.StepsPerSecond ?? run.Progress?.StepsPerSecond,
        run.TrainingTime > TimeSpan.Zero ? run.TrainingTime.TotalSeconds : null,
        run.FailureReason);
}
