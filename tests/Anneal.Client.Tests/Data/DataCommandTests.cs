using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Anneal.Client.Tests.Cli;

namespace Anneal.Client.Tests.Data;

/// <summary>
/// <c>anneal data fetch|list|clean</c> run as a user runs them, against a mirror on 127.0.0.1 serving Debian's real
/// Fashion-MNIST files (whose MD5 sums are among the published ones), with the cache in a temporary folder.
/// </summary>
public sealed class DataCommandTests : IDisposable
{
    private const string DebianDir = "/usr/share/datasets/fashion-mnist";
    private const string TrainImages = "train-images-idx3-ubyte.gz";
    private static readonly string[] FileNames = [TrainImages, "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"];
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly TemporaryDirectory _folder = new("data-cache");

    private string Cache => _folder.File("cache");

    private string FashionCache => Path.Combine(Cache, "fashion-mnist");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Fetch_FromALocalMirror_FillsTheCache_ListShowsIt_AndCleanRemovesIt()
    {
        using var mirror = new MirrorServer(RealFiles());

        var fetch = await RunAsync(mirror.Url, "data", "fetch", "fashion-mnist");

        Assert.True(fetch.ExitCode == ExitCodes.Success, fetch.ToString());
        Assert.Contains($"fashion-mnist: verified and cached in {FashionCache}", fetch.Stdout);
        foreach (var name in FileNames)
            Assert.Equal(Md5(Path.Combine(DebianDir, name)), Md5(Path.Combine(FashionCache, name)));

        var list = await RunAsync(mirror.Url, "data", "list", "--json");
        Assert.True(list.ExitCode == ExitCodes.Success, list.ToString());
        var cached = JsonDocument.Parse(list.Stdout).RootElement.GetProperty("places").EnumerateArray()
            .Single(p => p.GetProperty("dataset").GetString() == "fashion-mnist" && p.GetProperty("place").GetString() == "cache");
        Assert.Equal("present", cached.GetProperty("state").GetString());
        Assert.True(cached.GetProperty("used").GetBoolean(), "the cache comes first in the lookup");
        Assert.Equal(FileNames.Sum(n => new FileInfo(Path.Combine(DebianDir, n)).Length), cached.GetProperty("bytes").GetInt64());

        var clean = await RunAsync(mirror.Url, "data", "clean", "fashion-mnist");
        Assert.True(clean.ExitCode == ExitCodes.Success, clean.ToString());
        Assert.Contains($"fashion-mnist: removed {FashionCache}", clean.Stdout);
        Assert.False(Directory.Exists(FashionCache));
    }

    [Fact]
    public async Task CutConnection_KeepsThePartialFile_AndTheNextFetchResumesItWithARange()
    {
        using var mirror = new MirrorServer(RealFiles());
        const int cutAt = 5_000_000;
        mirror.CutNextDownload(TrainImages, cutAt);

        var cut = await RunAsync(mirror.Url, "data", "fetch", "fashion-mnist");

        Assert.True(cut.ExitCode == ExitCodes.DataError, cut.ToString());
        var line = Assert.Single(cut.StderrLines);
        Assert.Contains("run `anneal data fetch fashion-mnist` again to resume", line);
        Assert.Equal(cutAt, new FileInfo(Path.Combine(FashionCache, TrainImages + ".part")).Length);
        Assert.False(File.Exists(Path.Combine(FashionCache, TrainImages)), "a cut file must never sit in the cache under its own name");

        var resumed = await RunAsync(mirror.Url, "data", "fetch", "fashion-mnist");

        Assert.True(resumed.ExitCode == ExitCodes.Success, resumed.ToString());
        Assert.Contains(new MirrorRequest(TrainImages, cutAt), mirror.Requests);
        Assert.Equal(Md5(Path.Combine(DebianDir, TrainImages)), Md5(Path.Combine(FashionCache, TrainImages)));
        Assert.False(File.Exists(Path.Combine(FashionCache, TrainImages + ".part")));
    }

    [Fact]
    public async Task CorruptFile_IsRefused_AndNothingIsCached()
    {
        var files = RealFiles();
        files[TrainImages][1_000] ^= 0xFF;
        using var mirror = new MirrorServer(files);

        var result = await RunAsync(mirror.Url, "data", "fetch", "fashion-mnist");

        Assert.True(result.ExitCode == ExitCodes.DataError, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.Contains("matches none of the published sums", line);
        Assert.Contains("nothing cached", line);
        Assert.Empty(FilesUnder(Cache));
    }

    [Fact]
    public async Task CorruptCifarArchive_IsRefused_AndNothingIsCached()
    {
        using var mirror = new MirrorServer(new() { ["cifar-10-binary.tar.gz"] = RandomNumberGenerator.GetBytes(50_000) });

        var result = await RunAsync(mirror.Url, "data", "fetch", "cifar10");

        Assert.True(result.ExitCode == ExitCodes.DataError, result.ToString());
        Assert.Contains("matches none of the published sums", Assert.Single(result.StderrLines));
        Assert.Empty(FilesUnder(Cache));
    }

    [Fact]
    public async Task UnreachableMirror_IsOneLineNamingTheFixes_Exit3_AndNothingIsCached()
    {
        var nobody = new Uri($"http://127.0.0.1:{ClosedPort()}/");

        var result = await RunAsync(nobody, "data", "fetch", "fashion-mnist");

        Assert.True(result.ExitCode == ExitCodes.DataError, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.Contains("ANNEAL_DATA_MIRROR", line);
        Assert.Contains("apt-get install dataset-fashion-mnist", line);
        Assert.Contains("--data DIR", line);
        Assert.Empty(result.Stdout.Trim());
        Assert.False(Directory.Exists(Cache), "an unreachable mirror must leave no cache folder behind");
    }

    [Fact]
    public async Task Train_OnCifarNowhereToBeFound_TriesTheMirrorOnce_ThenFailsInOneLine()
    {
        var nobody = new Uri($"http://127.0.0.1:{ClosedPort()}/");

        var result = await RunAsync(nobody, "train", "--variant", "constant", "--steps", "1", "--dataset", "cifar10", "--out", _folder.File("run"));

        Assert.True(result.ExitCode == ExitCodes.DataError, result.ToString());
        Assert.Contains("Cannot download cifar10 from " + nobody, Assert.Single(result.StderrLines));
        Assert.False(Directory.Exists(Cache));
    }

    [Fact]
    public async Task UnknownDataset_IsAUsageError()
    {
        var result = await RunAsync(new Uri("http://127.0.0.1:1/"), "data", "fetch", "mnist");

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Contains("mnist", Assert.Single(result.StderrLines));
    }

    private Task<AnnealProcess.Result> RunAsync(Uri mirror, params string[] args) =>
        AnnealProcess.RunAsync(args, Patience, new Dictionary<string, string?> { ["ANNEAL_CACHE"] = Cache, ["ANNEAL_DATA_MIRROR"] = mirror.ToString() });

    private static Dictionary<string, byte[]> RealFiles()
    {
        Assert.True(Directory.Exists(DebianDir), $"these tests serve Debian's Fashion-MNIST files: apt-get install dataset-fashion-mnist ({DebianDir})");
        return FileNames.ToDictionary(n => n, n => File.ReadAllBytes(Path.Combine(DebianDir, n)));
    }

    private static string[] FilesUnder(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];

    private static string Md5(string path) => Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(path)));

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
