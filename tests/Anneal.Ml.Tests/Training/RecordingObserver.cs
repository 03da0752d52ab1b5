using Anneal.Ml.Training;

namespace Anneal.Ml.Tests.Training;

/// <summary>Keeps every report, evaluation and checkpoint call; optionally saves a checkpoint when one is due.</summary>
internal sealed class RecordingObserver(Action<int>? onCheckpointDue = null) : ITrainingObserver
{
    public List<ProgressReport> Reports { get; } = [];
    public List<EvaluationResult> Evaluations { get; } = [];
    public List<int> CheckpointsDue { get; } = [];
    public List<string> Order { get; } = [];

    public IEnumerable<float> Losses => Reports.SelectMany(r => r.Losses);

    public void OnProgress(ProgressReport report)
    {
        Reports.Add(report);
        Order.Add($"progress {report.FirstStep + report.Losses.Count - 1}");
    }

    public void OnEvaluation(EvaluationResult evaluation)
    {
        Evaluations.Add(evaluation);
        Order.Add($"evaluation {evaluation.Step}");
    }

    public void OnCheckpointDue(int step)
    {
        CheckpointsDue.Add(step);
        onCheckpointDue?.Invoke(step);
    }
}
