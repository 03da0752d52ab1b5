namespace Anneal.Client.Output;

/// <summary>The files of one run's output folder.</summary>
public sealed record RunFolder(string Path)
{
    public string Spec => System.IO.Path.Combine(Path, "run.json");
    public string Checkpoint => System.IO.Path.Combine(Path, "checkpoint.bin");
    public string Curve => System.IO.Path.Combine(Path, "curve.csv");
    public string Result => System.IO.Path.Combine(Path, "result.json");

    /// <summary>Writes the checkpoint next to the old one and swaps it in, so a crash mid-write keeps the last good one.</summary>
    public void WriteCheckpoint(Action<Stream> save)
    {
        var temporary = Checkpoint + ".tmp";
        using (var stream = File.Create(temporary))
        {
            save(stream);
        }
        File.Move(temporary, Checkpoint, overwrite: true);
    }
}
