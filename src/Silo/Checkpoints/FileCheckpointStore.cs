using System.Text.RegularExpressions;
using Anneal.Ml.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Anneal.Silo.Checkpoints;

/// <summary>
/// Checkpoints as files in a folder: for silos on one machine, or a folder every silo mounts (--checkpoints-shared).
/// Writes are atomic and durable (see <see cref="DurableFile"/>). A location names a file relative to the folder
/// (<c>file:RUN/eEPOCH-sSTEP.ckpt#SIGNATURE</c>); the signing key is the folder's <c>.checkpoint-key</c>, made by the
/// first silo that uses the folder and readable by its user only.
/// </summary>
public sealed partial class FileCheckpointStore : ICheckpointStore
{
    private const string Scheme = "file:";
    private const string KeyFile = ".checkpoint-key";
    private readonly CheckpointSigner _signer;
    private readonly ILogger _logger;

    public FileCheckpointStore(string root, ILogger? logger = null)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
        _signer = new CheckpointSigner(LoadOrCreateKey(Path.Combine(Root, KeyFile)));
        _logger = logger ?? NullLogger.Instance;
    }

    public string Root { get; }

    public async Task<string> WriteAsync(string runId, long epoch, int step, ReadOnlyMemory<byte> checkpoint, CancellationToken cancellationToken = default)
    {
        var relative = $"{SafeName(runId)}/e{epoch}-s{step}.ckpt";
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Durable before the run grain is told about it: a committed checkpoint must survive a crash of this machine.
        await Task.Run(() => DurableFile.Write(path, stream => stream.Write(checkpoint.Span)), cancellationToken);
        return _signer.Sign(runId, Scheme + relative);
    }

    public async Task<byte[]> ReadAsync(string runId, string location, CancellationToken cancellationToken = default)
    {
        var path = PathOf(runId, location, "read");
        if (!File.Exists(path)) throw new FileNotFoundException($"checkpoint {location} does not exist", path);
        return await File.ReadAllBytesAsync(path, cancellationToken);
    }

    public Task DeleteAsync(string runId, string location, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(runId, location, "delete"));
        return Task.CompletedTask;
    }

    public Task<int> DeleteRunAsync(string runId, string? keep, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(Root, SafeName(runId));
        if (!Directory.Exists(folder)) return Task.FromResult(0);
        var kept = keep is null ? null : PathOf(runId, keep, "keep");
        var removed = 0;
        foreach (var file in Directory.GetFiles(folder))
        {
            if (file == kept) continue;
            File.Delete(file);
            removed++;
        }
        if (kept is null) Directory.Delete(folder);
        DurableFile.SyncFolder(kept is null ? Root : folder);
        return Task.FromResult(removed);
    }

    /// <summary>The file behind a location this store wrote for <paramref name="runId"/>; anything else is refused.</summary>
    private string PathOf(string runId, string location, string operation)
    {
        string unsigned;
        try
        {
            unsigned = _signer.Verify(runId, location);
        }
        catch (CheckpointLocationException e)
        {
            throw CheckpointRefusals.Refuse(_logger, operation, runId, location, e.Message);
        }
        var match = LocationFormat().Match(unsigned);
        if (!match.Success || match.Groups["run"].Value != SafeName(runId))
            throw CheckpointRefusals.Refuse(_logger, operation, runId, location, "not a file checkpoint location of this run");
        var path = Path.GetFullPath(Path.Combine(Root, unsigned[Scheme.Length..]));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw CheckpointRefusals.Refuse(_logger, operation, runId, location, "outside the checkpoint folder");
        return path;
    }

    /// <summary>Run ids hold '/', which must not become a folder level; nor may a name be "." or "..".</summary>
    private static string SafeName(string runId)
    {
        var safe = string.Concat(runId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return safe.Trim('.').Length == 0 ? "_" + safe : safe;
    }

    private static byte[] LoadOrCreateKey(string path)
    {
        if (!File.Exists(path))
        {
            var temporary = path + $".{Guid.NewGuid():N}.tmp";
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var file = new FileStream(temporary, create))
            {
                file.Write(CheckpointSigner.NewKey());
            }
            try
            {
                // Another silo sharing the folder may have won the race: its key is the one.
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }
        var key = File.ReadAllBytes(path);
        return key.Length == CheckpointSigner.KeyBytes
            ? key
            : throw new InvalidOperationException($"{path} holds {key.Length} bytes, a checkpoint key has {CheckpointSigner.KeyBytes}; delete it to make a new one (existing checkpoints are then refused)");
    }

    [GeneratedRegex(@"^file:(?<run>[A-Za-z0-9._-]+)/e\d{1,19}-s\d{1,10}\.ckpt$")]
    private static partial Regex LocationFormat();
}
