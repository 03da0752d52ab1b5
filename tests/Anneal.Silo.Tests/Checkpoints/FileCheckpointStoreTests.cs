using Anneal.Silo.Checkpoints;
using Anneal.Silo.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Anneal.Silo.Tests.Checkpoints;

/// <summary>The file store reads and deletes only the locations it wrote for the run asking.</summary>
public sealed class FileCheckpointStoreTests : IDisposable
{
    private const string Run = "20261202-060000-abcdef/r000";
    private const string OtherRun = "20261202-060000-abcdef/r001";
    private readonly TempFolder _folder = new();
    private readonly RecordingLoggerProvider _log = new();
    private readonly FileCheckpointStore _store;
    private readonly string _canary;

    public FileCheckpointStoreTests()
    {
        _store = new FileCheckpointStore(Path.Combine(_folder.Path, "checkpoints"), _log.CreateLogger("store"));
        _canary = Path.Combine(_folder.Path, "canary.txt");
        File.WriteAllText(_canary, "not a checkpoint");
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task OwnLocation_IsReadAndDeleted()
    {
        var location = await _store.WriteAsync(Run, 1, 50, new byte[] { 1, 2, 3 });

        Assert.Equal([1, 2, 3], await _store.ReadAsync(Run, location));
        await _store.DeleteAsync(Run, location);
        await Assert.ThrowsAsync<FileNotFoundException>(() => _store.ReadAsync(Run, location));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task KeyFile_IsReadableByItsOwnerOnly_AndSharedByStoresOfTheFolder()
    {
        var location = await _store.WriteAsync(Run, 1, 50, new byte[] { 7 });
        var key = Path.Combine(_store.Root, ".checkpoint-key");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        var secondSilo = new FileCheckpointStore(_store.Root);
        Assert.Equal([7], await secondSilo.ReadAsync(Run, location));
    }

    private string[] ForeignLocations() =>
    [
        "file:/etc/passwd",
        "file:" + _canary,
        "file:../canary.txt",
        "file:20261202-060000-abcdef_r000/../../canary.txt",
        "file:20261202-060000-abcdef_r000/e1-s50.ckpt",
        "file:20261202-060000-abcdef_r000/e1-s50.ckpt#0000000000000000000000000000000000000000000000000000000000000000",
        "redis:anneal:anneal:checkpoint:20261202-060000-abcdef/r000:e1:s50",
        "",
    ];

    [Fact]
    public async Task ForeignLocations_AreRefusedAndLogged_NothingReadOrDeleted()
    {
        foreach (var location in ForeignLocations())
        {
            var read = await Assert.ThrowsAsync<CheckpointLocationException>(() => _store.ReadAsync(Run, location));
            Assert.Contains("refused to read", read.Message);
            await Assert.ThrowsAsync<CheckpointLocationException>(() => _store.DeleteAsync(Run, location));
        }

        Assert.Equal("not a checkpoint", await File.ReadAllTextAsync(_canary));
        Assert.True(File.Exists("/etc/passwd"));
        Assert.Equal(ForeignLocations().Length * 2, _log.Lines.Count(line => line.StartsWith("Warning store: Refused to", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnotherRunsLocation_IsRefused_AndItsCheckpointKept()
    {
        var others = await _store.WriteAsync(OtherRun, 1, 50, new byte[] { 9 });

        await Assert.ThrowsAsync<CheckpointLocationException>(() => _store.ReadAsync(Run, others));
        await Assert.ThrowsAsync<CheckpointLocationException>(() => _store.DeleteAsync(Run, others));
        Assert.Equal([9], await _store.ReadAsync(OtherRun, others));
    }

    [Fact]
    public async Task SignedLocation_WithItsPathChanged_IsRefused()
    {
        var location = await _store.WriteAsync(Run, 1, 50, new byte[] { 1 });
        var signature = location[location.LastIndexOf('#')..];

        var forged = "file:20261202-060000-abcdef_r000/e1-s75.ckpt" + signature;
        await Assert.ThrowsAsync<CheckpointLocationException>(() => _store.DeleteAsync(Run, forged));
        Assert.Equal([1], await _store.ReadAsync(Run, location));
    }

    [Fact]
    public async Task RunIdOfDotsOnly_StaysInsideTheFolder()
    {
        var location = await _store.WriteAsync("..", 1, 1, new byte[] { 5 });

        Assert.Equal([5], await _store.ReadAsync("..", location));
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.ckpt"));
    }
}
