using Anneal.Ml.Optimization;
using Anneal.Ml.Optimization.Averaging;
using Anneal.Ml.Optimization.Methods;
using Anneal.Ml.Optimization.Schedules;
using Anneal.Ml.Training;
using O = Anneal.Ml.Variants.VariantOverrides;

namespace Anneal.Ml.Variants;

/// <summary>
/// The named training variants a sweep refers to: the study's eleven plus WSD and Schedule-Free AdamW. Every variant
/// except sf-adamw accepts <c>warmupSteps</c> (linear warmup, then the schedule over the remaining steps; default 0).
/// </summary>
public static class VariantCatalog
{
    private sealed record Definition(VariantInfo Info, Func<TrainingOptions, FlatParameters, O, IOptimizationMethod> Create);

    private static readonly Definition[] Definitions =
    [
        Scheduled("constant", "Adam, lr(s) = lr", (o, _) => new ConstantSchedule(o.LearningRate)),
        Scheduled("linear", "Adam, lr(s) = lr * (1 - s/T)", (o, t) => new LinearDecaySchedule(o.LearningRate, t)),
        Scheduled("cosine", "Adam, lr(s) = lr * (1 + cos(pi s/T)) / 2", (o, t) => new CosineSchedule(o.LearningRate, t)),
        Stepwise("stepwise-25", 0.25),
        Stepwise("stepwise-75", 0.75),
        Averaged("polyak", "Adam at constant lr; report and evaluate the uniform average avg += (p - avg) / (s+1)", [],
            (o, p, _) => new PolyakAverage(p.Values)),
        Averaged("ema-0.999", "Adam at constant lr; report and evaluate the EMA avg = r avg + (1-r) p, r 0.999 (emaRate), / (1 - r^t)", [O.EmaRate + " (0.999)"],
            (o, p, v) => new ExponentialMovingAverage(p.Count, p.Values.device, v.Get(O.EmaRate, 0.999, 0, 1, true, true))),
        Averaged("ema-0.9999", "Adam at constant lr; report and evaluate the EMA avg = r avg + (1-r) p, r 0.9999 (emaRate), / (1 - r^t)", [O.EmaRate + " (0.9999)"],
            (o, p, v) => new ExponentialMovingAverage(p.Count, p.Values.device, v.Get(O.EmaRate, 0.9999, 0, 1, true, true))),
        ScheduleFree("sf-polyak", "schedule-free: grad at y = (1-b1) x + b1 avg, x -= lr g / (sqrt(v_hat) + eps), uniform avg of x; report avg", [],
            (o, p, _) => new PolyakAverage(p.Values)),
        ScheduleFree("sf-ema", "schedule-free: grad at y = (1-b1) x + b1 avg_hat, x -= lr g / (sqrt(v_hat) + eps), EMA of x r 0.9999 (emaRate); report avg_hat", [O.EmaRate + " (0.9999)"],
            (o, p, v) => new ExponentialMovingAverage(p.Count, p.Values.device, v.Get(O.EmaRate, 0.9999, 0, 1, true, true))),
        new(new VariantInfo("sf-adamw", "Schedule-Free AdamW (Defazio): grad at y, z -= lr g_hat, y = lerp(y, z, c) + lr (b1 (1-c) - 1) g_hat, c = lr_max^2 / sum; evaluate x")
            { Overrides = [O.WarmupSteps + " (0)", O.Beta1 + " (0.9)", O.WeightDecay + " (0)", O.WeightLrPower + " (2)"] },
            (o, p, v) => new ScheduleFreeAdamW(p, new ScheduleFreeAdamWSettings(
                o.LearningRate,
                WarmupSteps: v.GetSteps(O.WarmupSteps, 0, o.Steps),
                Beta1: v.Get(O.Beta1, 0.9, 0, 1, exclusiveMin: true, exclusiveMax: true),
                WeightDecay: v.Get(O.WeightDecay, 0, 0, 1),
                WeightLrPower: v.Get(O.WeightLrPower, 2, 0, 8)))),
        new(new VariantInfo("wsd", "Adam, warmup-stable-decay: lr after warmup, then to 0 over the last 20% (cooldownFraction) as 1 - sqrt (cooldownShape 1) or linear (0)")
            { Overrides = [O.WarmupSteps + " (0)", O.CooldownFraction + " (0.2)", O.CooldownShape + " (1 = 1-sqrt, 0 = linear)"] },
            (o, p, v) => new ScheduledAdam(p, new WarmupStableDecaySchedule(
                o.LearningRate, o.Steps,
                v.GetSteps(O.WarmupSteps, 0, o.Steps),
                v.Get(O.CooldownFraction, 0.2, 0, 1, exclusiveMin: true),
                (CooldownShape)(int)v.Get(O.CooldownShape, 1, 0, 1)))),
    ];

