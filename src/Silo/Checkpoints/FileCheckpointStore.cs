using Anneal.Ml.Training;

namespace Anneal.Silo.Checkpoints;

/// <summary>
/// Checkpoints as files in a folder: for silos on one machine, or a folder every silo mounts (--checkpoints-shared).
/// Writes are atomic and durable (see <see cref="DurableFile"/>).
/// </summary>
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
        // Durable before the run grain is told about it: a committed checkpoint must survive a crash of this machine.
        await Task.Run(() => DurableFile.Write(path, stream => stream.Write(checkpoint.Span)), cancellationToken);
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

    public Task<int> DeleteRunAsync(string runId, string? keep, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(Root, SafeName(runId));
        if (!Directory.Exists(folder)) return Task.FromResult(0);
        var kept = keep is null ? null : PathOf(keep);
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (file == kept) continue;
            File.Delete(file);
            removed++;
        }
        if (kept is null) Directory.Delete(folder);
        DurableFile.SyncFolder(kept is null ? Root : folder);
        return Task.FromResult(removed);
    }

    private static string PathOf(string location) =>
        location.StartsWith(Scheme, StringComparison.Ordinal)
            ? location[Scheme.Length..]
            : throw new ArgumentException($"'{location}' is not a file checkpoint location; was it written with --checkpoints redis?");

    /// <summary>Run ids hold '/', which must not become a folder level.</summary>
    private static string SafeName(string runId) =>
        string.Concat(runId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
