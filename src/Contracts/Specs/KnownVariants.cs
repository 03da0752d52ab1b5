using O = Anneal.Contracts.Specs.KnownOverrides;

namespace Anneal.Contracts.Specs;

/// <summary>
/// The training core's variant names and the overrides each reads, kept here so a spec is checked before it reaches
/// a silo without the client depending on the training core. A test beside the silo checks both against
/// Anneal.Ml's VariantCatalog.
/// </summary>
public static class KnownVariants
{
    public const string Constant = "constant";
    public const string Linear = "linear";
    public const string Cosine = "cosine";
    public const string Stepwise25 = "stepwise-25";
    public const string Stepwise75 = "stepwise-75";
    public const string Polyak = "polyak";
    public const string Ema999 = "ema-0.999";
    public const string Ema9999 = "ema-0.9999";
    public const string ScheduleFreePolyak = "sf-polyak";
    public const string ScheduleFreeEma = "sf-ema";
    public const string ScheduleFreeAdamW = "sf-adamw";
    public const string WarmupStableDecay = "wsd";

    private static readonly Dictionary<string, string[]> OverridesByVariant = new(StringComparer.Ordinal)
    {
        [Constant] = [O.WarmupSteps],
        [Linear] = [O.WarmupSteps],
        [Cosine] = [O.WarmupSteps],
        [Stepwise25] = [O.WarmupSteps, O.DecayAt, O.DecayFactor],
        [Stepwise75] = [O.WarmupSteps, O.DecayAt, O.DecayFactor],
        [Polyak] = [O.WarmupSteps],
        [Ema999] = [O.WarmupSteps, O.EmaRate],
        [Ema9999] = [O.WarmupSteps, O.EmaRate],
        [ScheduleFreePolyak] = [O.WarmupSteps, O.Beta1],
        [ScheduleFreeEma] = [O.WarmupSteps, O.Beta1, O.EmaRate],
        [ScheduleFreeAdamW] = [O.WarmupSteps, O.Beta1, O.WeightDecay, O.WeightLrPower],
        [WarmupStableDecay] = [O.WarmupSteps, O.CooldownFraction, O.CooldownShape],
    };

    public static IReadOnlyList<string> All { get; } =
    [
        Constant, Linear, Cosine, Stepwise25, Stepwise75, Polyak, Ema999, Ema9999,
        ScheduleFreePolyak, ScheduleFreeEma, ScheduleFreeAdamW, WarmupStableDecay,
    ];

    public static bool Exists(string name) => OverridesByVariant.ContainsKey(name);

    /// <summary>
    /// The overrides <paramref name="variant"/> reads. <see cref="O.EmaRate"/> is accepted by every variant (presets
    /// scale EMA rates across a whole sweep; variants without an average ignore it) but listed only where it is read.
    /// </summary>
    public static IReadOnlyList<string> OverridesOf(string variant) =>
        OverridesByVariant.TryGetValue(variant, out var names) ? names : [];

    public static bool Reads(string variant, string overrideName) =>
        overrideName == O.EmaRate || OverridesOf(variant).Contains(overrideName, StringComparer.Ordinal);
}
