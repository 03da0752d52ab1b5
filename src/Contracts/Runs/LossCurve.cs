namespace Anneal.Contracts.Runs;

/// <summary>
/// A run's train loss, downsampled into equal buckets of <see cref="BucketSteps"/> steps (at most
/// <see cref="MaxPoints"/> of them, so a 100k-step run keeps a point per 50 steps: fine enough for a
/// 1,000-step moving average). Bucket i holds the mean loss of steps i*BucketSteps+1 .. (i+1)*BucketSteps;
/// the last bucket may be partial, covering up to <see cref="LastStep"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("anneal.LossCurve")]
public sealed record LossCurve(
    [property: Id(0)] int BucketSteps,
    [property: Id(1)] IReadOnlyList<float> Means,
    [property: Id(2)] int LastStep)
{
    public const int MaxPoints = 2_000;

    public static int BucketStepsFor(int totalSteps) => Math.Max(1, (totalSteps + MaxPoints - 1) / MaxPoints);

    /// <summary>The step at the centre of bucket <paramref name="index"/>, for plotting.</summary>
    public double CenterStep(int index)
    {
        var first = index * BucketSteps + 1;
        var last = Math.Min((index + 1) * BucketSteps, LastStep);
        return (first + last) / 2.0;
    }
}
