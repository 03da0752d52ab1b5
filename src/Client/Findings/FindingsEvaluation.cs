using System.Globalization;
using Anneal.Client.Reports;

namespace Anneal.Client.Findings;

/// <summary>
/// The study's findings judged on a sweep: each on the primary metric (smoothed train loss over the verdict window)
/// and, except schedule-free-pareto, on final validation loss. When methods were trained at several learning rates,
/// the findings are judged twice: at the shared LR and at each method's best LR.
/// </summary>
/// <remarks>
/// Multiplicity: Holm's method across every primary-metric comparison in the report that has at least
/// <see cref="ClaimTest.MinimumSeeds"/> seeds (both learning-rate choices, every part of a compound finding), at a
/// family-wise 5%. Each comparison is judged with the interval of its Holm level (α/(m − rank + 1); a "matches" uses
/// the 1 − 2α interval) and can only hold when every comparison of lower p was rejected. Validation-loss verdicts are
/// secondary and unadjusted.
/// </remarks>
public sealed class FindingsEvaluation
{
    public const string SingleLearningRate = "as trained";
    public const string BestPerMethod = "best LR per method";

    private FindingsEvaluation(VerdictWindow window, double? minEffect, IReadOnlyList<Finding> findings,
        IReadOnlyList<BestLearningRate> bestLearningRates, double? sharedLearningRate, int familySize, int seeds)
    {
        Window = window;
        MinEffect = minEffect;
        Findings = findings;
        BestLearningRates = bestLearningRates;
        SharedLearningRate = sharedLearningRate;
        HolmFamilySize = familySize;
        Seeds = seeds;
    }

    public VerdictWindow Window { get; }

    /// <summary>The absolute minimum effect asked for (option or spec); null: 1% of each comparison's arms' mean.</summary>
    public double? MinEffect { get; }

    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Empty unless some method was trained at more than one learning rate.</summary>
    public IReadOnlyList<BestLearningRate> BestLearningRates { get; }

    public double? SharedLearningRate { get; }
    public int HolmFamilySize { get; }

    /// <summary>The most seeds any configuration has: what the sweep could conclude at best.</summary>
    public int Seeds { get; }

    public IEnumerable<Finding> Primary => Findings.Where(f => f.Metric == FindingMetric.Train);

    public static FindingsEvaluation Evaluate(SweepRecord sweep, double? minEffect = null)
    {
        if (minEffect is < 0 || (minEffect is { } m && !double.IsFinite(m)))
            throw new ArgumentOutOfRangeException(nameof(minEffect), minEffect, "the minimum effect must be a finite number ≥ 0");
        minEffect ??= sweep.MinEffect;
        var window = FindingWindow.Choose(sweep);
        var configurations = SweepConfiguration.Group(sweep.Runs);
        var several = configurations.GroupBy(c => c.MethodKey).Any(group => group.Count() > 1);

        var choices = new List<(string Name, IReadOnlyList<SweepConfiguration> Configurations)>();
        IReadOnlyList<BestLearningRate> best = [];
        double? shared = null;
        if (several)
        {
            shared = SharedRate(sweep, configurations);
            choices.Add(($"shared LR {Rate(shared)}", configurations.Where(c => c.LearningRate == shared).ToList()));
            best = BestLearningRate.For(configurations);
            choices.Add((BestPerMethod, best.Select(b => b.Best?.Configuration).OfType<SweepConfiguration>().ToList()));
        }
        else
        {
            choices.Add((SingleLearningRate, configurations));
        }

        var drafts = new List<(string Id, string Claim, FindingMetric Metric, string Rates, string? Needs, List<(ComparisonPlan Plan, ClaimTest Test)> Parts)>();
        foreach (var (name, chosen) in choices)
            foreach (var plan in StudyFindings.Plan(chosen))
                foreach (var metric in plan.TrainOnly ? new[] { FindingMetric.Train } : new[] { FindingMetric.Train, FindingMetric.Validation })
                    drafts.Add((plan.Id, plan.Claim, metric, name, plan.Needs,
                        plan.Parts.Select(part => (Plan: part, Test: Test(part, metric, window.Steps, minEffect))).ToList()));

        var family = drafts.Where(d => d.Metric == FindingMetric.Train).SelectMany(d => d.Parts).Select(p => p.Test)
            .Where(test => test.IsDecidable).ToList();
        var holm = HolmAdjustment.Apply(family.Select(test => test.PValue).ToList(), ClaimTest.Alpha);
        // By reference: two comparisons with equal numbers are still two tests.
        var steps = new Dictionary<ClaimTest, HolmStep>(ReferenceEqualityComparer.Instance);
        foreach (var (test, step) in family.Zip(holm))
            steps[test] = step;

        var findings = drafts.Select(d => new Finding(d.Id, d.Claim, d.Metric, d.Rates, window.Steps,
            d.Parts.Select(p => Judge(p.Plan, d.Metric, p.Test, steps.GetValueOrDefault(p.Test))).ToList(), d.Needs)).ToList();
        var seeds = configurations.Count == 0 ? 0 : configurations.Max(c => c.Runs.Count);
        return new FindingsEvaluation(window, minEffect, findings, best, shared, family.Count, seeds);
    }

    /// <summary>One comparison of two arms, as <c>sweep compare</c> asks for it: unadjusted, on its own.</summary>
    public static ClaimTest Test(ComparisonPlan plan, FindingMetric metric, int window, double? minEffect)
    {
        var a = MetricReader.Values(plan.A.Configuration, metric, plan.A.Step, window);
        var b = MetricReader.Values(plan.B.Configuration, metric, plan.B.Step, window);
        var comparison = PairedComparison.Of(a, b);
        return new ClaimTest(plan.Kind, comparison, minEffect ?? DefaultMinEffect(comparison));
    }

    /// <summary>1% of the mean of both arms' seed means: a difference below it is not worth a claim.</summary>
    public static double DefaultMinEffect(PairedComparison comparison) =>
        comparison.Count == 0 ? double.NaN : 0.01 * Math.Abs(comparison.MeanOfArms);

    private static ComparisonResult Judge(ComparisonPlan plan, FindingMetric metric, ClaimTest test, HolmStep? holm)
    {
        if (test.Comparison.Count == 0)
            return new ComparisonResult(plan, metric, test, new ClaimOutcome(Verdict.NotEvaluable, null, ClaimTest.Alpha, double.NaN), null);
        var outcome = holm is null ? test.Decide() : test.Decide(holm.Alpha, holm.EarlierRejected, holm.AdjustedPValue);
        return new ComparisonResult(plan, metric, test, outcome, holm);
    }

    /// <summary>The spec's own lr where runs use it; else the LR most configurations share, the middle one on a tie.</summary>
    private static double? SharedRate(SweepRecord sweep, IReadOnlyList<SweepConfiguration> configurations)
    {
        if (sweep.LearningRate is { } spec && configurations.Any(c => c.LearningRate == spec))
            return spec;
        var counts = configurations.GroupBy(c => c.LearningRate).ToList();
        var most = counts.Max(group => group.Count());
        var tied = counts.Where(group => group.Count() == most).Select(group => group.Key).Order().ToList();
        return tied[(tied.Count - 1) / 2];
    }

    public static string Rate(double? rate) => rate?.ToString("G3", CultureInfo.InvariantCulture) ?? ReportFormat.Missing;
}
