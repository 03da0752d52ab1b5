using TorchSharp;
using static TorchSharp.torch;

namespace Anneal.Ml.Optimization.Methods;

/// <summary>
/// Hyperparameters of <see cref="ScheduleFreeAdamW"/>. The sf-adamw variant's defaults (the reference
/// implementation's) are declared once, in Anneal.Vocabulary's KnownVariants; <paramref name="R"/> is not a setting.
/// </summary>
public sealed record ScheduleFreeAdamWSettings(
    double LearningRate,
    int WarmupSteps,
    double Beta1,
    double Beta2,
    double Epsilon,
    double WeightDecay,
    double WeightLrPower,
    double R = 0);

/// <summary>
/// Schedule-Free AdamW as Defazio et al.'s reference (facebookresearch/schedule_free, <c>AdamWScheduleFree</c>)
/// defines it. The model's buffer holds y, the gradient point; z is the base sequence; the evaluated parameters are
/// x = (y - (1-b1) z) / b1, the average of z weighted by c_k = w_k / Σw, w_k = (k+1)^r · lr_max^2.
/// The reported loss is x's loss on the same batch and dropout masks, like every other averaging variant here.
/// </summary>
public sealed class ScheduleFreeAdamW : IOptimizationMethod
{
    private readonly FlatParameters _parameters;
    private readonly ScheduleFreeAdamWSettings _settings;
    private readonly Tensor _z;
    private readonly Tensor _variance;
    private double _learningRateMax = -1;
    private double _weightSum;

    public ScheduleFreeAdamW(FlatParameters parameters, ScheduleFreeAdamWSettings settings)
    {
        _parameters = parameters;
        _settings = settings;
        _z = parameters.Values.detach().clone();
        _variance = zeros_like(_z);
    }

    // lr_k = lr * min(1, (k+1) / warmup)
    public double LearningRate(int step) =>
        step < _settings.WarmupSteps ? _settings.LearningRate * (step + 1) / _settings.WarmupSteps : _settings.LearningRate;

    public float Step(int step, ITrainingStepContext context)
    {
        context.ForwardBackward();
        using (no_grad())
        {
            var (b1, b2) = (_settings.Beta1, _settings.Beta2);
            var lr = LearningRate(step);
            _learningRateMax = Math.Max(lr, _learningRateMax);
            var weight = Math.Pow(step + 1, _settings.R) * Math.Pow(_learningRateMax, _settings.WeightLrPower);
            _weightSum += weight;
            var ckp1 = _weightSum == 0 ? 0 : weight / _weightSum;
            var adaptiveYLr = lr * (b1 * (1 - ckp1) - 1);

            var y = _parameters.Values;
            var gradients = _parameters.Gradients;
            // v = b2 v + (1-b2) g²;  ĝ = g / (sqrt(v / (1-b2^(k+1))) + eps) + wd * y
            // Every Scalar is held until the end of the update (docs/training.md, "Scalars").
            using var beta2 = b2.ToScalar();
            using var oneMinusBeta2 = (1 - b2).ToScalar();
            using var varianceCorrection = (1 - Math.Pow(b2, step + 1)).ToScalar();
            using var epsilon = _settings.Epsilon.ToScalar();
            using var weightDecay = _settings.WeightDecay.ToScalar();
            using var yStep = adaptiveYLr.ToScalar();
            using var zStep = (-lr).ToScalar();
            _variance.mul_(beta2).addcmul_(gradients, gradients, value: oneMinusBeta2);
            using var denominator = _variance.div(varianceCorrection).sqrt_().add_(epsilon);
            var normalized = gradients.div_(denominator);
            if (_settings.WeightDecay != 0)
            {
                normalized.add_(y, alpha: weightDecay);
            }
            // y = lerp(y, z, c) + lr (b1 (1-c) - 1) ĝ;  z = z - lr ĝ
            using var c = tensor((float)ckp1, ScalarType.Float32, y.device);
            y.lerp_(_z, c);
            y.add_(normalized, alpha: yStep);
            _z.add_(normalized, alpha: zStep);
        }
        using var x = EvaluationPoint(step + 1)!;
        return context.LossAt(x);
    }

    // x = lerp(y, z, 1 - 1/b1), the reference's eval() swap.
    public Tensor? EvaluationPoint(int stepsDone)
    {
        using var noGrad = no_grad();
        using var weight = tensor((float)(1 - 1 / _settings.Beta1), ScalarType.Float32, _z.device);
        return _parameters.Values.lerp(_z, weight);
    }

    public void Save(BinaryWriter writer)
    {
        TensorIO.Write(writer, _z);
        TensorIO.Write(writer, _variance);
        writer.Write(_learningRateMax);
        writer.Write(_weightSum);
    }

    public void Load(BinaryReader reader)
    {
        TensorIO.Read(reader, _z);
        TensorIO.Read(reader, _variance);
        _learningRateMax = reader.ReadDouble();
        _weightSum = reader.ReadDouble();
    }

    public void Dispose()
    {
        _z.Dispose();
        _variance.Dispose();
    }
}
