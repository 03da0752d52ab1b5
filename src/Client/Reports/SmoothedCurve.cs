namespace Anneal.Client.Reports;

/// <summary>
/// A run's train loss under a moving average of <see cref="Window"/> steps, as the study's
/// <c>np.convolve(loss, np.ones(W), 'valid') / W</c>: a value exists only for full windows.
/// </summary>
public sealed class SmoothedCurve
{
    private readonly CumulativeLoss _cumulative;

    private SmoothedCurve(CumulativeLoss cumulative, int window, IReadOnlyList<SmoothedPoint> points)
    {
        _cumulative = cumulative;
        Window = window;
        Points = points;
    }

    public int Window { get; }

    /// <summary>One value per bucket end that closes a full window.</summary>
    public IReadOnlyList<SmoothedPoint> Points { get; }

    /// <summary>The last step the underlying curve covers.</summary>
    public int LastStep => _cumulative.LastStep;

    /// <summary>The value of the window that ends at the curve's last step; null before a full window.</summary>
    public double? Final => ValueAt(LastStep);

    public static SmoothedCurve From(IReadOnlyList<CurvePoint> curve, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var cumulative = new CumulativeLoss(curve);
        var points = cumulative.BucketEnds
            .Where(end => end >= window)
            .Select(end => new SmoothedPoint(end, (cumulative.At(end) - cumulative.At(end - window)) / window))
            .ToList();
        return new SmoothedCurve(cumulative, window, points);
    }

    /// <summary>The mean loss over the <see cref="Window"/> steps that end at <paramref name="windowEnd"/>.</summary>
    public double? ValueAt(int windowEnd) =>
        windowEnd < Window || windowEnd > LastStep
            ? null
            : (_cumulative.At(windowEnd) - _cumulative.At(windowEnd - Window)) / Window;
}
