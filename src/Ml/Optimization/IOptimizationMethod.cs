using static TorchSharp.torch;

namespace Anneal.Ml.Optimization;

/// <summary>One of the study's ways to train: an optimizer, its LR schedule and any parameter averaging.</summary>
public interface IOptimizationMethod : IDisposable
{
    /// <summary>Runs step <paramref name="step"/> (0-based, as the study counts) and returns the loss it reports.</summary>
    float Step(int step, ITrainingStepContext context);

    /// <summary>The learning rate applied at <paramref name="step"/> (0-based).</summary>
    double LearningRate(int step);

    /// <summary>
    /// A new tensor with the parameters to evaluate after <paramref name="stepsDone"/> steps (the average where the
    /// method keeps one), or null to evaluate the model's own parameters. The caller disposes it.
    /// </summary>
    Tensor? EvaluationPoint(int stepsDone);

    /// <summary>Writes every state tensor and scalar, so that <see cref="Load"/> resumes bit for bit.</summary>
    void Save(BinaryWriter writer);
    void Load(BinaryReader reader);
}
