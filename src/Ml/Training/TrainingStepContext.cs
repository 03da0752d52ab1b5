using Anneal.Ml.Models;
using Anneal.Ml.Optimization;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Anneal.Ml.Training;

/// <summary>One step's batch and the model, as an optimization method sees them.</summary>
internal sealed class TrainingStepContext(TinyVit model, FlatParameters parameters, DropoutMasks dropoutMasks) : ITrainingStepContext, IDisposable
{
    private readonly Tensor _swap = empty_like(parameters.Values);
    private Tensor? _images;
    private Tensor? _labels;

    public FlatParameters Parameters => parameters;

    /// <summary>The loss of the last <see cref="ForwardBackward"/> (the live or gradient point's loss).</summary>
    public float LastForwardLoss { get; private set; }

    /// <summary>Sets this step's batch; both tensors, and the step's dropout masks, belong to the step's dispose scope.</summary>
    public void Begin(Tensor images, Tensor labels)
    {
        _images = images;
        _labels = labels;
    }

    public float ForwardBackward()
    {
        // The masks this pass draws are the ones LossAt replays.
        dropoutMasks.Clear();
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
        try
        {
            // The masks of this step's forward pass, reused rather than drawn again: the generator stays where that
            // pass left it, as it did when the masks were redrawn from its rewound state.
            using var replay = dropoutMasks.Replay();
            using var loss = F.cross_entropy(model.call(_images!), _labels!);
            return loss.item<float>();
        }
        finally
        {
            parameters.Values.copy_(_swap);
        }
    }

    public void Dispose() => _swap.Dispose();
}
