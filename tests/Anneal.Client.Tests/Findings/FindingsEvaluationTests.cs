using Anneal.Client.Findings;
using Anneal.Client.Reports;
using Anneal.Client.Tests.Reports;

namespace Anneal.Client.Tests.Findings;

/// <summary>The five findings on sweeps whose runs have a flat loss per seed, so every metric value is known exactly.</summary>
public sealed class FindingsEvaluationTests
{
    private static RunRecord Flat(string variant, int steps, int seed, double loss, double? lr = null, string? label = null) =>
        SyntheticSweeps.Run(variant, steps, _ => loss, seed) with
        {
            LearningRate = lr,
            Label = label,
            RunId = $"{label ?? variant}-{steps}-{lr}-s{seed}",
        };

    private static IEnumerable<RunRecord> Seeds(string variant, int steps, double[] losses, double? lr = null, string? label = null) =>
        losses.Select((loss, seed) => Flat(variant, steps, seed, loss, lr, label));

    private static Finding Train(FindingsEvaluation evaluation, string id, string? rates = null) =>
        evaluation.Findings.Single(f => f.Id == id && f.Metric == FindingMetric.Train && (rates is null || f.LearningRates == rates));

    [Fact]
    public void MissingRuns_AreNotEvaluable_AndSayWhatTheFindingNeeds()
    {
        var sweep = SyntheticSweeps.Sweep([.. Seeds("constant", 100, [1, 1, 1])]);

        var evaluation = FindingsEvaluation.Evaluate(sweep);

        Assert.Equal(StudyFindings.Ids, evaluation.Primary.Select(f => f.Id));
        Assert.All(evaluation.Primary, f => Assert.Equal(Verdict.NotEvaluable, f.Verdict));
        Assert.Contains("linear", Train(evaluation, StudyFindings.DecayBeatsConstant).Needs!);
        Assert.Contains("sf-ema", Train(evaluation, StudyFindings.ScheduleFreePareto).Needs!);
    }

    [Fact]
    public void ScheduleFreePareto_HoldsOnlyWhenItHoldsAtEveryLength_AndFailsWhenItFailsAtOne()
    {
        // sf-ema runs 300 steps; linears of 100, 200, 300. Flat curves: sf-ema at any step is its flat loss.
        RunRecord[] Sweep(double[] sfEma) =>
        [
            .. Seeds("sf-ema", 300, sfEma),
            .. Seeds("linear", 100, [1.00, 1.02, 1.04]),
            .. Seeds("linear", 200, [0.90, 0.92, 0.94]),
            .. Seeds("linear", 300, [0.80, 0.82, 0.84]),
        ];
        // Beats every linear by ≥ 0.1 on every seed (differences equal across seeds only up to a small spread).
        var better = FindingsEvaluation.Evaluate(SyntheticSweeps.Sweep(Sweep([0.50, 0.53, 0.55])));
        var pareto = Train(better, StudyFindings.ScheduleFreePareto);
        Assert.Equal(["L=100", "L=200", "L=300"], pareto.Parts.Select(p => p.Plan.Label));
        Assert.Equal([100, 200, 300], pareto.Parts.Select(p => p.Plan.A.Step));
        Assert.All(pareto.Parts, part => Assert.Equal(Verdict.Held, part.Verdict));
        Assert.Equal(Verdict.Held, pareto.Verdict);
        Assert.DoesNotContain(better.Findings, f => f.Id == StudyFindings.ScheduleFreePareto && f.Metric == FindingMetric.Validation);

        // Worse than the 300-step linear by ~0.05 on every seed: did-not-hold there, so did-not-hold overall.
        var worse = FindingsEvaluation.Evaluate(SyntheticSweeps.Sweep(Sweep([0.85, 0.88, 0.89])));
        var failed = Train(worse, StudyFindings.ScheduleFreePareto);
        Assert.Equal(Verdict.DidNotHold, failed.Parts[2].Verdict);
        Assert.Equal(Verdict.DidNotHold, failed.Verdict);
    }

    [Fact]
    public void CompoundVerdicts_HoldWhenAllPartsHold_FailWhenAnyFails_ElseInconclusive()
    {
        Assert.Equal(Verdict.Held, Finding.Combine([Verdict.Held, Verdict.Held, Verdict.Held]));
        Assert.Equal(Verdict.DidNotHold, Finding.Combine([Verdict.Held, Verdict.DidNotHold, Verdict.Inconclusive]));
        Assert.Equal(Verdict.Inconclusive, Finding.Combine([Verdict.Held, Verdict.Inconclusive]));
    }

    [Fact]
    public void DecayShape_ComparesCosineAndStepwise75WithTheLinearOfTheSameLength()
    {
        var sweep = SyntheticSweeps.Sweep([
            .. Seeds("linear", 200, [0.800, 0.810, 0.820]),
            .. Seeds("cosine", 200, [0.801, 0.809, 0.821]),
            .. Seeds("stepwise-75", 200, [0.90, 0.95, 1.00])]);

        var shape = Train(FindingsEvaluation.Evaluate(sweep), StudyFindings.DecayShapeMattersLittle);

        Assert.Equal(["cosine", "stepwise-75"], shape.Parts.Select(p => p.Plan.Label));
        Assert.Equal(Verdict.Held, shape.Parts[0].Verdict);
        Assert.Equal(Verdict.DidNotHold, shape.Parts[1].Verdict);
        Assert.Equal(Verdict.DidNotHold, shape.Verdict);
    }

