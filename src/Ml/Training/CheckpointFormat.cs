using System.Globalization;

namespace Anneal.Ml.Training;

/// <summary>The header that makes a checkpoint refuse to load into a run it was not written for.</summary>
internal static class CheckpointFormat
{
    public const string Magic = "ANNEAL-CHECKPOINT";
    public const int Version = 1;

    /// <summary>Everything that changes the trajectory: a checkpoint resumes only a run with the same fingerprint.</summary>
    public static string Fingerprint(TrainingOptions options, int channels, long parameterCount)
    {
        var overrides = string.Join(",", options.Overrides.OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => $"{o.Key}={o.Value.ToString("R", CultureInfo.InvariantCulture)}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"variant={options.Variant} steps={options.Steps} batch={options.BatchSize} lr={options.LearningRate:R} seed={options.Seed} overrides=[{overrides}] channels={channels} parameters={parameterCount}");
    }

    public static void WriteHeader(BinaryWriter writer, string fingerprint)
    {
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(fingerprint);
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
        if (version != Version)
        {
            throw new InvalidDataException($"checkpoint format {version} is not supported (expected {Version})");
        }
        var fingerprint = reader.ReadString();
        if (fingerprint != expectedFingerprint)
        {
            throw new InvalidDataException($"checkpoint belongs to another run: it has {fingerprint}, this run is {expectedFingerprint}");
        }
    }
}
