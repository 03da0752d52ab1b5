using Anneal.Ml.Optimization;
using Anneal.Ml.Optimization.Averaging;
using Anneal.Ml.Optimization.Methods;
using Anneal.Ml.Optimization.Schedules;
using Anneal.Ml.Training;
using Anneal.Vocabulary;
using S = Anneal.Vocabulary.KnownSettings;
using V = Anneal.Vocabulary.KnownVariants;

namespace Anneal.Ml.Variants;

/// <summary>
/// Builds each variant that <see cref="KnownVariants"/> names, reading exactly the settings it declares there (names,
/// defaults and ranges live there only). Every Adam-based variant runs a linear warmup of <c>warmupSteps</c> (default
/// 0) before its schedule, which then spans the remaining steps.
/// </summary>
public static class VariantCatalog
{
    private delegate IOptimizationMethod Factory(TrainingOptions options, FlatParameters parameters, VariantOverrides overrides);

    private static readonly Dictionary<string, Factory> Factories = new(StringComparer.Ordinal)
    {
        [V.Constant] = Scheduled((o, _, _) => new ConstantSchedule(o.LearningRate)),
        [V.Linear] = Scheduled((o, t, _) => new LinearDecaySchedule(o.LearningRate, t)),
        [V.Cosine] = Scheduled((o, t, _) => new CosineSchedule(o.LearningRate, t)),
        [V.Stepwise25] = Scheduled(Stepwise),
        [V.Stepwise75] = Scheduled(Stepwise),
        [V.Polyak] = Averaged((_, p, _) => new PolyakAverage(p.Values)),
        [V.Ema999] = Averaged(Ema),
        [V.Ema9999] = Averaged(Ema),
        [V.ScheduleFreePolyak] = ScheduleFree((_, p, _) => new PolyakAverage(p.Values)),
        [V.ScheduleFreeEma] = ScheduleFree(Ema),
        [V.ScheduleFreeAdamW] = (o, p, v) => new ScheduleFreeAdamW(p, new ScheduleFreeAdamWSettings(
            o.LearningRate,
            WarmupSteps: v.GetInt(S.WarmupSteps),
            Beta1: v.Get(S.Beta1),
            Beta2: v.Get(S.Beta2),
            Epsilon: v.Get(S.Epsilon),
            WeightDecay: v.Get(S.WeightDecay),
            WeightLrPower: v.Get(S.WeightLrPower))),
        [V.WarmupStableDecay] = Scheduled((o, _, v) => new WarmupStableDecaySchedule(
            o.LearningRate, o.Steps, v.GetInt(S.WarmupSteps), v.Get(S.CooldownFraction), (CooldownShape)v.GetInt(S.CooldownShape)), ownWarmup: true),
    };

    /// <summary>Every variant, with its rule and the settings it reads (the vocabulary's list, in its order).</summary>
    public static IReadOnlyList<VariantDefinition> All => V.All;

    public static bool Exists(string name) => V.Exists(name) && Factories.ContainsKey(name);

    /// <summary>Builds the variant's optimization method over the model's flat parameters.</summary>
    /// <exception cref="ArgumentException">Unknown variant, or an override it does not read or out of range.</exception>
    public static IOptimizationMethod Create(TrainingOptions options, FlatParameters parameters)
    {
        if (V.Find(options.Variant) is not { } variant || !Factories.TryGetValue(variant.Name, out var create))
        {
            throw new ArgumentException($"unknown variant '{options.Variant}'; known: {string.Join(", ", V.Names)}");
        }
        return create(options, parameters, new VariantOverrides(variant, options.Overrides, options.Steps));
    }

    private static StepwiseSchedule Stepwise(TrainingOptions options, int steps, VariantOverrides v) =>
        new(options.LearningRate, steps, v.Get(S.DecayAt), v.Get(S.DecayFactor));

    private static ExponentialMovingAverage Ema(TrainingOptions options, FlatParameters p, VariantOverrides v) =>
        new(p.Count, p.Values.device, v.Get(S.EmaRate));

    /// <param name="ownWarmup">The schedule applies warmupSteps itself (WSD) rather than being wrapped in a warmup.</param>
    private static Factory Scheduled(Func<TrainingOptions, int, VariantOverrides, ILearningRateSchedule> schedule, bool ownWarmup = false) =>
        (o, p, v) => new ScheduledAdam(p, ownWarmup ? schedule(o, o.Steps, v) : WithWarmup(o, v, schedule), v.Get(S.Beta2), v.Get(S.Epsilon));

    private static Factory Averaged(Func<TrainingOptions, FlatParameters, VariantOverrides, IParameterAverage> average) =>
        (o, p, v) => new AveragedAdam(p, WithWarmup(o, v, (options, _, _) => new ConstantSchedule(options.LearningRate)), average(o, p, v),
            v.Get(S.Beta2), v.Get(S.Epsilon));

    private static Factory ScheduleFree(Func<TrainingOptions, FlatParameters, VariantOverrides, IParameterAverage> average) =>
        (o, p, v) => new ScheduleFreeAdam(p, WithWarmup(o, v, (options, _, _) => new ConstantSchedule(options.LearningRate)), average(o, p, v),
            v.Get(S.Beta1), v.Get(S.Beta2), v.Get(S.Epsilon));

    private static ILearningRateSchedule WithWarmup(TrainingOptions options, VariantOverrides overrides, Func<TrainingOptions, int, VariantOverrides, ILearningRateSchedule> schedule)
    {
        var warmup = overrides.GetInt(S.WarmupSteps);
        return warmup == 0
            ? schedule(options, options.Steps, overrides)
            : new WarmupSchedule(schedule(options, options.Steps - warmup, overrides), warmup, options.LearningRate);
    }
}
