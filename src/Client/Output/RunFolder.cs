namespace Anneal.Client.Output;

/// <summary>The files of one run's output folder.</summary>
public sealed record RunFolder(string Path)
{
    public string Spec => System.IO.Path.Combine(Path, "run.json");
    public string Checkpoint => System.IO.Path.Combine(Path, "checkpoint.bin");
    public string Curve => System.IO.Path.Combine(Path, "curve.csv");
    public string Result => System.IO.Path.Combine(Path, "result.json");

    /// <summary>Writes the checkpoint next to the old one and swaps it in, durably, so a crash keeps the last good one.</summary>
    public void WriteCheckpoint(Action<Stream> save) => Anneal.Ml.Training.DurableFile.Write(Checkpoint, save);
}
