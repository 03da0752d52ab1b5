namespace Anneal.Ml.Training;

/// <summary>Mean cross-entropy and accuracy of the evaluated parameters on the test split after <paramref name="Step"/> steps.</summary>
public sealed record EvaluationResult(int Step, double Loss, double Accuracy);
