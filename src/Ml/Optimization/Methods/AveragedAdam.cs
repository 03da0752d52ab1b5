using Anneal.Ml.Optimization.Averaging;
using Anneal.Ml.Optimization.Schedules;
using static TorchSharp.torch;

namespace Anneal.Ml.Optimization.Methods;

/// <summary>
/// The study's <c>adam_optimizer_averaging</c>: Adam on the live parameters, then the average updated with the new
/// ones; the reported loss is the (bias-corrected) average's loss on the same batch and dropout key.
/// </summary>
public sealed class AveragedAdam(FlatParameters parameters, ILearningRateSchedule schedule, IParameterAverage average, double beta2, double epsilon)
    : IOptimizationMethod
{
    private readonly Adam _adam = new(parameters.Count, parameters.Values.device, beta2, epsilon);

    public float Step(int step, ITrainingStepContext context)
    {
        context.ForwardBackward();
        _adam.Update(parameters.Values, parameters.Gradients, schedule.At(step), step + 1);
        average.Update(parameters.Values, step);
        using var smoothed = average.Estimate(step + 1);
        return context.LossAt(smoothed);
    }

    public double LearningRate(int step) => schedule.At(step);

    public Tensor? EvaluationPoint(int stepsDone) => average.Estimate(stepsDone);

    public void Save(BinaryWriter writer)
    {
        TensorIO.Write(writer, _adam.Momentum);
        TensorIO.Write(writer, _adam.Variance);
        TensorIO.Write(writer, average.Average);
    }

    public void Load(BinaryReader reader)
    {
        TensorIO.Read(reader, _adam.Momentum);
        TensorIO.Read(reader, _adam.Variance);
        TensorIO.Read(reader, average.Average);
    }

    public void Dispose()
    {
        _adam.Dispose();
        average.Dispose();
    }
}
