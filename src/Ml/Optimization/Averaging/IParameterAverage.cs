using static TorchSharp.torch;

namespace Anneal.Ml.Optimization.Averaging;

/// <summary>A running average of the live parameters after each step.</summary>
public interface IParameterAverage : IDisposable
{
    /// <summary>The raw running average (what a checkpoint stores).</summary>
    Tensor Average { get; }

    /// <summary>Folds in the parameters after step <paramref name="step"/> (0-based).</summary>
    void Update(Tensor live, int step);

    /// <summary>A new tensor: the bias-corrected average after <paramref name="updates"/> updates.</summary>
    Tensor Estimate(int updates);
}
