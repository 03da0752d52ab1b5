namespace Anneal.Client.Findings;

/// <summary>
/// A study finding judged on one metric at one learning-rate choice. Its verdict combines its parts: held when
/// every part held, did-not-hold when any part did not, else inconclusive; not-evaluable when the sweep lacks runs
/// (<see cref="Needs"/> says which) or no seed finished in both arms of a part.
/// </summary>
public sealed record Finding(string Id, string Claim, FindingMetric Metric, string LearningRates, int Window,
    IReadOnlyList<ComparisonResult> Parts, string? Needs)
{
    public Verdict Verdict => Combine(Parts.Select(part => part.Verdict), Needs is not null);

    /// <summary>The single comparison of a one-part finding, whose numbers stand for the finding; null for compound ones.</summary>
    public ComparisonResult? Single => Parts.Count == 1 ? Parts[0] : null;

    public static Verdict Combine(IEnumerable<Verdict> parts, bool missing = false)
    {
        var verdicts = parts.ToList();
        if (missing || verdicts.Count == 0 || verdicts.Contains(Verdict.NotEvaluable))
            return verdicts.Contains(Verdict.DidNotHold) ? Verdict.DidNotHold : Verdict.NotEvaluable;
        if (verdicts.Contains(Verdict.DidNotHold))
            return Verdict.DidNotHold;
        return verdicts.All(verdict => verdict == Verdict.Held) ? Verdict.Held : Verdict.Inconclusive;
    }
}
