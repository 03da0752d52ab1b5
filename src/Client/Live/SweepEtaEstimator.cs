using Anneal.Contracts.Runs;
using Anneal.Contracts.Sweeps;

namespace Anneal.Client.Live;

/// <summary>
/// The time a sweep has left, from what it has measured so far rather than from the speed of the moment: for each
/// variant family (plain schedules; averaging and schedule-free, whose steps cost more), the seconds of training per
/// step summed over every run seen, times the steps its unfinished runs (queued and running) still have, spread over
/// the slots seen training at once. An instant's speed swings with which runs happen to train and with the machine's
/// load; sums over minutes of training do not, so the estimate holds from one poll to the next. A running run's last
/// report is some seconds old (runs report every few dozen steps): those seconds are already spent.
/// </summary>
public sealed class SweepEtaEstimator
{
    private const string Plain = "plain";
    private const string Averaged = "averaged";
    private readonly Dictionary<string, (int Step, TimeSpan Trained)> _lastSeen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Steps, double Seconds)> _byFamily = new(StringComparer.Ordinal);
    private int _slots;

    /// <summary>Takes in one poll of the sweep and returns the time left, or null before any step was measured.</summary>
    /// <param name="now">The time of the poll, on the clock of the grains' <see cref="RunProgress.UpdatedAt"/>.</param>
    public TimeSpan? Observe(SweepSummary sweep, DateTimeOffset now)
    {
        foreach (var run in sweep.Runs)
        {
            Measure(run);
        }
        _slots = Math.Max(_slots, sweep.Runs.Count(run => run.Status == RunStatus.Running));
        var unfinished = sweep.Runs.Where(run => !run.Status.IsTerminal()).ToList();
        if (unfinished.Count == 0)
        {
            return TimeSpan.Zero;
        }
        double total = 0, longest = 0;
        foreach (var run in unfinished)
        {
            if (SecondsPerStep(Family(run.Variant)) is not { } perStep)
            {
                return null;
            }
            var left = Math.Max(0, run.Steps - Step(run)) * perStep;
            if (run.Status == RunStatus.Running && run.Progress is { } progress)
            {
                left = Math.Max(0, left - Math.Max(0, (now - progress.UpdatedAt).TotalSeconds));
            }
            total += left;
            longest = Math.Max(longest, left);
        }
        // Slots share out the queued work; no schedule finishes before its longest remaining run.
        return TimeSpan.FromSeconds(Math.Max(total / Math.Max(1, _slots), longest));
    }

    /// <summary>Plain schedules, or averaging and schedule-free variants (they keep and update a second set of weights).</summary>
    public static string Family(string variant) =>
        variant == "polyak" || variant.StartsWith("ema-", StringComparison.Ordinal) || variant.StartsWith("sf-", StringComparison.Ordinal)
            ? Averaged
            : Plain;

    private void Measure(RunSummary run)
    {
        var now = (Step: Step(run), Trained: run.TrainingTime);
        var before = _lastSeen.GetValueOrDefault(run.RunId);
        _lastSeen[run.RunId] = now;
        var (steps, seconds) = (now.Step - before.Step, (now.Trained - before.Trained).TotalSeconds);
        if (steps <= 0 || seconds <= 0)
        {
            return;
        }
        var family = Family(run.Variant);
        var sum = _byFamily.GetValueOrDefault(family);
        _byFamily[family] = (sum.Steps + steps, sum.Seconds + seconds);
    }

    /// <summary>The family's measured cost, else (nothing of it trained yet) the mean over all runs measured.</summary>
    private double? SecondsPerStep(string family)
    {
        if (_byFamily.TryGetValue(family, out var own))
        {
            return own.Seconds / own.Steps;
        }
        var (steps, seconds) = (_byFamily.Values.Sum(f => f.Steps), _byFamily.Values.Sum(f => f.Seconds));
        return steps > 0 ? seconds / steps : null;
    }

    private static int Step(RunSummary run) => run.Status == RunStatus.Completed ? run.Steps : run.Progress?.Step ?? 0;
}
