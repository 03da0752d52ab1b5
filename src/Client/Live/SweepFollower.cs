using Anneal.Client.Cli;
using Anneal.Client.Cluster;
using Anneal.Client.Reports;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Sweeps;
using Spectre.Console;

namespace Anneal.Client.Live;

/// <summary>
/// Follows a sweep until every run has finished, polling its summary (one grain call a second whatever the size of
/// the sweep). On a terminal: a live bar per run and a summary bar. Otherwise (CI logs, tests): a line per change.
/// Cancelling the token stops following and nothing else.
/// </summary>
public sealed class SweepFollower(CliContext context, SweepOperations sweeps, TimeSpan? pollInterval = null)
{
    private readonly TimeSpan _poll = pollInterval ?? TimeSpan.FromSeconds(1);
    private readonly RunTaskState _rows = new();
    private readonly SweepEtaEstimator _eta = new();

    /// <param name="quiet">Print nothing while following (--json: only the result is printed).</param>
    public Task<SweepSummary> FollowAsync(SweepSummary sweep, bool quiet, CancellationToken cancellationToken) =>
        quiet ? FollowQuietAsync(sweep, cancellationToken)
        : context.Out.Profile.Capabilities.Interactive ? FollowLiveAsync(sweep, cancellationToken)
        : FollowPlainAsync(sweep, cancellationToken);

    private async Task<SweepSummary> FollowQuietAsync(SweepSummary sweep, CancellationToken cancellationToken)
    {
        var current = sweep;
        while (current.Status == SweepStatus.Running)
        {
            await Task.Delay(_poll, cancellationToken);
            current = await sweeps.GetAsync(current.SweepId);
        }
        return current;
    }

    private async Task<SweepSummary> FollowLiveAsync(SweepSummary sweep, CancellationToken cancellationToken)
    {
        SweepSummary current = sweep;
        await context.Out.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 30 },
                new PercentageColumn(), new StepColumn(), new LossColumn(_rows), new SpeedColumn(_rows), new EtaColumn(_rows))
            .StartAsync(async progress =>
            {
                var total = progress.AddTask(SummaryLine(current), maxValue: Math.Max(1, current.Runs.Sum(r => r.Steps)));
                var runs = current.Runs.ToDictionary(run => run.RunId, run => progress.AddTask(RunLine(run), maxValue: run.Steps));
                while (true)
                {
                    foreach (var run in current.Runs)
                        Update(runs[run.RunId], run);
                    UpdateTotal(total, current);
                    progress.Refresh();
                    if (current.Status != SweepStatus.Running)
                        break;
                    await Task.Delay(_poll, cancellationToken);
                    current = await sweeps.GetAsync(current.SweepId);
                }
            });
        return current;
    }

    private async Task<SweepSummary> FollowPlainAsync(SweepSummary sweep, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, RunStatus>();
        var current = sweep;
        var lastSummary = DateTimeOffset.MinValue;
        while (true)
        {
            foreach (var run in current.Runs.Where(run => !seen.TryGetValue(run.RunId, out var status) || status != run.Status))
            {
                seen[run.RunId] = run.Status;
                if (run.Status != RunStatus.Queued)
                    context.Out.WritePlainLine($"{DateTimeOffset.Now:HH:mm:ss} {run.Label} ({ShortId(run.RunId)}): {Describe(run)}");
            }
            if (current.Status != SweepStatus.Running)
                return current;
            if (DateTimeOffset.UtcNow - lastSummary > TimeSpan.FromSeconds(30))
            {
                context.Out.WritePlainLine($"{DateTimeOffset.Now:HH:mm:ss} {Markup.Remove(SummaryLine(current))} · {SweepEta(current)}");
                lastSummary = DateTimeOffset.UtcNow;
            }
            await Task.Delay(_poll, cancellationToken);
            current = await sweeps.GetAsync(current.SweepId);
        }
    }

    private void Update(ProgressTask task, RunSummary run)
    {
        var step = run.Status == RunStatus.Completed ? run.Steps : run.Progress?.Step ?? 0;
        task.Value = step;
        task.Description = RunLine(run);
        var eta = run.Status switch
        {
            RunStatus.Running => Eta.Of(run.Steps - step, run.Progress?.StepsPerSecond),
            RunStatus.Completed => "done in " + ReportFormat.Duration(run.TrainingTime),
            RunStatus.Failed => "failed",
            RunStatus.Cancelled => "cancelled",
            _ => run.Attempts > 0 ? "requeued" : "queued",
        };
        _rows.Set(task, run.Progress?.SmoothedLoss, run.Status == RunStatus.Running ? run.Progress?.StepsPerSecond : null, eta);
    }

    private void UpdateTotal(ProgressTask task, SweepSummary sweep)
    {
        task.Value = sweep.Runs.Sum(run => run.Status == RunStatus.Completed ? run.Steps : run.Progress?.Step ?? 0);
        task.Description = SummaryLine(sweep);
        _rows.Set(task, null, RunningSpeed(sweep), sweep.Status == SweepStatus.Running ? SweepEta(sweep) : sweep.Status.ToString().ToLowerInvariant());
    }

    private static string SummaryLine(SweepSummary sweep) =>
        $"[bold]{Markup.Escape(sweep.Name)}[/] {SweepView.Status(sweep.Status)} {Markup.Escape(SweepView.Counts(sweep.Counts))}";

    private static string RunLine(RunSummary run)
    {
        var mark = run.Status switch
        {
            RunStatus.Completed => "[green]✓[/]",
            RunStatus.Failed => "[red]✗[/]",
            RunStatus.Cancelled => "[yellow]-[/]",
            RunStatus.Running => "[blue]▸[/]",
            _ => "[grey]·[/]",
        };
        return $"{mark} {Markup.Escape(run.Label)}";
    }

    private static double? RunningSpeed(SweepSummary sweep)
    {
        var speeds = sweep.Runs.Where(run => run.Status == RunStatus.Running && run.Progress is not null)
            .Select(run => run.Progress!.StepsPerSecond).ToList();
        return speeds.Count == 0 ? null : speeds.Sum();
    }

    /// <summary>Time left from each variant family's measured cost per step (see <see cref="SweepEtaEstimator"/>).</summary>
    private string SweepEta(SweepSummary sweep) => Eta.Of(_eta.Observe(sweep, DateTimeOffset.UtcNow));

    private static string Describe(RunSummary run) => run.Status switch
    {
        RunStatus.Completed =>
            $"completed in {ReportFormat.Duration(run.TrainingTime)} · val loss {ReportFormat.Loss(run.FinalEvaluation?.Loss)}"
            + $" · val accuracy {ReportFormat.Accuracy(run.FinalEvaluation?.Accuracy)}",
        RunStatus.Failed => $"failed: {run.FailureReason}",
        RunStatus.Running => $"running (attempt {run.Attempts}{(run.Worker is null ? "" : ", " + run.Worker)})",
        _ => run.Status.ToString().ToLowerInvariant(),
    };

    private static string ShortId(string runId) => runId[(runId.LastIndexOf('/') + 1)..];
}
