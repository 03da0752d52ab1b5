namespace Anneal.Ml.Training;

/// <param name="FirstStep">1-based step of Losses[0].</param>
/// <param name="Losses">The reported train loss of every step since the last report (the averaged parameters' loss where the variant averages).</param>
/// <param name="LearningRate">The learning rate at the last step.</param>
/// <param name="StepsPerSecond">Over this report's steps.</param>
public sealed record ProgressReport(int FirstStep, IReadOnlyList<float> Losses, double LearningRate, double StepsPerSecond);
