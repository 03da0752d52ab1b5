using System.Net;
using System.Net.Sockets;
using Anneal.Ml.Data;

namespace Anneal.Ml.Tests.Data;

public sealed class Cifar10DownloadTests
{
    [Fact]
    public void DownloadsOverHttp_VerifiesMd5_AndExtracts()
    {
        using var temp = new TemporaryDirectory();
        var archive = MakeArchive(temp, recordsPerFile: 2);
        using var server = new SingleFileServer(File.ReadAllBytes(archive));
        var cache = temp.File("cache");

        var batches = new Cifar10Download(server.Url, cache, Cifar10Download.Md5Of(archive)).EnsureExtracted();

        Assert.Equal(Path.Combine(cache, Cifar10Reader.BatchesFolder), batches);
        Assert.Equal(10, Cifar10Reader.Read(batches, recordsPerFile: 2).Train.Count);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public void SecondCall_UsesTheExtractedCacheWithoutDownloading()
    {
        using var temp = new TemporaryDirectory();
        var archive = MakeArchive(temp, recordsPerFile: 1);
        using var server = new SingleFileServer(File.ReadAllBytes(archive));
        var download = new Cifar10Download(server.Url, temp.File("cache"), Cifar10Download.Md5Of(archive));

        download.EnsureExtracted();
        download.EnsureExtracted();

        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public void FileUrl_WorksAsAMirror()
    {
        using var temp = new TemporaryDirectory();
        var archive = MakeArchive(temp, recordsPerFile: 1);
        var batches = new Cifar10Download(new Uri(archive), temp.File("cache"), Cifar10Download.Md5Of(archive)).EnsureExtracted();
        Assert.True(File.Exists(Path.Combine(batches, Cifar10Reader.TestFile)));
    }

    [Fact]
    public void Md5Mismatch_DeletesTheArchive_AndSaysBothSums()
    {
        using var temp = new TemporaryDirectory();
        var archive = MakeArchive(temp, recordsPerFile: 1);
        var cache = temp.File("cache");
        var download = new Cifar10Download(new Uri(archive), cache, Cifar10Download.ArchiveMd5);

        var error = Assert.Throws<DatasetException>(() => download.EnsureExtracted());

        Assert.Contains(Cifar10Download.Md5Of(archive), error.Message);
        Assert.Contains(Cifar10Download.ArchiveMd5, error.Message);
        Assert.False(File.Exists(Path.Combine(cache, Cifar10Download.ArchiveName)));
        Assert.False(Directory.Exists(download.BatchesDir));
    }

    [Fact]
    public void Offline_SaysSoInOneLine_AndNamesData()
    {
        using var temp = new TemporaryDirectory();
        var port = FreePort(); // nothing listens there
        var download = new Cifar10Download(new Uri($"http://127.0.0.1:{port}/cifar-10-binary.tar.gz"), temp.File("cache"), Cifar10Download.ArchiveMd5);

        var error = Assert.Throws<DatasetException>(() => download.EnsureExtracted());

        Assert.Contains("cannot be downloaded", error.Message);
        Assert.Contains("--data", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.False(File.Exists(Path.Combine(temp.File("cache"), Cifar10Download.ArchiveName + ".part")));
    }

    [Fact]
    public void CorruptArchiveWithRightMd5_IsNamedAsUnreadable()
    {
        using var temp = new TemporaryDirectory();
        var archive = temp.File("broken.tar.gz");
        File.WriteAllBytes(archive, [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]);

        var error = Assert.Throws<DatasetException>(() =>
            new Cifar10Download(new Uri(archive), temp.File("cache"), Cifar10Download.Md5Of(archive)).EnsureExtracted());

        Assert.Contains(Cifar10Download.ArchiveName, error.Message);
    }

    private static string MakeArchive(TemporaryDirectory temp, int recordsPerFile)
    {
        var source = temp.File("source");
        CifarFiles.WriteBatches(source, recordsPerFile);
        var archive = temp.File("upstream.tar.gz");
        CifarFiles.TarGz(source, archive);
        return archive;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An HttpListener on a free loopback port that serves one file at any path and counts requests.</summary>
    private sealed class SingleFileServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;
        private int _requests;

        public SingleFileServer(byte[] content)
        {
            var port = FreePort();
            Url = new Uri($"http://127.0.0.1:{port}/cifar-10-binary.tar.gz");
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }
                    Interlocked.Increment(ref _requests);
                    context.Response.ContentLength64 = content.Length;
                    await context.Response.OutputStream.WriteAsync(content);
                    context.Response.Close();
                }
            });
        }

        public Uri Url { get; }
        public int Requests => Volatile.Read(ref _requests);

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
    }
}
