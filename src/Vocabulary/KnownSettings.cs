namespace Anneal.Vocabulary;

/// <summary>
/// Every number a run can set: <see cref="LearningRate"/> as a field of its own, the rest through a run's overrides.
/// Adding a setting is one entry here, one in <see cref="KnownVariants"/> for each variant that reads it, and the
/// line of the training core that reads it.
/// </summary>
public static class KnownSettings
{
    /// <summary>Peak learning rate; the schedules scale it. A spec's run-level <c>lr</c> and <c>anneal train --lr</c>.</summary>
    public static Setting LearningRate { get; } = new("lr", "Peak learning rate", Interval.Positive);

    public static Setting EmaRate { get; } = new("emaRate", "EMA decay per step of the average (ema-*, sf-ema)", Interval.Open(0, 1));

    public static Setting WarmupSteps { get; } = new("warmupSteps", "Linear warmup length in steps, before the variant's schedule", Interval.NonNegative)
    {
        WholeNumber = true,
        BelowRunLength = true,
    };

    public static Setting DecayAt { get; } = new("decayAt", "Fraction of the run after which a stepwise schedule multiplies the LR by decayFactor", Interval.Closed(0, 1));

    public static Setting DecayFactor { get; } = new("decayFactor", "What a stepwise schedule multiplies the LR by", Interval.Closed(0, 1));

    public static Setting CooldownFraction { get; } = new("cooldownFraction", "Fraction of the run that WSD spends cooling down", new Interval(0, 1, false, true));

    public static Setting CooldownShape { get; } = new("cooldownShape", "WSD cooldown shape: 1 for 1 - sqrt, 0 for linear", Interval.Closed(0, 1))
    {
        WholeNumber = true,
    };

    public static Setting Beta1 { get; } = new("beta1", "Schedule-free interpolation (and momentum) coefficient", Interval.Open(0, 1));

    public static Setting Beta2 { get; } = new("beta2", "Adam's second-moment decay", Interval.Open(0, 1));

    public static Setting Epsilon { get; } = new("eps", "Adam's epsilon, added to sqrt(v) in the denominator", Interval.Positive);

    public static Setting WeightDecay { get; } = new("weightDecay", "Schedule-Free AdamW's decoupled weight decay", Interval.Closed(0, 1));

    public static Setting WeightLrPower { get; } = new("weightLrPower", "Schedule-Free AdamW's averaging weight exponent (weight ∝ lr_max^power)", Interval.Closed(0, 8));

    /// <summary>The settings a run's overrides may hold.</summary>
    public static IReadOnlyList<Setting> Overrides { get; } =
        [EmaRate, WarmupSteps, DecayAt, DecayFactor, CooldownFraction, CooldownShape, Beta1, Beta2, Epsilon, WeightDecay, WeightLrPower];

    public static Setting? FindOverride(string name) => Overrides.FirstOrDefault(s => s.Name == name);
}
