namespace Anneal.Client.Findings;

/// <summary>
/// A claim's verdict, the interval it was judged on (null below two seeds), the error rate that interval stands
/// for (Holm's level for the claim's rank, 0.05 when unadjusted) and the claim's p, Holm-adjusted where it was.
/// </summary>
public sealed record ClaimOutcome(Verdict Verdict, ConfidenceInterval? Interval, double Alpha, double PValue);
