namespace Anneal.Ml.Optimization.Schedules;

/// <summary>
/// Linear warmup in front of any schedule: the rate climbs to <paramref name="peak"/> over the first
/// <paramref name="warmupSteps"/> steps, then <paramref name="afterWarmup"/> runs from its own step 0, so build it
/// for <c>T - warmupSteps</c> steps.
/// </summary>
public sealed class WarmupSchedule(ILearningRateSchedule afterWarmup, int warmupSteps, double peak) : ILearningRateSchedule
{
    // lr(s) = s < W ? peak * (s + 1) / W : after(s - W)
    public double At(int step) => step < warmupSteps ? peak * (step + 1) / warmupSteps : afterWarmup.At(step - warmupSteps);
}
