using Anneal.Ml.Models;
using Anneal.Ml.Optimization;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Anneal.Ml.Training;

/// <summary>One step's batch and the model, as an optimization method sees them.</summary>
internal sealed class TrainingStepContext(TinyVit model, FlatParameters parameters, Generator dropoutRandomness) : ITrainingStepContext, IDisposable
{
    private readonly Tensor _swap = empty_like(parameters.Values);
    private Tensor? _images;
    private Tensor? _labels;
    private Tensor? _randomnessAtForward;

    public FlatParameters Parameters => parameters;

    /// <summary>The loss of the last <see cref="ForwardBackward"/> (the live or gradient point's loss).</summary>
    public float LastForwardLoss { get; private set; }

    /// <summary>Sets this step's batch; both tensors belong to the step's dispose scope.</summary>
    public void Begin(Tensor images, Tensor labels)
    {
        _images = images;
        _labels = labels;
        _randomnessAtForward = null;
    }

    public float ForwardBackward()
    {
        _randomnessAtForward = dropoutRandomness.get_state();
        using var loss = F.cross_entropy(model.call(_images!), _labels!);
        parameters.ZeroGradients();
        loss.backward();
        LastForwardLoss = loss.item<float>();
        return LastForwardLoss;
    }

    public float LossAt(Tensor point)
    {
        using var noGrad = no_grad();
        _swap.copy_(parameters.Values);
        parameters.Values.copy_(point);
        if (_randomnessAtForward is not null)
        {
            // Replays the dropout masks of this step's forward pass; the generator ends where that pass left it.
            dropoutRandomness.set_state(_randomnessAtForward);
        }
        using var loss = F.cross_entropy(model.call(_images!), _labels!);
        parameters.Values.copy_(_swap);
        return loss.item<float>();
    }

    public void Dispose() => _swap.Dispose();
}
