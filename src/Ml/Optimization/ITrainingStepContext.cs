using static TorchSharp.torch;

namespace Anneal.Ml.Optimization;

/// <summary>What the trainer offers an optimization method during one step, on that step's batch.</summary>
public interface ITrainingStepContext
{
    /// <summary>The model's parameters and gradient buffers.</summary>
    FlatParameters Parameters { get; }

    /// <summary>Forward and backward at the model's current parameters: fills the gradients, returns the loss.</summary>
    float ForwardBackward();

    /// <summary>
    /// The loss at <paramref name="point"/> (a flat parameter vector) on the same batch with the SAME dropout masks as
    /// this step's <see cref="ForwardBackward"/>, as the study evaluates averaged parameters with the same key.
    /// The model's parameters are left as they were.
    /// </summary>
    float LossAt(Tensor point);
}
