namespace Anneal.Client.Findings;

/// <summary>
/// A study finding as a sweep can test it: the comparisons it needs (all must hold for the finding to hold), or, when
/// the sweep lacks runs, what it would need. <see cref="TrainOnly"/> findings are not repeated on validation loss.
/// </summary>
public sealed record FindingPlan(string Id, string Claim, IReadOnlyList<ComparisonPlan> Parts, string? Needs, bool TrainOnly = false)
{
    public static FindingPlan Missing(string id, string claim, string needs, bool trainOnly = false) => new(id, claim, [], needs, trainOnly);
}
