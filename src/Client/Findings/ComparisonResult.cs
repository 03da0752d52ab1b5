namespace Anneal.Client.Findings;

/// <summary>A planned comparison, judged: the paired seeds, the minimum effect, the verdict, and Holm's step where adjusted.</summary>
public sealed record ComparisonResult(ComparisonPlan Plan, FindingMetric Metric, ClaimTest Test, ClaimOutcome Outcome, HolmStep? Holm)
{
    public PairedComparison Comparison => Test.Comparison;
    public Verdict Verdict => Outcome.Verdict;
}
