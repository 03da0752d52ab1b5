using S = Anneal.Vocabulary.KnownSettings;

namespace Anneal.Vocabulary;

/// <summary>
/// The named training variants: the study's eleven plus WSD and Schedule-Free AdamW, each with the settings it reads
/// and their defaults. The spec validator checks runs against these; the training core builds each variant from them
/// (Anneal.Ml's VariantCatalog), and a test there builds every variant with every setting it declares.
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

    /// <summary>The study's Adam: b1 0.9 (fixed), b2 0.999, eps 1e-6.</summary>
    public const double StudyBeta2 = 0.999;
    public const double StudyEpsilon = 1e-6;

    // Every Adam-based variant reads these: warmup before its schedule, and Adam's second-moment decay and epsilon.
    private static readonly SettingDefault[] Adam =
        [new(S.WarmupSteps, 0), new(S.Beta2, StudyBeta2), new(S.Epsilon, StudyEpsilon)];

    public static IReadOnlyList<VariantDefinition> All { get; } =
    [
        new(Constant, "Adam, lr(s) = lr", Adam),
        new(Linear, "Adam, lr(s) = lr * (1 - s/T)", Adam),
        new(Cosine, "Adam, lr(s) = lr * (1 + cos(pi s/T)) / 2", Adam),
        Stepwise(Stepwise25, 0.25),
        Stepwise(Stepwise75, 0.75),
        new(Polyak, "Adam at constant lr; report and evaluate the uniform average avg += (p - avg) / (s+1)", Adam),
        Ema(Ema999, 0.999),
        Ema(Ema9999, 0.9999),
        new(ScheduleFreePolyak, "schedule-free: grad at y = (1-b1) x + b1 avg, x -= lr g / (sqrt(v_hat) + eps), uniform avg of x; report avg",
            [.. Adam, new(S.Beta1, 0.9)]),
        new(ScheduleFreeEma, "schedule-free: grad at y = (1-b1) x + b1 avg_hat, x -= lr g / (sqrt(v_hat) + eps), EMA of x at emaRate; report avg_hat",
            [.. Adam, new(S.Beta1, 0.9), new(S.EmaRate, 0.9999)]),
        // Defazio et al.'s reference defaults: eps 1e-8, not the study's 1e-6.
        new(ScheduleFreeAdamW, "Schedule-Free AdamW (Defazio): grad at y, z -= lr g_hat, y = lerp(y, z, c) + lr (b1 (1-c) - 1) g_hat, c = lr_max^2 / sum; evaluate x",
            [new(S.WarmupSteps, 0), new(S.Beta1, 0.9), new(S.Beta2, 0.999), new(S.Epsilon, 1e-8), new(S.WeightDecay, 0), new(S.WeightLrPower, 2)]),
        new(WarmupStableDecay, "Adam, warmup-stable-decay: lr after warmup, then to 0 over the last cooldownFraction as 1 - sqrt (cooldownShape 1) or linear (0)",
            [.. Adam, new(S.CooldownFraction, 0.2), new(S.CooldownShape, 1, "1 = 1-sqrt, 0 = linear")]),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(v => v.Name)];

    public static bool Exists(string name) => Find(name) is not null;

    public static VariantDefinition? Find(string name) => All.FirstOrDefault(v => v.Name == name);

    private static VariantDefinition Stepwise(string name, double decayAt) =>
        new(name, "Adam, lr(s) = lr * (s/T > decayAt ? decayFactor : 1)", [.. Adam, new(S.DecayAt, decayAt), new(S.DecayFactor, 0.1)]);

    private static VariantDefinition Ema(string name, double rate) =>
        new(name, "Adam at constant lr; report and evaluate the EMA avg = r avg + (1-r) p, r = emaRate, / (1 - r^t)", [.. Adam, new(S.EmaRate, rate)]);
}
