using TorchSharp;
using static TorchSharp.torch;

namespace Anneal.Ml.Models;

/// <summary>
/// Flax's default initialisation, which the study relies on: lecun-normal kernels (a normal truncated at ±2σ with
/// σ = sqrt(1/fan_in) / 0.8796..., so that the truncated distribution has variance 1/fan_in), zero biases,
/// LayerNorm scales one and offsets zero, and the class-token embedding drawn like a kernel with fan_in = features.
/// </summary>
public static class FlaxInitialization
{
    // Standard deviation of a unit normal truncated to [-2, 2].
    private const double TruncatedStdCorrection = 0.87962566103423978;

    public static void Apply(nn.Module model, Generator randomness)
    {
        using var noGrad = no_grad();
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (name.Contains("norm"))
            {
                continue; // LayerNorm: weight ones, bias zeros already
            }
            if (parameter.dim() == 1)
            {
                parameter.zero_();
                continue;
            }
            // Linear (out, in) and Conv2d (out, in, kh, kw): fan_in is everything but the first axis.
            // The class token (1, 1, D) counts as an embedding of D features.
            var fanIn = name.Contains("class_token") ? parameter.shape[^1] : parameter[0].numel();
            LecunNormal(parameter, fanIn, randomness);
        }
    }

    /// <summary>
    /// Fills <paramref name="target"/> by inverse-CDF sampling, as PyTorch's <c>trunc_normal_</c> does, because
    /// TorchSharp 0.107's <c>nn.init.trunc_normal_</c> fills the tensor with the constant std instead.
    /// </summary>
    public static void LecunNormal(Tensor target, long fanIn, Generator randomness)
    {
        var std = Math.Sqrt(1.0 / fanIn) / TruncatedStdCorrection;
        var lower = NormalCdf(-2.0);
        var upper = NormalCdf(2.0);
        using var scale = (std * Math.Sqrt(2.0)).ToScalar();
        using var min = (-2 * std).ToScalar();
        using var max = (2 * std).ToScalar();
        target.uniform_(2 * lower - 1, 2 * upper - 1, randomness)
            .erfinv_()
            .mul_(scale)
            .clamp_(min, max);
    }

    private static double NormalCdf(double x) => (1.0 + Erf(x / Math.Sqrt(2.0))) / 2.0;

    // Abramowitz-Stegun 7.1.26 is too coarse here; use the series, which converges fast for |x| <= 2.
    private static double Erf(double x)
    {
        double sum = 0, term = x;
        for (var n = 0; n < 60; n++)
        {
            sum += term / (2 * n + 1);
            term *= -x * x / (n + 1);
        }
        return 2 / Math.Sqrt(Math.PI) * sum;
    }
}
