using static TorchSharp.torch;

namespace Anneal.Ml.Optimization;

/// <summary>The study's hand-written Adam on a flat parameter buffer: b1 0.9, b2 0.999, eps 1e-6, bias-corrected.</summary>
public sealed class Adam : IDisposable
{
    public const double Beta1 = 0.9;
    public const double Beta2 = 0.999;
    public const double Epsilon = 1e-6;

    public Adam(long size, Device device)
    {
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
        Momentum.mul_(Beta1).add_(gradients, alpha: 1 - Beta1);
        Variance.mul_(Beta2).addcmul_(gradients, gradients, value: 1 - Beta2);
        var momentumCorrection = 1 - Math.Pow(Beta1, t);
        var varianceCorrection = 1 - Math.Pow(Beta2, t);
        using var denominator = Variance.div(varianceCorrection).sqrt_().add_(Epsilon);
        parameters.addcdiv_(Momentum, denominator, value: -learningRate / momentumCorrection);
    }

    public void Dispose()
    {
        Momentum.Dispose();
        Variance.Dispose();
    }
}
