using System.Globalization;
using Anneal.Ml.Devices;

namespace Anneal.Ml.Training;

/// <summary>
/// The header that makes a checkpoint refuse to load into a run it was not written for, and records what its steps were
/// computed with: the torch thread count (CPU reductions split across threads round differently) and MKL's kernel
/// path (the AVX2 and AVX-512 kernels round differently too). A run continues bit for bit only on both.
/// Version 3 draws dropout masks from <see cref="Models.DropoutMaskStream"/> and stores its position; versions 1 and 2
/// stored libtorch's generator, whose masks version 3 cannot continue, so they are refused with that reason.
/// </summary>
internal static class CheckpointFormat
{
    public const string Magic = "ANNEAL-CHECKPOINT";
    public const int Version = 3;

    /// <summary>The last version whose dropout masks came from libtorch's generator.</summary>
    private const int LastVersionWithTorchDropout = 2;

    /// <summary>Everything that changes the trajectory: a checkpoint resumes only a run with the same fingerprint.</summary>
    public static string Fingerprint(TrainingOptions options, int channels, long parameterCount)
    {
        var overrides = string.Join(",", options.Overrides.OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => $"{o.Key}={o.Value.ToString("R", CultureInfo.InvariantCulture)}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"variant={options.Variant} steps={options.Steps} batch={options.BatchSize} lr={options.LearningRate:R} seed={options.Seed} overrides=[{overrides}] channels={channels} parameters={parameterCount}");
    }

    /// <summary>Writes the header, with the thread count and the kernel path this process trains on (<see cref="MklKernels.Active"/>).</summary>
    public static void WriteHeader(BinaryWriter writer, string fingerprint, int threads)
    {
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(fingerprint);
        writer.Write(threads);
        writer.Write(MklKernels.Active.Name);
    }

    /// <summary>Checks the checkpoint is this run's and was written on this process's kernel path.</summary>
    /// <returns>The thread count the checkpoint was trained with.</returns>
    public static int ReadHeader(BinaryReader reader, string expectedFingerprint)
    {
        var header = ReadHeader(reader);
        if (header.Fingerprint != expectedFingerprint)
        {
            throw new InvalidDataException($"checkpoint belongs to another run: it has {header.Fingerprint}, this run is {expectedFingerprint}");
        }
        RefuseOtherKernelPath(header.Kernels, MklKernels.Active.Name);
        return header.Threads;
    }

    /// <summary>Reads the header of any run's checkpoint.</summary>
    public static (string Fingerprint, int Threads, string Kernels) ReadHeader(BinaryReader reader)
    {
        string magic;
        try
        {
            magic = reader.ReadString();
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            throw new InvalidDataException("not an Anneal checkpoint (empty or unreadable)", e);
        }
        if (magic != Magic)
        {
            throw new InvalidDataException("not an Anneal checkpoint");
        }
        var version = reader.ReadInt32();
        if (version is >= 1 and <= LastVersionWithTorchDropout)
        {
            throw new InvalidDataException(
                $"checkpoint format {version} was written by an earlier Anneal whose dropout masks came from another generator; it cannot be continued bit for bit, so start the run again");
        }
        if (version != Version)
        {
            throw new InvalidDataException($"checkpoint format {version} is not supported (expected {Version})");
        }
        return (reader.ReadString(), reader.ReadInt32(), reader.ReadString());
    }

    /// <summary>
    /// The two kernel paths round differently, so a run continued on the other one would mix both paths' last digits
    /// in one curve and could not be repeated: such a resume is refused, naming the switch that matches the checkpoint.
    /// </summary>
    public static void RefuseOtherKernelPath(string checkpointKernels, string activeKernels)
    {
        if (checkpointKernels == activeKernels)
        {
            return;
        }
        var hint = checkpointKernels == MklKernels.Default
            ? $"run with {MklKernels.SwitchVariable}=0 to resume it"
            : $"resume it on a CPU with AVX-512 and without {MklKernels.SwitchVariable}=0";
        throw new InvalidDataException(
            $"checkpoint was written on MKL kernel path {checkpointKernels} but this process trains on {activeKernels}; {hint}");
    }
}
