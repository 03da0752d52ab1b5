using TorchSharp;
using Anneal.Ml.Optimization.Averaging;
using Anneal.Ml.Optimization.Schedules;
using static TorchSharp.torch;

namespace Anneal.Ml.Optimization.Methods;

/// <summary>
/// Schedule-free Adam exactly as the study writes it (<c>adam_optimizer_schedulefree</c>): the gradient is taken at
/// y = (1-b1) x + b1 x̂ between the live parameters x and the averaged x̂ (Polyak, or EMA bias-corrected with t = step+1
/// BEFORE the update, a quirk kept on purpose); Adam's second moment only, no momentum; the reported loss is x̂'s,
/// x̂ as it was before this step's update. The model's own buffer holds y; x and the average live here.
/// </summary>
public sealed class ScheduleFreeAdam : IOptimizationMethod
{
    private readonly FlatParameters _parameters;
    private readonly ILearningRateSchedule _schedule;
    private readonly IParameterAverage _average;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly double _epsilon;
    private readonly Tensor _live;
    private readonly Tensor _variance;

    /// <param name="average">Polyak starting from the initial parameters, or EMA starting from zeros (the study).</param>
    /// <param name="beta2">Adam's second-moment decay (the study: 0.999).</param>
    /// <param name="epsilon">Added to sqrt(v̂) (the study: 1e-6).</param>
    public ScheduleFreeAdam(FlatParameters parameters, ILearningRateSchedule schedule, IParameterAverage average, double beta1, double beta2, double epsilon)
    {
        _parameters = parameters;
        _schedule = schedule;
        _average = average;
        _beta1 = beta1;
        _beta2 = beta2;
        _epsilon = epsilon;
        _live = parameters.Values.detach().clone();
        _variance = zeros_like(_live);
    }

    public float Step(int step, ITrainingStepContext context)
    {
        using var smoothed = _average.Estimate(step + 1);
        using (no_grad())
        {
            // y = (1 - b1) * x + b1 * x̂
            using var oneMinusBeta1 = (1 - _beta1).ToScalar();
            using var beta1 = _beta1.ToScalar();
            _parameters.Values.copy_(_live).mul_(oneMinusBeta1).add_(smoothed, alpha: beta1);
        }
        context.ForwardBackward();
        using (no_grad())
        {
            // v = b2 v + (1-b2) g²;  x -= lr * g / (sqrt(v / (1-b2^t)) + eps)
            var gradients = _parameters.Gradients;
            using var beta2 = _beta2.ToScalar();
            using var oneMinusBeta2 = (1 - _beta2).ToScalar();
            using var varianceCorrection = (1 - Math.Pow(_beta2, step + 1)).ToScalar();
            using var epsilon = _epsilon.ToScalar();
            using var stepSize = (-_schedule.At(step)).ToScalar();
            _variance.mul_(beta2).addcmul_(gradients, gradients, value: oneMinusBeta2);
            using var denominator = _variance.div(varianceCorrection).sqrt_().add_(epsilon);
            _live.addcdiv_(gradients, denominator, value: stepSize);
        }
        _average.Update(_live, step);
        return context.LossAt(smoothed);
    }

    public double LearningRate(int step) => _schedule.At(step);

    // The x̂ that the next step would report, with the study's own bias correction.
    public Tensor? EvaluationPoint(int stepsDone) => _average.Estimate(stepsDone + 1);

    public void Save(BinaryWriter writer)
    {
        TensorIO.Write(writer, _live);
        TensorIO.Write(writer, _variance);
        TensorIO.Write(writer, _average.Average);
    }

    public void Load(BinaryReader reader)
    {
        TensorIO.Read(reader, _live);
        TensorIO.Read(reader, _variance);
        TensorIO.Read(reader, _average.Average);
    }

    public void Dispose()
    {
        _live.Dispose();
        _variance.Dispose();
        _average.Dispose();
    }
}
