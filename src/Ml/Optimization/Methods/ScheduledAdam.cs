using Anneal.Ml.Optimization.Schedules;
using static TorchSharp.torch;

namespace Anneal.Ml.Optimization.Methods;

/// <summary>The study's Adam under a learning-rate schedule; reports and evaluates the live parameters.</summary>
public sealed class ScheduledAdam(FlatParameters parameters, ILearningRateSchedule schedule, double beta2, double epsilon) : IOptimizationMethod
{
    private readonly Adam _adam = new(parameters.Count, parameters.Values.device, beta2, epsilon);

    public float Step(int step, ITrainingStepContext context)
    {
        var loss = context.ForwardBackward();
        _adam.Update(parameters.Values, parameters.Gradients, schedule.At(step), step + 1);
        return loss;
    }

    public double LearningRate(int step) => schedule.At(step);

    public Tensor? EvaluationPoint(int stepsDone) => null;

    public void Save(BinaryWriter writer)
    {
        TensorIO.Write(writer, _adam.Momentum);
        TensorIO.Write(writer, _adam.Variance);
    }

    public void Load(BinaryReader reader)
    {
        TensorIO.Read(reader, _adam.Momentum);
        TensorIO.Read(reader, _adam.Variance);
    }

    public void Dispose() => _adam.Dispose();
}
