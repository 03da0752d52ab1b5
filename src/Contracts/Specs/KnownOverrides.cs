namespace Anneal.Contracts.Specs;

/// <summary>
/// Variant overrides the training core reads, with the range each accepts. An unknown name is refused rather than
/// silently ignored, because a typo ("emarate") would otherwise train the default and look like a finding.
/// </summary>
public static class KnownOverrides
{
    /// <summary>EMA decay per step for ema-* and sf-ema, in (0, 1).</summary>
    public const string EmaRate = "emaRate";

    /// <summary>Linear warmup length in steps, before the variant's schedule.</summary>
    public const string WarmupSteps = "warmupSteps";

    /// <summary>Fraction of the run after which a stepwise schedule multiplies the LR by 0.1.</summary>
    public const string DecayAt = "decayAt";

    /// <summary>Fraction of the run that WSD spends cooling down.</summary>
    public const string CooldownFraction = "cooldownFraction";

    public static IReadOnlyList<string> All { get; } = [EmaRate, WarmupSteps, DecayAt, CooldownFraction];

    /// <summary>Null when <paramref name="value"/> is acceptable for <paramref name="name"/>, else what is wrong.</summary>
    public static string? Check(string name, double value, int steps) => name switch
    {
        _ when !double.IsFinite(value) => $"must be a finite number, got {value}",
        EmaRate when value is <= 0 or >= 1 => $"must be in (0, 1), got {value}",
        WarmupSteps when value < 0 || value >= steps || value != Math.Floor(value) =>
            $"must be a whole number of steps in [0, steps), got {value}",
        DecayAt or CooldownFraction when value is <= 0 or > 1 => $"must be in (0, 1], got {value}",
        EmaRate or WarmupSteps or DecayAt or CooldownFraction => null,
        _ => $"is not a known override; known: {string.Join(", ", All)}",
    };
}
