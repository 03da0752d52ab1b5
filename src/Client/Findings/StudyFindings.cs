using Anneal.Vocabulary;
using System.Globalization;
using Anneal.Contracts.Specs;

namespace Anneal.Client.Findings;

/// <summary>
/// The study's five findings, matched in any sweep by variant and length: given one configuration per method (one
/// learning rate already chosen for each), which comparisons test each finding, or what the sweep lacks for it.
/// </summary>
public static class StudyFindings
{
    public const string DecayBeatsConstant = "decay-beats-constant";
    public const string DecayShapeMattersLittle = "decay-shape-matters-little";
    public const string EmaMatchesCosine = "ema-matches-cosine";
    public const string PolyakLags = "polyak-lags";
    public const string ScheduleFreePareto = "schedule-free-pareto";

    public static IReadOnlyList<string> Ids { get; } =
        [DecayBeatsConstant, DecayShapeMattersLittle, EmaMatchesCosine, PolyakLags, ScheduleFreePareto];

    public static IReadOnlyList<FindingPlan> Plan(IReadOnlyList<SweepConfiguration> configurations)
    {
        var pick = new ConfigurationPicker(configurations);
        return [DecayBeats(pick), DecayShape(pick), EmaCosine(pick), Polyak(pick), Pareto(pick)];
    }

    private static FindingPlan DecayBeats(ConfigurationPicker pick)
    {
        const string claim = "Linear decay of the longest length beats constant LR of the same length";
        var linear = pick.Longest(KnownVariants.Linear);
        if (linear is null)
            return FindingPlan.Missing(DecayBeatsConstant, claim, "a linear run and a constant run of the same length");
        var constant = pick.At(KnownVariants.Constant, linear.Steps);
        return constant is null
            ? FindingPlan.Missing(DecayBeatsConstant, claim, $"a constant run of {Steps(linear.Steps)} steps beside {linear.Name}")
            : new FindingPlan(DecayBeatsConstant, claim, [Beats("", linear, constant)], null);
    }

    private static FindingPlan DecayShape(ConfigurationPicker pick)
    {
        const string claim = "Cosine decay (and stepwise at 75%, where present) matches linear decay at the end";
        var cosine = pick.Longest(KnownVariants.Cosine, steps => pick.At(KnownVariants.Linear, steps) is not null);
        if (cosine is null)
            return FindingPlan.Missing(DecayShapeMattersLittle, claim, "a cosine run and a linear run of the same length");
        var linear = pick.At(KnownVariants.Linear, cosine.Steps)!;
        var parts = new List<ComparisonPlan> { Matches("cosine", cosine, linear) };
        if (pick.At(KnownVariants.Stepwise75, cosine.Steps) is { } stepwise)
            parts.Add(Matches("stepwise-75", stepwise, linear));
        return new FindingPlan(DecayShapeMattersLittle, claim, parts, null);
    }

    private static FindingPlan EmaCosine(ConfigurationPicker pick)
    {
        const string claim = "The slowest EMA matches cosine decay at the end";
        var slowest = pick.SlowestEma();
        if (slowest is null)
            return FindingPlan.Missing(EmaMatchesCosine, claim, "an EMA run (ema-*) and a cosine run of the same length");
        var cosine = pick.At(KnownVariants.Cosine, slowest.Steps);
        return cosine is null
            ? FindingPlan.Missing(EmaMatchesCosine, claim, $"a cosine run of {Steps(slowest.Steps)} steps beside {slowest.Name}")
            : new FindingPlan(EmaMatchesCosine, claim, [Matches("", slowest, cosine)], null);
    }

    private static FindingPlan Polyak(ConfigurationPicker pick)
    {
        const string claim = "Constant LR beats Polyak averaging at the end";
        var polyak = pick.Longest(KnownVariants.Polyak, steps => pick.At(KnownVariants.Constant, steps) is not null);
        if (polyak is null)
            return FindingPlan.Missing(PolyakLags, claim, "a polyak run and a constant run of the same length");
        var constant = pick.At(KnownVariants.Constant, polyak.Steps)!;
        return new FindingPlan(PolyakLags, claim, [Beats("", constant, polyak)], null);
    }

    private static FindingPlan Pareto(ConfigurationPicker pick)
    {
        const string claim = "At every linear-decay length L, schedule-free EMA's smoothed train loss at step L beats that linear decay's final one";
        var scheduleFree = pick.Longest(KnownVariants.ScheduleFreeEma);
        var linears = pick.All(KnownVariants.Linear).Where(linear => scheduleFree is null || linear.Steps <= scheduleFree.Steps)
            .OrderBy(linear => linear.Steps).ToList();
        if (scheduleFree is null || linears.Count == 0)
            return FindingPlan.Missing(ScheduleFreePareto, claim,
                "an sf-ema run and at least one linear run no longer than it", trainOnly: true);
        var parts = linears
            .Select(linear => new ComparisonPlan($"L={Steps(linear.Steps)}", ClaimKind.Beats,
                new Arm(scheduleFree, linear.Steps), Arm.AtEnd(linear)))
            .ToList();
        return new FindingPlan(ScheduleFreePareto, claim, parts, null, TrainOnly: true);
    }

    private static ComparisonPlan Beats(string label, SweepConfiguration a, SweepConfiguration b) =>
        new(label, ClaimKind.Beats, Arm.AtEnd(a), Arm.AtEnd(b));

    private static ComparisonPlan Matches(string label, SweepConfiguration a, SweepConfiguration b) =>
        new(label, ClaimKind.Matches, Arm.AtEnd(a), Arm.AtEnd(b));

    private static string Steps(int steps) => steps.ToString("N0", CultureInfo.InvariantCulture);
}
