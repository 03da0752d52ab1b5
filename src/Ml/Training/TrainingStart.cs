using Anneal.Ml.Data;
using Anneal.Ml.Devices;

namespace Anneal.Ml.Training;

/// <summary>
/// The one way a run starts, or continues from a checkpoint, for <c>anneal train --resume</c> and silo workers alike:
/// build the trainer with the same options, data and device, restore every state the checkpoint holds, and say when
/// the thread count differs from the one the checkpoint was trained with. Torch's CPU kernels split reductions across
/// intra-op threads, so the same steps at another thread count round differently in the last digits; a resume is bit
/// for bit only at the checkpoint's thread count (docs/cluster.md, "Resume is bit for bit").
/// </summary>
public static class TrainingStart
{
    /// <summary>The thread count a checkpoint was trained with, from its header.</summary>
    /// <exception cref="InvalidDataException">Not an Anneal checkpoint, or one of a format this version cannot continue.</exception>
    public static int ThreadsOf(byte[] checkpoint)
    {
        using var reader = new BinaryReader(new MemoryStream(checkpoint, writable: false));
        try
        {
            return CheckpointFormat.ReadHeader(reader).Threads;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("checkpoint is truncated", e);
        }
    }

    /// <summary>A new trainer at step 0, or at the checkpoint's step when <paramref name="checkpoint"/> is given.</summary>
    /// <exception cref="ArgumentException">Invalid options (see <see cref="Trainer"/>).</exception>
    /// <exception cref="InvalidDataException">A checkpoint that is not this run's, or truncated.</exception>
    public static Trainer Open(TrainingOptions options, DatasetSplits data, ComputeDevice device, byte[]? checkpoint, Action<string> log)
    {
        var trainer = new Trainer(options, data, device, log);
        if (checkpoint is null) return trainer;
        try
        {
            var trainedWith = trainer.LoadCheckpoint(new MemoryStream(checkpoint, writable: false));
            if (trainedWith != device.Threads && device.Name == ComputeDevice.Cpu)
            {
                log($"Resuming at step {trainer.Step} with {ComputeDevice.ThreadCount(device.Threads)}; the checkpoint was trained with {trainedWith}, " +
                    "so the steps from here may differ in the last digits from an uninterrupted run");
            }
            return trainer;
        }
        catch
        {
            trainer.Dispose();
            throw;
        }
    }
}
