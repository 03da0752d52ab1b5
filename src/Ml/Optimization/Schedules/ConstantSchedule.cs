namespace Anneal.Ml.Optimization.Schedules;

public sealed class ConstantSchedule(double learningRate) : ILearningRateSchedule
{
    // lr(s) = lr
    public double At(int step) => learningRate;
}
