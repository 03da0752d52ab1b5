namespace Anneal.Ml.Optimization.Schedules;

/// <summary>How a warmup-stable-decay schedule falls to zero (Hägele et al. 2024 found 1-sqrt best).</summary>
public enum CooldownShape
{
    Linear = 0,
    OneMinusSqrt = 1,
}
