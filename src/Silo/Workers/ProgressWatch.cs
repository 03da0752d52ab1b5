using Anneal.Ml.Training;

namespace Anneal.Silo.Workers;

/// <summary>
/// Whether a training attempt still advances: the pulse watched (while loading, the chunks of its dataset read; while
/// training, its trainer's steps and evaluation batches) or its reporter's completed hand-overs (a trainer waiting for a
/// slow store is not stuck) changed within the stall time. Outside <see cref="Watch"/> and <see cref="Unwatch"/>
/// (reading the checkpoint, building the trainer, flushing at the end) nothing is judged: those phases have no pulse
/// of their own.
/// </summary>
internal sealed class ProgressWatch(TimeSpan stallTime, TimeProvider time)
{
    private readonly object _gate = new();
    private TrainingPulse? _pulse;
    private long _handOvers;
    private long _lastBeats;
    private DateTimeOffset _lastChange;

    public TimeSpan StallTime => stallTime;

    /// <summary>From now on the attempt must show progress on <paramref name="pulse"/> within the stall time.</summary>
    public void Watch(TrainingPulse pulse)
    {
        lock (_gate)
        {
            _pulse = pulse;
            _lastBeats = Beats();
            _lastChange = time.GetUtcNow();
        }
    }

    public void Unwatch()
    {
        lock (_gate) _pulse = null;
    }

    /// <summary>The reporter finished handling something the trainer handed over.</summary>
    public void HandOverDone() => Interlocked.Increment(ref _handOvers);

    /// <summary>True once nothing advanced for longer than the stall time while watched.</summary>
    public bool IsStalled()
    {
        lock (_gate)
        {
            if (_pulse is null) return false;
            var beats = Beats();
            var now = time.GetUtcNow();
            if (beats != _lastBeats)
            {
                _lastBeats = beats;
                _lastChange = now;
                return false;
            }
            return now - _lastChange > stallTime;
        }
    }

    private long Beats() => (_pulse?.Beats ?? 0) + Interlocked.Read(ref _handOvers);
}
