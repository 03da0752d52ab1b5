namespace Anneal.Ml.Optimization.Schedules;

/// <summary>
/// Warmup-stable-decay: linear warmup over <paramref name="warmupSteps"/>, the constant rate, then a cooldown to
/// zero over the last <paramref name="cooldownFraction"/> of training.
/// </summary>
public sealed class WarmupStableDecaySchedule(
    double learningRate, int totalSteps, int warmupSteps, double cooldownFraction, CooldownShape shape) : ILearningRateSchedule
{
    public int CooldownStart { get; } = totalSteps - (int)Math.Round(cooldownFraction * totalSteps);

    // lr(s) = s < W ? lr (s+1)/W : s < C ? lr : lr * (1 - p) or lr * (1 - sqrt p), p = (s - C) / (T - C)
    public double At(int step)
    {
        if (step < warmupSteps)
        {
            return learningRate * (step + 1) / warmupSteps;
        }
        if (step < CooldownStart)
        {
            return learningRate;
        }
        var progress = (double)(step - CooldownStart) / (totalSteps - CooldownStart);
        return learningRate * (shape == CooldownShape.Linear ? 1 - progress : 1 - Math.Sqrt(progress));
    }
}
