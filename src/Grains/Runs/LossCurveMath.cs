using Anneal.Contracts.Runs;

namespace Anneal.Grains.Runs;

/// <summary>Bucketed loss sums: appending steps, reading bucket means and a smoothed (moving average) loss.</summary>
public static class LossCurveMath
{
    public static int BucketSteps(int totalSteps) => LossCurve.BucketStepsFor(totalSteps);

    /// <summary>Adds the losses of steps <paramref name="firstStep"/>.. to the bucket sums.</summary>
    public static void Append(List<double> sums, int bucketSteps, int firstStep, IReadOnlyList<float> losses, int from)
    {
        for (var i = from; i < losses.Count; i++)
        {
            var bucket = (firstStep + i - 1) / bucketSteps;
            while (sums.Count <= bucket) sums.Add(0);
            sums[bucket] += losses[i];
        }
    }

    public static LossCurve ToCurve(List<double> sums, int bucketSteps, int lastStep)
    {
        var means = new float[sums.Count];
        for (var i = 0; i < sums.Count; i++)
            means[i] = (float)(sums[i] / StepsIn(i, bucketSteps, lastStep));
        return new LossCurve(bucketSteps, means, lastStep);
    }

    /// <summary>
    /// Mean loss over the last <paramref name="window"/> steps (all steps when fewer). Exact when the window is a
    /// multiple of the bucket size; otherwise the oldest bucket counts with its mean for the steps it contributes.
    /// </summary>
    public static double Smoothed(List<double> sums, int bucketSteps, int lastStep, int window)
    {
        if (lastStep == 0) return double.NaN;
        var remaining = Math.Min(window, lastStep);
        var covered = remaining;
        var total = 0.0;
        for (var i = sums.Count - 1; i >= 0 && remaining > 0; i--)
        {
            var count = StepsIn(i, bucketSteps, lastStep);
            var take = Math.Min(count, remaining);
            total += sums[i] * take / count;
            remaining -= take;
        }
        return total / covered;
    }

    private static int StepsIn(int bucket, int bucketSteps, int lastStep) =>
        Math.Max(1, Math.Min(bucketSteps, lastStep - bucket * bucketSteps));
}
