using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Anneal.Ml.Data;

/// <summary>
/// Fetches <c>cifar-10-binary.tar.gz</c> into a cache folder, checks its MD5 and extracts it. The source may be
/// http(s) or file:// (a mirror on a shared disk). A half-finished download or extraction never looks complete:
/// both go to a temporary name first and are moved into place only when whole.
/// </summary>
public sealed class Cifar10Download(Uri source, string cacheDir, string expectedMd5)
{
    public const string DefaultUrl = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz";
    public const string ArchiveMd5 = "c32a1d4ab5d03f1284b67883e8d87530";
    public const string ArchiveName = "cifar-10-binary.tar.gz";

    public static Cifar10Download Default() => new(new Uri(DatasetDownloads.BaseUrl(DatasetCatalog.Cifar10), ArchiveName), DatasetCatalog.Cifar10CacheDir, ArchiveMd5);

    public string CacheDir => cacheDir;
    public string BatchesDir => Path.Combine(cacheDir, Cifar10Reader.BatchesFolder);

    /// <summary>Returns the extracted batches folder, downloading and extracting first if it is missing.</summary>
    /// <param name="chunkRead">Called each time another chunk has been downloaded or extracted (<see cref="ChunkProgressStream"/>).</param>
    public string EnsureExtracted(Action<string>? log = null, Action? chunkRead = null)
    {
        chunkRead ??= () => { };
        if (File.Exists(Path.Combine(BatchesDir, Cifar10Reader.TestFile)))
        {
            return BatchesDir;
        }
        Directory.CreateDirectory(cacheDir);
        var archive = Path.Combine(cacheDir, ArchiveName);
        if (!File.Exists(archive) || Md5Of(archive) != expectedMd5)
        {
            log?.Invoke($"Downloading CIFAR-10 from {source} into {cacheDir}");
            Download(archive, chunkRead);
        }
        var md5 = Md5Of(archive);
        if (md5 != expectedMd5)
        {
            File.Delete(archive);
            throw DatasetException.ForFile(archive, $"MD5 {md5} does not match the expected {expectedMd5}; the corrupt download was deleted");
        }
        Extract(archive, chunkRead);
        return BatchesDir;
    }

    private void Download(string archive, Action chunkRead)
    {
        var partial = archive + ".part";
        try
        {
            using (var output = File.Create(partial))
            {
                if (source.IsFile)
                {
                    using var input = new ChunkProgressStream(File.OpenRead(source.LocalPath), chunkRead);
                    input.CopyTo(output);
                }
                else
                {
                    using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(30) };
                    using var response = http.GetAsync(source, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
                    response.EnsureSuccessStatusCode();
                    using var input = new ChunkProgressStream(response.Content.ReadAsStream(), chunkRead);
                    input.CopyTo(output);
                }
            }
            File.Move(partial, archive, overwrite: true);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or UnauthorizedAccessException)
        {
            File.Delete(partial);
            throw new DatasetException(
                $"CIFAR-10 is not in {cacheDir} and cannot be downloaded from {source} ({FirstLine(e.Message)}); offline? pass --data DIR with a folder holding {Cifar10Reader.BatchesFolder}", e);
        }
    }

    private void Extract(string archive, Action chunkRead)
    {
        var staging = Path.Combine(cacheDir, "extracting-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(staging);
            using (var gzip = new GZipStream(new ChunkProgressStream(File.OpenRead(archive), chunkRead), CompressionMode.Decompress))
            {
                TarFile.ExtractToDirectory(gzip, staging, overwriteFiles: true);
            }
            var extracted = Path.Combine(staging, Cifar10Reader.BatchesFolder);
            if (!Directory.Exists(extracted))
            {
                throw DatasetException.ForFile(archive, $"the archive has no {Cifar10Reader.BatchesFolder} folder");
            }
            if (Directory.Exists(BatchesDir))
            {
                Directory.Delete(BatchesDir, recursive: true);
            }
            Directory.Move(extracted, BatchesDir);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw DatasetException.ForFile(archive, $"not a readable tar.gz ({FirstLine(e.Message)})");
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    public static string Md5Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(MD5.HashData(stream));
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
