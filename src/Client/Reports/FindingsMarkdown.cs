using System.Text;
using Anneal.Client.Findings;

namespace Anneal.Client.Reports;

/// <summary>report.md's opening section: one line per claim with its verdict and statistics, then how they were made.</summary>
internal static class FindingsMarkdown
{
    public static void Write(StringBuilder md, FindingsEvaluation evaluation)
    {
        md.AppendLine("## Findings").AppendLine();
        if (FindingFormat.SeedCaveat(evaluation.Seeds) is { } caveat)
            md.AppendLine($"> **{caveat}**").AppendLine();
        md.AppendLine($"Primary metric: smoothed train loss over the last **{ReportFormat.StepCount(evaluation.Window.Steps)}** of each arm "
            + $"({evaluation.Window.Reason}; whole buckets of the stored curves), the same for every report of this sweep whatever `--smooth` says. "
            + "Effect = B − A per seed, paired on seeds both arms completed (lower loss is better, so > 0 favours A). "
            + $"δ (minimum meaningful effect): {MinEffectRule(evaluation)}. "
            + "*beats* (95% CI) holds when CI low > 0 and the mean ≥ δ, fails when CI high < δ; "
            + "*matches* (90% CI, two one-sided tests) holds when the CI lies inside ±δ, fails when it lies beyond +δ or −δ; "
            + $"fewer than {ClaimTest.MinimumSeeds} seeds: inconclusive.").AppendLine();
        md.AppendLine(HolmNote(evaluation)).AppendLine();

        foreach (var group in evaluation.Findings.GroupBy(f => f.LearningRates))
        {
            if (evaluation.BestLearningRates.Count > 0)
                md.AppendLine($"### At {group.Key}").AppendLine();
            Table(md, group.Where(f => f.Metric == FindingMetric.Train));
            md.AppendLine("Secondary, final validation loss (unadjusted):").AppendLine();
            Table(md, group.Where(f => f.Metric == FindingMetric.Validation));
        }
        if (ForestPlot.Rows(evaluation).Count > 0)
            md.AppendLine($"![Per-seed differences of every primary claim]({ForestPlot.Id}.png)").AppendLine()
                .AppendLine("*Forest plot: one row per claim; dots are seeds' differences (B − A), the bar the mean and its CI, "
                    + "the shaded band ±δ, the line zero.* " + $"[SVG]({ForestPlot.Id}.svg)").AppendLine();
        if (evaluation.BestLearningRates.Count > 0)
            BestRates(md, evaluation);
    }

    private static void Table(StringBuilder md, IEnumerable<Finding> findings)
    {
        md.AppendLine("| Verdict | Finding | Claim | Mean effect | CI | Wins | Seeds | δ | Metric |");
        md.AppendLine("|---|---|---|---:|---|---:|---|---:|---|");
        foreach (var finding in findings)
        {
            var metric = FindingFormat.MetricDescription(finding.Metric, finding.Window);
            if (finding.Needs is not null)
            {
                md.AppendLine($"| **{FindingFormat.Verdict(finding.Verdict)}** | `{finding.Id}` | {finding.Claim}: needs {finding.Needs} | | | | | | {metric} |");
                continue;
            }
            if (finding.Single is { } single)
            {
                md.AppendLine(Row($"**{FindingFormat.Verdict(finding.Verdict)}**", $"`{finding.Id}`", single.Plan.Claim, single, metric));
                continue;
            }
            md.AppendLine($"| **{FindingFormat.Verdict(finding.Verdict)}** | `{finding.Id}` | {finding.Claim} | | | | | | {metric} |");
            foreach (var part in finding.Parts)
                md.AppendLine(Row(FindingFormat.Verdict(part.Verdict), $"↳ {part.Plan.Label}", part.Plan.Claim, part, metric));
        }
        md.AppendLine();
    }

    private static string Row(string verdict, string id, string claim, ComparisonResult result, string metric)
    {
        var c = result.Comparison;
        return $"| {verdict} | {id} | {claim} | {FindingFormat.Effect(c)} | {FindingFormat.Interval(result.Outcome.Interval)} | "
            + $"{FindingFormat.Wins(c)} | {FindingFormat.Seeds(c)} | {FindingFormat.MinEffect(result.Test.MinEffect)} | {metric} |";
    }

    private static string MinEffectRule(FindingsEvaluation evaluation) =>
        evaluation.MinEffect is { } delta
            ? $"{FindingFormat.MinEffect(delta)} as asked"
            : "1% of the mean of both arms' seed means at the compared step";

    private static string HolmNote(FindingsEvaluation evaluation) =>
        evaluation.HolmFamilySize <= 1
            ? "Multiplicity: at most one primary claim has enough seeds, so no adjustment was needed."
            : $"Multiplicity: Holm's method across the {evaluation.HolmFamilySize} primary-metric comparisons with at least "
              + $"{ClaimTest.MinimumSeeds} seeds (family-wise 5%). Ranked by p, the k-th is judged with the interval at level "
              + "α = 0.05/(m − k + 1) (a *matches* uses 1 − 2α) and holds only if every lower-ranked comparison was rejected; "
              + "the CI shown is that adjusted interval. Validation-loss verdicts are not adjusted.";

    private static void BestRates(StringBuilder md, FindingsEvaluation evaluation)
    {
        md.AppendLine("### Best learning rate per method").AppendLine();
        md.AppendLine("Chosen by mean final validation loss over seeds. The choice is made on the same seeds the findings at "
            + "each method's best LR are then judged on, which favours every method a little; *edge*: the best is the "
            + "smallest or largest LR tried, so a better one may lie outside the grid.").AppendLine();
        md.AppendLine("| Method | " + string.Join(" | ", AllRates(evaluation).Select(FindingsEvaluation.Rate)) + " | Best |");
        md.AppendLine("|---|" + string.Concat(AllRates(evaluation).Select(_ => "---:|")) + "---|");
        foreach (var method in evaluation.BestLearningRates)
        {
            var cells = AllRates(evaluation).Select(rate =>
            {
                var option = method.Options.FirstOrDefault(o => o.LearningRate == rate);
                var text = option is null ? "" : ReportFormat.Loss(option.MeanValidationLoss);
                return option is not null && option == method.Best ? $"**{text}**" : text;
            });
            var best = method.Best is { } b ? FindingsEvaluation.Rate(b.LearningRate) + (method.AtEdge ? " (edge)" : "") : ReportFormat.Missing;
            md.AppendLine($"| {method.Method} | {string.Join(" | ", cells)} | {best} |");
        }
        md.AppendLine();
    }

    private static IReadOnlyList<double?> AllRates(FindingsEvaluation evaluation) =>
        evaluation.BestLearningRates.SelectMany(m => m.Options.Select(o => o.LearningRate)).Distinct().Order().ToList();
}
