namespace Anneal.Client.Findings;

/// <summary>
/// The metric a claim is judged on: <see cref="Train"/>, the smoothed train loss over the verdict window ending at
/// a step (the primary metric, the study's), or <see cref="Validation"/>, the run's final validation loss (secondary).
/// </summary>
public enum FindingMetric
{
    Train,
    Validation,
}
