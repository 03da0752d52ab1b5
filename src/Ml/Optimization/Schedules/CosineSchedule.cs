namespace Anneal.Ml.Optimization.Schedules;

public sealed class CosineSchedule(double learningRate, int totalSteps) : ILearningRateSchedule
{
    // lr(s) = lr * 0.5 * (1 + cos(pi * s / T))
    public double At(int step) => learningRate * 0.5 * (1 + Math.Cos(Math.PI * step / totalSteps));
}
