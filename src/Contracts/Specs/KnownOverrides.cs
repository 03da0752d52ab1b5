namespace Anneal.Contracts.Specs;

/// <summary>
/// Variant overrides the training core reads, with the range each accepts. An override a variant does not read is
/// refused rather than ignored, because a typo ("emarate") would otherwise train the default and look like a finding.
/// </summary>
public static class KnownOverrides
{
    /// <summary>EMA decay per step for ema-* and sf-ema, in (0, 1). Accepted by every variant (presets scale it).</summary>
    public const string EmaRate = "emaRate";

    /// <summary>Linear warmup length in steps, before the variant's schedule.</summary>
    public const string WarmupSteps = "warmupSteps";

    /// <summary>Fraction of the run after which a stepwise schedule multiplies the LR by <see cref="DecayFactor"/>.</summary>
    public const string DecayAt = "decayAt";

    /// <summary>What a stepwise schedule multiplies the LR by (0.1 in the study).</summary>
    public const string DecayFactor = "decayFactor";

    /// <summary>Fraction of the run that WSD spends cooling down.</summary>
    public const string CooldownFraction = "cooldownFraction";

    /// <summary>WSD cooldown shape: 1 for 1 - sqrt, 0 for linear.</summary>
    public const string CooldownShape = "cooldownShape";

    /// <summary>Schedule-free interpolation (and momentum) coefficient.</summary>
    public const string Beta1 = "beta1";

    /// <summary>Schedule-Free AdamW's decoupled weight decay.</summary>
    public const string WeightDecay = "weightDecay";

    /// <summary>Schedule-Free AdamW's averaging weight exponent (weight ∝ lr_max^power).</summary>
    public const string WeightLrPower = "weightLrPower";

    public static IReadOnlyList<string> All { get; } =
        [EmaRate, WarmupSteps, DecayAt, DecayFactor, CooldownFraction, CooldownShape, Beta1, WeightDecay, WeightLrPower];

    /// <summary>Null when <paramref name="value"/> is acceptable for <paramref name="name"/>, else what is wrong.</summary>
    public static string? Check(string name, double value, int steps) => name switch
    {
        _ when !All.Contains(name) => $"is not a known override; known: {string.Join(", ", All)}",
        _ when !double.IsFinite(value) => $"must be a finite number, got {value}",
        EmaRate or Beta1 when value is <= 0 or >= 1 => $"must be in (0, 1), got {value}",
        WarmupSteps when value < 0 || value >= Math.Max(1, steps) || value != Math.Floor(value) =>
            $"must be a whole number of steps in [0, steps), got {value}",
        DecayAt or DecayFactor or WeightDecay when value is < 0 or > 1 => $"must be in [0, 1], got {value}",
        CooldownFraction when value is <= 0 or > 1 => $"must be in (0, 1], got {value}",
        CooldownShape when value is not (0 or 1) => $"must be 0 (linear) or 1 (1 - sqrt), got {value}",
        WeightLrPower when value is < 0 or > 8 => $"must be in [0, 8], got {value}",
        _ => null,
    };
}
