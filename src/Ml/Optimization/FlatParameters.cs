using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anneal.Ml.Optimization;

/// <summary>
/// Every parameter of a model as a view into ONE contiguous buffer, and every gradient as a view into a second one,
/// so optimizers, averages and checkpoints handle all 556k numbers with one op per step instead of one per tensor.
/// Backward accumulates into the gradient views in place; <see cref="ZeroGradients"/> clears them all at once.
/// </summary>
public sealed class FlatParameters : IDisposable
{
    public FlatParameters(IEnumerable<Parameter> parameters)
    {
        var list = parameters.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("the model has no parameters", nameof(parameters));
        }
        Count = list.Sum(p => p.numel());
        Values = zeros(Count, ScalarType.Float32, list[0].device);
        Gradients = zeros(Count, ScalarType.Float32, list[0].device);
        using var noGrad = no_grad();
        long offset = 0;
        foreach (var parameter in list)
        {
            var size = parameter.numel();
            using var values = Values.narrow(0, offset, size).view(parameter.shape);
            values.copy_(parameter);
            parameter.set_(values);
            using var gradient = Gradients.narrow(0, offset, size).view(parameter.shape);
            parameter.grad = gradient;
            offset += size;
        }
    }

    public long Count { get; }
    /// <summary>The model's parameters themselves: writing here changes the model.</summary>
    public Tensor Values { get; }
    /// <summary>Where backward leaves the gradients.</summary>
    public Tensor Gradients { get; }

    public void ZeroGradients() => Gradients.zero_();

    public void Dispose()
    {
        Values.Dispose();
        Gradients.Dispose();
    }
}
