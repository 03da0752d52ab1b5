using System.Globalization;

namespace Anneal.Client.Reports;

/// <summary>
/// The moving-average window in steps: the one asked for on the command line, else the spec's, else the study's
/// proportion (1,000 of 100,000 steps: 1% of the longest run), rounded up to whole buckets of the downsampled curves
/// so the average stays exact. A spec window longer than a tenth of the longest run (a spec that kept the default
/// 1,000 for runs of a few hundred steps) would leave nearly no curve, so the study's proportion replaces it.
/// </summary>
public static class SmoothingWindow
{
    public const double StudyFraction = 1_000.0 / 100_000.0;
    public const double LargestSpecFraction = 0.1;

    public static SmoothingChoice Choose(SweepRecord sweep, int? requested)
    {
        if (requested is { } steps)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1, "smoothing window");
            return new SmoothingChoice(steps, "as asked");
        }
        var longest = sweep.Runs.Count == 0 ? 0 : sweep.Runs.Max(run => run.Steps);
        if (sweep.SmoothingWindow is { } spec && spec >= 1 && spec <= longest * LargestSpecFraction)
            return new SmoothingChoice(spec, "the sweep spec's smoothingWindow");

        var window = Math.Max(1, (int)Math.Round(longest * StudyFraction));
        var bucket = TypicalBucketWidth(sweep);
        if (bucket > 1)
            window = (window + bucket - 1) / bucket * bucket;
        var reason = "1% of the longest run, as the study's 1,000 of 100,000";
        if (sweep.SmoothingWindow is { } ignored)
            reason += $"; the spec's {ignored.ToString("N0", CultureInfo.InvariantCulture)} is over a tenth of the longest run";
        return new SmoothingChoice(window, reason);
    }

    /// <summary>The most common distance between curve points, 0 when no run has a curve yet.</summary>
    private static int TypicalBucketWidth(SweepRecord sweep) =>
        sweep.Runs
            .SelectMany(run => run.Curve.Zip(run.Curve.Skip(1), (a, b) => b.Step - a.Step))
            .GroupBy(width => width)
            .OrderByDescending(group => group.Count())
            .ThenBy(group => group.Key)
            .Select(group => group.Key)
            .FirstOrDefault();
}
