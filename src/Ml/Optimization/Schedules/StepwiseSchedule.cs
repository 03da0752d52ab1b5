namespace Anneal.Ml.Optimization.Schedules;

/// <param name="decayAt">Fraction of training after which the rate drops (the study: 0.25 and 0.75).</param>
/// <param name="factor">What the rate is multiplied by after the drop (the study: 0.1).</param>
public sealed class StepwiseSchedule(double learningRate, int totalSteps, double decayAt, double factor = 0.1) : ILearningRateSchedule
{
    // lr(s) = lr * (s / T > decayAt ? factor : 1)
    public double At(int step) => (double)step / totalSteps > decayAt ? learningRate * factor : learningRate;
}
