using Anneal.Ml.Training;

namespace Anneal.Client.Output;

/// <summary>Feeds the curve file, keeps the evaluations, writes checkpoints when due and tells the progress display.</summary>
public sealed class CliTrainingObserver(Trainer trainer, CurveCsvWriter curve, RunFolder folder, Action<ProgressReport>? onProgress) : ITrainingObserver
{
    public List<EvaluationResult> Evaluations { get; } = [];
    public float? LastLoss { get; private set; }

    public void OnProgress(ProgressReport report)
    {
        curve.Add(report, trainer.LearningRateOfStep);
        LastLoss = report.Losses[^1];
        onProgress?.Invoke(report);
    }

    public void OnEvaluation(EvaluationResult evaluation)
    {
        Evaluations.Add(evaluation);
        curve.Add(evaluation);
    }

    public void OnCheckpointDue(int step) => folder.WriteCheckpoint(trainer.SaveCheckpoint);
}
