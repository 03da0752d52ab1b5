using Anneal.Ml.Optimization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anneal.Ml.Tests.Optimization;

/// <summary>A stand-in for the model: loss(w) = ½‖w‖², so the gradient at w is w itself and hand values are easy.</summary>
internal sealed class QuadraticContext : ITrainingStepContext, IDisposable
{
    private readonly Parameter _weights;

    public QuadraticContext(params float[] start)
    {
        _weights = new Parameter(tensor(start));
        Parameters = new FlatParameters([_weights]);
    }

    public FlatParameters Parameters { get; }

    public float[] Values => Parameters.Values.data<float>().ToArray();

    public float ForwardBackward()
    {
        using var noGrad = no_grad();
        Parameters.Gradients.copy_(Parameters.Values);
        return Loss(Parameters.Values);
    }

    public float LossAt(Tensor point) => Loss(point);

    private static float Loss(Tensor w) => 0.5f * w.square().sum().item<float>();

    public void Dispose()
    {
        Parameters.Dispose();
        _weights.Dispose();
    }
}
