namespace Anneal.Client.Reports;

/// <summary>
/// The running sum of per-step train losses, C(s) = loss(1) + … + loss(s), rebuilt from a downsampled curve.
/// Exact at every point's step; between two points it assumes the bucket's steps all had the bucket's mean,
/// which is exact again wherever a window starts and ends on bucket boundaries.
/// </summary>
internal sealed class CumulativeLoss
{
    private readonly int[] _steps;
    private readonly double[] _sums;

    public CumulativeLoss(IReadOnlyList<CurvePoint> curve)
    {
        _steps = new int[curve.Count + 1];
        _sums = new double[curve.Count + 1];
        for (var i = 0; i < curve.Count; i++)
        {
            var point = curve[i];
            if (point.Step <= _steps[i])
                throw new ArgumentException(
                    $"curve steps must increase: point {i} has step {point.Step} after step {_steps[i]}", nameof(curve));
            _steps[i + 1] = point.Step;
            _sums[i + 1] = _sums[i] + point.MeanLoss * (point.Step - _steps[i]);
        }
    }

    /// <summary>The last step the curve covers (0 when empty).</summary>
    public int LastStep => _steps[^1];

    /// <summary>Step ends of the buckets, in order.</summary>
    public IEnumerable<int> BucketEnds => _steps.Skip(1);

    public double At(int step)
    {
        if (step < 0 || step > LastStep)
            throw new ArgumentOutOfRangeException(nameof(step), step, $"the curve covers steps 0..{LastStep}");
        var index = Array.BinarySearch(_steps, step);
        if (index >= 0)
            return _sums[index];
        var upper = ~index;
        var fraction = (double)(step - _steps[upper - 1]) / (_steps[upper] - _steps[upper - 1]);
        return _sums[upper - 1] + fraction * (_sums[upper] - _sums[upper - 1]);
    }
}