    public static IReadOnlyList<VariantInfo> All { get; } = [.. Definitions.Select(d => d.Info)];

    public static bool Exists(string name) => Definitions.Any(d => d.Info.Name == name);

    /// <summary>Builds the variant's optimization method over the model's flat parameters.</summary>
    /// <exception cref="ArgumentException">Unknown variant, or an override it does not read or out of range.</exception>
    public static IOptimizationMethod Create(TrainingOptions options, FlatParameters parameters)
    {
        var definition = Definitions.FirstOrDefault(d => d.Info.Name == options.Variant)
            ?? throw new ArgumentException($"unknown variant '{options.Variant}'; known: {string.Join(", ", All.Select(v => v.Name))}");
        var accepted = definition.Info.Overrides.Select(o => o.Split(' ')[0]).ToArray();
        var overrides = new O(options.Variant, options.Overrides, accepted);
        return definition.Create(options, parameters, overrides);
    }

    private static Definition Scheduled(string name, string rule, Func<TrainingOptions, int, ILearningRateSchedule> schedule) =>
        new(new VariantInfo(name, rule) { Overrides = [O.WarmupSteps + " (0)"] },
            (o, p, v) => new ScheduledAdam(p, WithWarmup(o, v, schedule)));

    private static Definition Stepwise(string name, double decayAt) =>
        new(new VariantInfo(name, $"Adam, lr(s) = lr * (s/T > {decayAt} (decayAt) ? 0.1 (decayFactor) : 1)")
            { Overrides = [O.WarmupSteps + " (0)", O.DecayAt + $" ({decayAt})", O.DecayFactor + " (0.1)"] },
            (o, p, v) => new ScheduledAdam(p, WithWarmup(o, v, (options, steps) => new StepwiseSchedule(
                options.LearningRate, steps, v.Get(O.DecayAt, decayAt, 0, 1), v.Get(O.DecayFactor, 0.1, 0, 1)))));

    private static Definition Averaged(string name, string rule, string[] extra, Func<TrainingOptions, FlatParameters, O, IParameterAverage> average) =>
        new(new VariantInfo(name, rule) { Overrides = [O.WarmupSteps + " (0)", .. extra] },
            (o, p, v) => new AveragedAdam(p, WithWarmup(o, v, (options, _) => new ConstantSchedule(options.LearningRate)), average(o, p, v)));

    private static Definition ScheduleFree(string name, string rule, string[] extra, Func<TrainingOptions, FlatParameters, O, IParameterAverage> average) =>
        new(new VariantInfo(name, rule) { Overrides = [O.WarmupSteps + " (0)", O.Beta1 + " (0.9)", .. extra] },
            (o, p, v) => new ScheduleFreeAdam(p, WithWarmup(o, v, (options, _) => new ConstantSchedule(options.LearningRate)),
                average(o, p, v), v.Get(O.Beta1, 0.9, 0, 1)));

    private static ILearningRateSchedule WithWarmup(TrainingOptions options, O overrides, Func<TrainingOptions, int, ILearningRateSchedule> schedule)
    {
        var warmup = overrides.GetSteps(O.WarmupSteps, 0, options.Steps);
        return warmup == 0
            ? schedule(options, options.Steps)
            : new WarmupSchedule(schedule(options, options.Steps - warmup), warmup, options.LearningRate);
    }
}
