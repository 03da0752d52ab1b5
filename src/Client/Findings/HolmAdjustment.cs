namespace Anneal.Client.Findings;

/// <summary>
/// Holm's step-down method for a family of m tests at family-wise error rate α: order the p values p_(1) ≤ … ≤ p_(m);
/// the test of rank j (from 1) is judged at α/(m − j + 1), and can only be rejected when every test of lower rank
/// was rejected at its own level. Adjusted p: p̃_(j) = max over i ≤ j of min(1, (m − i + 1)·p_(i)).
/// </summary>
public static class HolmAdjustment
{
    /// <returns>For each p, in the order given: its level, whether all lower ranks were rejected, and its adjusted p.</returns>
    public static IReadOnlyList<HolmStep> Apply(IReadOnlyList<double> pValues, double alpha)
    {
        var m = pValues.Count;
        var ranked = pValues.Select((p, index) => (P: p, Index: index)).OrderBy(t => t.P).ThenBy(t => t.Index).ToList();
        var steps = new HolmStep[m];
        var allEarlierRejected = true;
        var runningMax = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var (p, index) = ranked[rank];
            var level = alpha / (m - rank);
            runningMax = Math.Max(runningMax, Math.Min(1, (m - rank) * p));
            steps[index] = new HolmStep(rank + 1, m, level, allEarlierRejected, runningMax);
            allEarlierRejected &= p < level;
        }
        return steps;
    }
}
