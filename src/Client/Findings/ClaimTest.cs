namespace Anneal.Client.Findings;

/// <summary>
/// One claim about one pair of arms, "A beats B" or "A matches B", with its minimum meaningful effect δ (absolute,
/// in the metric's units), and the rules that turn the paired differences into a verdict.
/// </summary>
public sealed record ClaimTest(ClaimKind Kind, PairedComparison Comparison, double MinEffect)
{
    /// <summary>The error rate of one test: a 95% interval for "beats", a 90% one (two one-sided 5% tests) for "matches".</summary>
    public const double Alpha = 0.05;

    /// <summary>Below this many paired seeds a claim is always inconclusive, whatever its interval.</summary>
    public const int MinimumSeeds = 3;

    /// <summary>Enough seeds for a verdict other than inconclusive, so the claim counts in Holm's family.</summary>
    public bool IsDecidable => Comparison.Count >= MinimumSeeds;

    /// <summary>The p of the null hypothesis this claim's "held" must reject: no difference (beats) or a difference of at least δ (matches).</summary>
    public double PValue => Kind == ClaimKind.Beats
        ? Comparison.PValueOfDifference()
        : Comparison.PValueOfEquivalence(MinEffect);

    /// <summary>
    /// The verdict at error rate <paramref name="alpha"/> (Holm's level for this claim's rank, or <see cref="Alpha"/>).
    /// beats, (1 − α) interval: held when CI low &gt; 0 and mean ≥ δ; did-not-hold when CI high &lt; δ.
    /// matches, (1 − 2α) interval: held when it lies inside (−δ, +δ); did-not-hold when CI low ≥ δ or CI high ≤ −δ.
    /// Otherwise, below <see cref="MinimumSeeds"/> seeds, or when Holm's step-down stopped at an earlier claim
    /// (<paramref name="earlierRejected"/> false): inconclusive, never held.
    /// </summary>
    public ClaimOutcome Decide(double alpha = Alpha, bool earlierRejected = true, double? adjustedPValue = null)
    {
        var level = Kind == ClaimKind.Beats ? 1 - alpha : 1 - 2 * alpha;
        var interval = Comparison.Interval(level);
        var verdict = interval is null || !IsDecidable ? Verdict.Inconclusive : Judge(interval, earlierRejected);
        return new ClaimOutcome(verdict, interval, alpha, adjustedPValue ?? PValue);
    }

    private Verdict Judge(ConfidenceInterval interval, bool earlierRejected)
    {
        var delta = MinEffect;
        if (Kind == ClaimKind.Beats)
        {
            if (interval.Low > 0 && Comparison.Mean >= delta)
                return earlierRejected ? Verdict.Held : Verdict.Inconclusive;
            return interval.High < delta ? Verdict.DidNotHold : Verdict.Inconclusive;
        }
        if (interval.Low > -delta && interval.High < delta)
            return earlierRejected ? Verdict.Held : Verdict.Inconclusive;
        return interval.Low >= delta || interval.High <= -delta ? Verdict.DidNotHold : Verdict.Inconclusive;
    }
}
