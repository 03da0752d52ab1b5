namespace Anneal.Client.Reports;

/// <summary>
/// One linear-decay length L: the linear run's final smoothed loss, and each anytime method's smoothed loss over the
/// window ending at step L (null where the run has not reached L, or is shorter).
/// </summary>
public sealed record ParetoRow(int LinearSteps, Spread? Linear, IReadOnlyList<Spread?> Methods);
