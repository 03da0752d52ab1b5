namespace Anneal.Client.Findings;

/// <summary>
/// One learning rate of a method (a configuration without its LR) and its mean final validation loss over the
/// completed seeds; null when no seed reported one.
/// </summary>
public sealed record LearningRateOption(SweepConfiguration Configuration, double? MeanValidationLoss, int Seeds)
{
    public double? LearningRate => Configuration.LearningRate;
}