    [Fact]
    public void HolmsAdjustment_TurnsTwoBorderlineClaimsInconclusive_ThatWouldEachHoldAlone()
    {
        // decay-beats-constant: d = constant − linear = 0.2, 0.3, 0.4: t = 5.196, two-sided p = 0.0351.
        // polyak-lags: d = polyak − constant = 0.25, 0.35, 0.45: t = 6.062, p = 0.0262.
        // Alone, each 95% CI excludes 0. With Holm (m = 2) the smaller p, 0.0262, must beat 0.025: it does not, so neither holds.
        var sweep = SyntheticSweeps.Sweep([
            .. Seeds("linear", 100, [1.0, 1.0, 1.0]),
            .. Seeds("constant", 100, [1.2, 1.3, 1.4]),
            .. Seeds("polyak", 100, [1.45, 1.65, 1.85])]);

        var evaluation = FindingsEvaluation.Evaluate(sweep);

        Assert.Equal(2, evaluation.HolmFamilySize);
        var decay = Train(evaluation, StudyFindings.DecayBeatsConstant).Single!;
        var polyak = Train(evaluation, StudyFindings.PolyakLags).Single!;
        Assert.Equal(Verdict.Inconclusive, decay.Verdict);
        Assert.Equal(Verdict.Inconclusive, polyak.Verdict);
        Assert.Equal(1, polyak.Holm!.Rank);
        Assert.Equal(0.025, polyak.Outcome.Alpha, 12);
        Assert.Equal(0.975, polyak.Outcome.Interval!.Level, 12);
        Assert.True(polyak.Outcome.Interval.Low < 0);
        Assert.Equal(Verdict.Held, polyak.Test.Decide().Verdict); // unadjusted it would hold
        Assert.Equal(Verdict.Held, decay.Test.Decide().Verdict);
        // Validation loss (flat loss + 0.05 in these runs) is secondary and unadjusted: the same differences hold there.
        var validation = evaluation.Findings.Single(f => f.Id == StudyFindings.DecayBeatsConstant && f.Metric == FindingMetric.Validation);
        Assert.Equal(Verdict.Held, validation.Verdict);
        Assert.Null(validation.Single!.Holm);
    }

    [Fact]
    public void SlowestEma_IsTheHighestRate_ComparedWithCosineOfItsLength()
    {
        var sweep = SyntheticSweeps.Sweep([
            .. Seeds("cosine", 100, [0.5, 0.6, 0.7]),
            .. Seeds("ema-0.999", 100, [0.9, 0.9, 0.9]),
            .. Seeds("ema-0.9999", 100, [0.5, 0.6, 0.7])]);

        var ema = Train(FindingsEvaluation.Evaluate(sweep), StudyFindings.EmaMatchesCosine).Single!;

        Assert.Equal("ema-0.9999", ema.Plan.A.Configuration.Variant);
        Assert.Equal(0, ema.Comparison.Mean, 12);
    }

    [Fact]
    public void MinEffect_FromTheOption_ReplacesTheSpecs_WhichReplacesOnePercent()
    {
        RunRecord[] runs = [.. Seeds("linear", 100, [1.0, 1.0, 1.0]), .. Seeds("constant", 100, [1.2, 1.3, 1.4])];
        var sweep = SyntheticSweeps.Sweep(runs);

        Assert.Equal(0.0115, Train(FindingsEvaluation.Evaluate(sweep), StudyFindings.DecayBeatsConstant).Single!.Test.MinEffect, 12);
        Assert.Equal(0.2, Train(FindingsEvaluation.Evaluate(sweep with { MinEffect = 0.2 }), StudyFindings.DecayBeatsConstant).Single!.Test.MinEffect);
        Assert.Equal(0.5, Train(FindingsEvaluation.Evaluate(sweep with { MinEffect = 0.2 }, 0.5), StudyFindings.DecayBeatsConstant).Single!.Test.MinEffect);
        Assert.Throws<ArgumentOutOfRangeException>(() => FindingsEvaluation.Evaluate(sweep, -0.1));
    }

    [Fact]
    public void SeveralLearningRates_GiveABestRatePerMethod_AndTheFindingsAtTheSharedAndTheBestRates()
    {
        // Validation loss = flat loss + 0.05. Constant is best at 3e-3 (the grid's edge), linear at 1e-3.
        var sweep = SyntheticSweeps.Sweep([
            .. Seeds("constant", 100, [1.30, 1.31, 1.32], 1e-3, "constant-100@1e-3"),
            .. Seeds("constant", 100, [1.20, 1.21, 1.22], 3e-3, "constant-100@3e-3"),
            .. Seeds("linear", 100, [1.00, 1.00, 1.00], 1e-3, "linear-100@1e-3"),
            .. Seeds("linear", 100, [1.10, 1.12, 1.13], 3e-3, "linear-100@3e-3")]);

        var evaluation = FindingsEvaluation.Evaluate(sweep);

        Assert.Equal(1e-3, evaluation.SharedLearningRate);
        var constant = evaluation.BestLearningRates.Single(b => b.Method == "constant-100");
        Assert.Equal(3e-3, constant.Best!.LearningRate);
        Assert.True(constant.AtEdge);
        Assert.Equal(1e-3, evaluation.BestLearningRates.Single(b => b.Method == "linear-100").Best!.LearningRate);

        var shared = Train(evaluation, StudyFindings.DecayBeatsConstant, "shared LR 0.001").Single!;
        Assert.Equal(0.31, shared.Comparison.Mean, 9);
        var best = Train(evaluation, StudyFindings.DecayBeatsConstant, FindingsEvaluation.BestPerMethod).Single!;
        Assert.Equal("constant-100@3e-3", best.Plan.B.Name);
        Assert.Equal(0.21, best.Comparison.Mean, 9);
    }
}
