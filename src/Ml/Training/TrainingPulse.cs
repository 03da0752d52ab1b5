namespace Anneal.Ml.Training;

/// <summary>
/// Counts the units of work a trainer completes (a training step, an evaluation batch; a silo also counts the chunks
/// of a dataset load on one), so that a watcher on another thread can tell work that advances from work stuck in native
/// code or in a read. Reading never blocks the worker.
/// </summary>
public sealed class TrainingPulse
{
    private long _beats;

    /// <summary>Units completed so far; only its changes mean anything.</summary>
    public long Beats => Interlocked.Read(ref _beats);

    public void Beat() => Interlocked.Increment(ref _beats);
}
