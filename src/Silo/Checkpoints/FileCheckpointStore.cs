namespace Anneal.Silo.Checkpoints;

/// <summary>Checkpoints as files in a folder: for silos on one machine. Writes are atomic (temporary file, then rename).</summary>
public sealed class FileCheckpointStore : ICheckpointStore
{
    private const string Scheme = "file:";

    public FileCheckpointStore(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public async Task<string> WriteAsync(string runId, long epoch, int step, ReadOnlyMemory<byte> checkpoint, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(Root, SafeName(runId));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"e{epoch}-s{step}.ckpt");
        var temporary = path + $".{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, checkpoint.ToArray(), cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return Scheme + path;
    }

    public async Task<byte[]> ReadAsync(string location, CancellationToken cancellationToken = default)
    {
        var path = PathOf(location);
        if (!File.Exists(path)) throw new FileNotFoundException($"checkpoint {location} does not exist", path);
        return await File.ReadAllBytesAsync(path, cancellationToken);
    }

    public Task DeleteAsync(string location, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(location));
        return Task.CompletedTask;
    }

    private static string PathOf(string location) =>
        location.StartsWith(Scheme, StringComparison.Ordinal)
            ? location[Scheme.Length..]
            : throw new ArgumentException($"'{location}' is not a file checkpoint location; was it written with --checkpoints redis?");

    /// <summary>Run ids hold '/', which must not become a folder level.</summary>
    private static string SafeName(string runId) =>
        string.Concat(runId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
