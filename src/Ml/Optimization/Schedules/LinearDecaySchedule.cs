namespace Anneal.Ml.Optimization.Schedules;

public sealed class LinearDecaySchedule(double learningRate, int totalSteps) : ILearningRateSchedule
{
    // lr(s) = lr * (1 - s / T)
    public double At(int step) => learningRate * (1 - (double)step / totalSteps);
}
