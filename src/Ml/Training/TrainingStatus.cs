namespace Anneal.Ml.Training;

public enum TrainingStatus
{
    /// <summary>All steps ran; the final evaluation is in the outcome.</summary>
    Completed,
    /// <summary>Reached the requested stop step; resume from a checkpoint to go on.</summary>
    Stopped,
    Cancelled,
    /// <summary>The loss became non-finite; the outcome says at which step.</summary>
    Failed,
}
