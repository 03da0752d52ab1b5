using System.Globalization;
using Anneal.Client.Findings;

namespace Anneal.Client.Reports;

/// <summary>How a finding's numbers read in report.md and on the console, in one place so both say the same.</summary>
public static class FindingFormat
{
    public static string Verdict(Verdict verdict) => verdict switch
    {
        Findings.Verdict.Held => "held",
        Findings.Verdict.DidNotHold => "did-not-hold",
        Findings.Verdict.Inconclusive => "inconclusive",
        _ => "not-evaluable",
    };

    public static string Metric(FindingMetric metric) => metric == FindingMetric.Train ? "train" : "val";

    /// <summary>"train loss, mean over 40 steps" or "final val loss".</summary>
    public static string MetricDescription(FindingMetric metric, int window) =>
        metric == FindingMetric.Train ? $"train loss over {ReportFormat.StepCount(window)}" : "final val loss";

    public static string Signed(double value) =>
        double.IsFinite(value) ? value.ToString("+0.0000;−0.0000;0.0000", CultureInfo.InvariantCulture) : ReportFormat.Missing;

    /// <summary>"+0.0312 (+4.8%)".</summary>
    public static string Effect(PairedComparison comparison) =>
        comparison.Count == 0
            ? ReportFormat.Missing
            : $"{Signed(comparison.Mean)} ({comparison.MeanPercent.ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture)}%)";

    /// <summary>"[+0.0101, +0.0523] 95%"; a dash below two seeds.</summary>
    public static string Interval(ConfidenceInterval? interval) =>
        interval is null
            ? ReportFormat.Missing
            : $"[{Signed(interval.Low)}, {Signed(interval.High)}] {Level(interval.Level)}";

    public static string Level(double level) => (level * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Wins(PairedComparison comparison) => $"{comparison.Wins}/{comparison.Count}";

    public static string Seeds(PairedComparison comparison) =>
        comparison.Count == 0 ? ReportFormat.Missing : string.Join(",", comparison.Pairs.Select(pair => pair.Seed));

    public static string MinEffect(double delta) =>
        double.IsFinite(delta) ? delta.ToString("0.0000", CultureInfo.InvariantCulture) : ReportFormat.Missing;

    /// <summary>What a sweep of this many seeds can conclude, for the report's and the console's first lines.</summary>
    public static string? SeedCaveat(int seeds) => seeds switch
    {
        <= 1 =>
            "One seed: this sweep can show a difference but cannot tell it from seed-to-seed noise, so every verdict is "
            + $"inconclusive. A verdict needs at least {ClaimTest.MinimumSeeds} seeds (e.g. --seeds 0,1,2).",
        < ClaimTest.MinimumSeeds =>
            $"{seeds} seeds: too few to estimate seed-to-seed noise, so every verdict is inconclusive. "
            + $"A verdict needs at least {ClaimTest.MinimumSeeds} seeds.",
        _ => null,
    };
}
