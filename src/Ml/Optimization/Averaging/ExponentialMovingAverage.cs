using TorchSharp;
using static TorchSharp.torch;

namespace Anneal.Ml.Optimization.Averaging;

/// <summary>EMA starting from zeros, bias-corrected like Adam's moments, as the study does.</summary>
public sealed class ExponentialMovingAverage : IParameterAverage
{
    public ExponentialMovingAverage(long size, Device device, double rate)
    {
        if (!(rate > 0 && rate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "an EMA rate lies strictly between 0 and 1");
        }
        Rate = rate;
        Average = zeros(size, ScalarType.Float32, device);
    }

    public double Rate { get; }
    public Tensor Average { get; }

    // avg = avg * r + p * (1 - r)
    public void Update(Tensor live, int step)
    {
        using var noGrad = no_grad();
        using var rate = Rate.ToScalar();
        using var oneMinusRate = (1 - Rate).ToScalar();
        Average.mul_(rate).add_(live, alpha: oneMinusRate);
    }

    // avg_hat = avg / (1 - r^t)
    public Tensor Estimate(int updates)
    {
        using var correction = (1 - Math.Pow(Rate, updates)).ToScalar();
        return Average.div(correction);
    }

    public void Dispose() => Average.Dispose();
}
