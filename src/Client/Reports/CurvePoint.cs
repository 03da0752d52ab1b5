namespace Anneal.Client.Reports;

/// <summary>
/// One point of a run's downsampled loss curve: the mean train loss over the steps after the previous point's
/// <see cref="Step"/> up to and including this one (the first point covers steps 1..Step).
/// </summary>
public readonly record struct CurvePoint(int Step, double MeanLoss);
