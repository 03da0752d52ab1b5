namespace Anneal.Ml.Training;

/// <summary>
/// Counts the units of work a trainer completes (a training step, an evaluation batch), so that a watcher on another
/// thread can tell a trainer that advances from one stuck in native code. Reading never blocks the trainer.
/// </summary>
public sealed class TrainingPulse
{
    private long _beats;

    /// <summary>Units completed so far; only its changes mean anything.</summary>
    public long Beats => Interlocked.Read(ref _beats);

    public void Beat() => Interlocked.Increment(ref _beats);
}
