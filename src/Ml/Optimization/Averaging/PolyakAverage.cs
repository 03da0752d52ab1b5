using TorchSharp;
using static TorchSharp.torch;

namespace Anneal.Ml.Optimization.Averaging;

/// <summary>Uniform (Polyak) averaging of every parameter vector seen; starts from the initial parameters as the study does.</summary>
public sealed class PolyakAverage(Tensor initial) : IParameterAverage
{
    public Tensor Average { get; } = initial.detach().clone();

    // avg = avg * (1 - c) + p * c,  c = 1 / (step + 1)
    public void Update(Tensor live, int step)
    {
        using var noGrad = no_grad();
        var c = 1.0 / (step + 1);
        using var keep = (1 - c).ToScalar();
        using var weight = c.ToScalar();
        Average.mul_(keep).add_(live, alpha: weight);
    }

    // Uniform averages need no bias correction.
    public Tensor Estimate(int updates) => Average.clone();

    public void Dispose() => Average.Dispose();
}
