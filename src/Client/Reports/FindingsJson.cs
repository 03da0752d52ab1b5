using Anneal.Client.Findings;

namespace Anneal.Client.Reports;

/// <summary>report.json's findings: the same verdicts and numbers as report.md's Findings section, with every seed's difference.</summary>
public static class FindingsJson
{
    public static FindingsContextJson Context(FindingsEvaluation evaluation) =>
        new(evaluation.Window.Steps, evaluation.Window.Reason, evaluation.MinEffect,
            evaluation.MinEffect is null ? "1% of the mean of both arms' seed means" : "as asked",
            evaluation.HolmFamilySize, evaluation.Seeds, evaluation.SharedLearningRate, FindingFormat.SeedCaveat(evaluation.Seeds));

    public static FindingJson Finding(Finding finding)
    {
        var single = finding.Single;
        var parts = finding.Parts.Select(Comparison).ToList();
        var one = single is null ? null : parts[0];
        return new FindingJson(finding.Id, finding.Claim, FindingFormat.Metric(finding.Metric), finding.LearningRates,
            FindingFormat.Verdict(finding.Verdict), one?.MeanEffect, one?.MeanEffectPercent, one?.CiLow, one?.CiHigh, one?.CiLevel,
            one?.MinEffect, one?.Wins, one?.Seeds, one?.Differences ?? [], finding.Window, finding.Needs, parts);
    }

    public static ComparisonJson Comparison(ComparisonResult result)
    {
        var c = result.Comparison;
        var plan = result.Plan;
        var interval = result.Outcome.Interval;
        return new ComparisonJson(plan.Label, plan.Claim, plan.Kind == ClaimKind.Beats ? "beats" : "matches",
            plan.A.Configuration.Name, plan.A.Step, plan.A.Configuration.LearningRate,
            plan.B.Configuration.Name, plan.B.Step, plan.B.Configuration.LearningRate,
            FindingFormat.Verdict(result.Verdict), Finite(c.Mean), Finite(c.MeanPercent), Finite(c.StandardDeviation),
            Finite(interval?.Low), Finite(interval?.High), interval?.Level, Finite(result.Test.MinEffect), Finite(result.Outcome.PValue),
            result.Holm is { } holm ? new HolmJson(holm.Rank, holm.FamilySize, holm.Alpha) : null,
            c.Wins, c.Count, c.Pairs.Select(p => new DifferenceJson(p.Seed, p.A, p.B, p.Difference)).ToList());
    }

    public static BestLearningRateJson BestLearningRate(BestLearningRate method) =>
        new(method.Method, method.Best?.LearningRate, method.AtEdge,
            method.Options.Select(o => new LearningRateOptionJson(o.LearningRate, o.MeanValidationLoss, o.Seeds)).ToList());

    // JSON has no NaN: a statistic that does not exist (too few seeds) is null.
    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
