using TorchSharp;
using static TorchSharp.torch;

namespace Anneal.Ml.Optimization;

/// <summary>
/// The study's hand-written Adam on a flat parameter buffer, bias-corrected: b1 0.9; b2 and eps as the variant reads
/// them (the study's 0.999 and 1e-6 unless a run overrides beta2 or eps).
/// </summary>
public sealed class Adam : IDisposable
{
    public const double Beta1 = 0.9;

    private readonly double _beta2;
    private readonly double _epsilon;

    public Adam(long size, Device device, double beta2, double epsilon)
    {
        _beta2 = beta2;
        _epsilon = epsilon;
        Momentum = zeros(size, ScalarType.Float32, device);
        Variance = zeros(size, ScalarType.Float32, device);
    }

    public Tensor Momentum { get; }
    public Tensor Variance { get; }

    /// <summary>One update of <paramref name="parameters"/> in place; <paramref name="t"/> counts from 1.</summary>
    public void Update(Tensor parameters, Tensor gradients, double learningRate, int t)
    {
        using var noGrad = no_grad();
        // m = b1 m + (1-b1) g;  v = b2 v + (1-b2) g²;  p -= lr * (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)
        // Every Scalar is held until the end of the update (docs/training.md, "Scalars").
        using var beta1 = Beta1.ToScalar();
        using var oneMinusBeta1 = (1 - Beta1).ToScalar();
        using var beta2 = _beta2.ToScalar();
        using var oneMinusBeta2 = (1 - _beta2).ToScalar();
        using var varianceCorrection = (1 - Math.Pow(_beta2, t)).ToScalar();
        using var epsilon = _epsilon.ToScalar();
        using var stepSize = (-learningRate / (1 - Math.Pow(Beta1, t))).ToScalar();
        Momentum.mul_(beta1).add_(gradients, alpha: oneMinusBeta1);
        Variance.mul_(beta2).addcmul_(gradients, gradients, value: oneMinusBeta2);
        using var denominator = Variance.div(varianceCorrection).sqrt_().add_(epsilon);
        parameters.addcdiv_(Momentum, denominator, value: stepSize);
    }

    public void Dispose()
    {
        Momentum.Dispose();
        Variance.Dispose();
    }
}
