using Anneal.Ml.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Anneal.Ml.Models;

/// <summary>
/// Draws the model's dropout masks from the trainer's <see cref="DropoutMaskStream"/> and keeps those of the latest
/// forward pass, so that a
/// second pass on the same batch can use the very same masks (<see cref="Replay"/>). The averaged and schedule-free
/// variants need that second pass every step: the study evaluates the average with the step's dropout key, and
/// drawing the masks again would cost as much as drawing them the first time.
/// </summary>
public sealed class DropoutMasks(DropoutMaskStream stream)
{
    private readonly List<Tensor> _drawn = [];
    private int _replayPosition = NotReplaying;
    private const int NotReplaying = -1;

    /// <summary>The numbers every mask is drawn from; the trainer checkpoints its position.</summary>
    public DropoutMaskStream Stream => stream;

    /// <summary>
    /// Forgets the masks of the previous pass (call it before a forward pass whose masks a replay will reuse). The
    /// masks belong to the step's dispose scope, which frees them; this only drops the references.
    /// </summary>
    public void Clear()
    {
        if (_replayPosition != NotReplaying) throw new InvalidOperationException("a replay is still open");
        _drawn.Clear();
    }

    /// <summary>An inverted-dropout mask of <paramref name="shape"/>: a fresh draw, or the next kept one during a replay.</summary>
    public Tensor Next(ReadOnlySpan<long> shape, ScalarType type, Device device, double keep)
    {
        if (_replayPosition != NotReplaying)
        {
            if (_replayPosition >= _drawn.Count) throw new InvalidOperationException("the replayed pass draws more masks than the recorded one");
            return _drawn[_replayPosition++];
        }
        // Drawn on the CPU on every device, so that a run's masks do not depend on where it trains.
        var mask = empty(shape, ScalarType.Float32, CPU);
        stream.Fill(TensorMemory.Floats(mask), keep);
        if (type != ScalarType.Float32 || device.type != DeviceType.CPU)
        {
            mask = mask.to(type, device);
        }
        _drawn.Add(mask);
        return mask;
    }

    /// <summary>Until disposed, <see cref="Next"/> hands out the recorded masks in order; the stream does not move.</summary>
    public IDisposable Replay()
    {
        if (_replayPosition != NotReplaying) throw new InvalidOperationException("a replay is already open");
        _replayPosition = 0;
        return new ReplayScope(this);
    }

    private sealed class ReplayScope(DropoutMasks owner) : IDisposable
    {
        public void Dispose()
        {
            var used = owner._replayPosition;
            owner._replayPosition = NotReplaying;
            if (used != owner._drawn.Count) throw new InvalidOperationException($"the replayed pass used {used} of {owner._drawn.Count} recorded masks");
        }
    }
}
