using System.Globalization;
using Anneal.Ml.Devices;

namespace Anneal.Ml.Training;

/// <summary>The header that makes a checkpoint refuse to load into a run it was not written for.</summary>
internal static class CheckpointFormat
{
    public const string Magic = "ANNEAL-CHECKPOINT";
    /// <summary>2 added the MKL kernel path after the fingerprint.</summary>
    public const int Version = 2;

    /// <summary>Version 1 checkpoints predate the AVX-512 path, so every one of them was written on MKL's default path.</summary>
    private const int VersionBeforeKernelPaths = 1;

    /// <summary>Everything that changes the trajectory: a checkpoint resumes only a run with the same fingerprint.</summary>
    public static string Fingerprint(TrainingOptions options, int channels, long parameterCount)
    {
        var overrides = string.Join(",", options.Overrides.OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => $"{o.Key}={o.Value.ToString("R", CultureInfo.InvariantCulture)}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"variant={options.Variant} steps={options.Steps} batch={options.BatchSize} lr={options.LearningRate:R} seed={options.Seed} overrides=[{overrides}] channels={channels} parameters={parameterCount}");
    }

    /// <summary>Writes the header, with the kernel path this process trains on (<see cref="MklKernels.Active"/>).</summary>
    public static void WriteHeader(BinaryWriter writer, string fingerprint)
    {
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(fingerprint);
        writer.Write(MklKernels.Active.Name);
    }

    public static void ReadHeader(BinaryReader reader, string expectedFingerprint)
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
        if (version is not (Version or VersionBeforeKernelPaths))
        {
            throw new InvalidDataException($"checkpoint format {version} is not supported (expected {Version})");
        }
        var fingerprint = reader.ReadString();
        if (fingerprint != expectedFingerprint)
        {
            throw new InvalidDataException($"checkpoint belongs to another run: it has {fingerprint}, this run is {expectedFingerprint}");
        }
        var kernels = version == VersionBeforeKernelPaths ? MklKernels.Default : reader.ReadString();
        RefuseOtherKernelPath(kernels, MklKernels.Active.Name);
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
