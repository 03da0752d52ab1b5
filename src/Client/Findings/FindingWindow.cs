using Anneal.Client.Reports;
using Anneal.Contracts.Runs;

namespace Anneal.Client.Findings;

/// <summary>
/// The window of the primary metric (smoothed train loss) that verdicts are judged on: the spec's smoothingWindow as
/// submitted, capped at a tenth of the sweep's longest run, in whole buckets of that run's stored curve. A report's
/// --smooth changes its figures, never this window.
/// </summary>
/// <remarks>
/// Why a cap of 10%: the window sets most of the noise of a per-seed difference (Fashion-MNIST, 800 steps, 5 seeds:
/// the constant-minus-linear difference had an SD of 0.013 averaged over the last 10% of steps, 0.003 over the last
/// 25%), so a longer window gives sharper verdicts; but schedule-free-pareto reads a window ending at the shortest
/// linear decay's last step (a quarter of the longest run in the study's layout), and a window must fit well inside
/// it. A tenth of the longest run is the longest window that does so with room to spare.
/// </remarks>
public static class FindingWindow
{
    public const double LargestFraction = 0.1;

    public static VerdictWindow Choose(SweepRecord sweep)
    {
        var longest = sweep.Runs.Count == 0 ? 0 : sweep.Runs.Max(run => run.Steps);
        var bucket = LossCurve.BucketStepsFor(Math.Max(1, longest));
        var cap = (int)Math.Floor(longest * LargestFraction);
        var asked = sweep.SmoothingWindow;
        var steps = asked is { } window && window >= 1 ? Math.Min(window, cap) : cap;
        var whole = Math.Max(bucket, steps / bucket * bucket);
        var reason = asked switch
        {
            null => $"a tenth of the longest run ({ReportFormat.StepCount(longest)}); the spec gave no window",
            { } given when given > cap => $"the spec's {ReportFormat.StepCount(given)} capped at a tenth of the longest run ({ReportFormat.StepCount(longest)})",
            _ => "the spec's smoothingWindow",
        };
        if (whole != steps)
            reason += $", rounded to whole buckets of {ReportFormat.StepCount(bucket)}";
        return new VerdictWindow(whole, bucket, reason);
    }
}
