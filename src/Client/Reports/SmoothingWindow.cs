namespace Anneal.Client.Reports;

/// <summary>
/// The moving-average window in steps. The study averages over 1,000 of 100,000 steps; by default a sweep gets
/// the same 1% of its longest run, rounded up to whole buckets of the downsampled curves so the average is exact.
/// </summary>
public static class SmoothingWindow
{
    public const double StudyFraction = 1_000.0 / 100_000.0;

    public static int Choose(SweepRecord sweep, int? requested)
    {
        if (requested is { } steps)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1, "smoothing window");
            return steps;
        }
        var longest = sweep.Runs.Count == 0 ? 0 : sweep.Runs.Max(run => run.Steps);
        var window = Math.Max(1, (int)Math.Round(longest * StudyFraction));
        var bucket = TypicalBucketWidth(sweep);
        return bucket <= 1 ? window : (window + bucket - 1) / bucket * bucket;
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
