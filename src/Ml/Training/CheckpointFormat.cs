using System.Globalization;

namespace Anneal.Ml.Training;

/// <summary>
/// The header that makes a checkpoint refuse to load into a run it was not written for, and records the torch thread
/// count its steps were computed with (version 2): CPU reductions split across threads round differently, so a run
/// continues bit for bit only at the thread count it was trained with.
/// </summary>
internal static class CheckpointFormat
{
    public const string Magic = "ANNEAL-CHECKPOINT";
    public const int Version = 2;
    private const int VersionWithoutThreads = 1;

    /// <summary>Everything that changes the trajectory: a checkpoint resumes only a run with the same fingerprint.</summary>
    public static string Fingerprint(TrainingOptions options, int channels, long parameterCount)
    {
        var overrides = string.Join(",", options.Overrides.OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => $"{o.Key}={o.Value.ToString("R", CultureInfo.InvariantCulture)}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"variant={options.Variant} steps={options.Steps} batch={options.BatchSize} lr={options.LearningRate:R} seed={options.Seed} overrides=[{overrides}] channels={channels} parameters={parameterCount}");
    }

    public static void WriteHeader(BinaryWriter writer, string fingerprint, int threads)
    {
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(fingerprint);
        writer.Write(threads);
    }

    /// <returns>The thread count the checkpoint was trained with; null for a version 1 checkpoint, which did not record it.</returns>
    public static int? ReadHeader(BinaryReader reader, string expectedFingerprint)
    {
        var (fingerprint, threads) = ReadHeader(reader);
        if (fingerprint != expectedFingerprint)
        {
            throw new InvalidDataException($"checkpoint belongs to another run: it has {fingerprint}, this run is {expectedFingerprint}");
        }
        return threads;
    }

    /// <summary>Reads the header of any run's checkpoint.</summary>
    public static (string Fingerprint, int? Threads) ReadHeader(BinaryReader reader)
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
        if (version is not (Version or VersionWithoutThreads))
        {
            throw new InvalidDataException($"checkpoint format {version} is not supported (expected {Version})");
        }
        var fingerprint = reader.ReadString();
        int? threads = version == Version ? reader.ReadInt32() : null;
        return (fingerprint, threads);
    }
}
