namespace Anneal.Ml.Training;

/// <summary>Called on the training thread.</summary>
public interface ITrainingObserver
{
    /// <summary>Every <see cref="TrainingOptions.ProgressEvery"/> steps and at the end.</summary>
    void OnProgress(ProgressReport report);

    /// <summary>Every <see cref="TrainingOptions.EvalEvery"/> steps and at the end of a completed run.</summary>
    void OnEvaluation(EvaluationResult evaluation);

    /// <summary>Every <see cref="TrainingOptions.CheckpointEvery"/> steps; the caller may call <see cref="Trainer.SaveCheckpoint"/> now.</summary>
    void OnCheckpointDue(int step);
}
